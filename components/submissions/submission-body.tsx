import { getBodyParagraphs } from '@/lib/item-body-text';
import type { ItemBody } from '@/lib/validations/item-body';

/** A submission's text as sent, with who wrote and signed it off (信息员 and 来稿 pages). */
export function SubmissionBody({
  submission,
}: {
  submission: { body: ItemBody; writer: string; writerPhone: string; signedOffBy: string; fileName: string | null };
}) {
  return (
    <article className="rounded-lg border border-border bg-white p-5">
      {getBodyParagraphs(submission.body).map((paragraph, index) => (
        <p key={index} className="mb-3 indent-8 leading-relaxed">
          {paragraph}
        </p>
      ))}
      <p className="mt-4 text-sm text-muted-foreground">
        执笔人：{submission.writer}（{submission.writerPhone}）　审签人：{submission.signedOffBy}
        {submission.fileName && `　文件：${submission.fileName}`}
      </p>
    </article>
  );
}
