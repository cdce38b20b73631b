import Link from 'next/link';
import { AnnotatedBody } from '@/components/annotations/annotated-body';
import { toAnnotationView } from '@/components/annotations/annotation-view';
import { ReviewBar } from '@/components/annotations/review-bar';
import { IssueWebView } from '@/components/issues/issue-web-view';
import type { AnnotationEntry } from '@/lib/data/annotations';
import type { PrintIssue } from '@/lib/export/print-issue';
import { getTitleText } from '@/lib/layout/title';

/** What the reading view needs of an issue (`getIssueDetail`). */
export interface ReadingIssue {
  id: number;
  print: PrintIssue;
  items: { id: number; section: { name: string }; column: { name: string } | null }[];
}

/**
 * The reviewer's reading view: the issue reflowed as it prints (masthead numbers, 目录提要,
 * sections and items in print order), the 批注 at their paragraphs and, while `isReviewing`,
 * the bar fixed at the bottom (审核通过 / 退回修改 / 批注) and a link to each item's page for
 * 修订. Shown by /review/<id> and, on a phone, by the issue page. The caller leaves room below it
 * for the bar (`pb-28`).
 */
export function IssueReadingView({
  issue,
  annotations,
  isReviewing,
  className,
}: {
  issue: ReadingIssue;
  annotations: AnnotationEntry[];
  isReviewing: boolean;
  className?: string;
}) {
  const views = annotations.map((annotation) => ({ ...toAnnotationView(annotation), startOffset: annotation.startOffset }));
  // Item ids in print order: the print model has none, so each section's and column's items
  // are matched in their (shared) order within it.
  const queues = new Map<string, number[]>();
  for (const item of issue.items) {
    const key = `${item.section.name}\u0000${item.column?.name ?? ''}`;
    queues.set(key, [...(queues.get(key) ?? []), item.id]);
  }
  const idsInPrintOrder = issue.print.sections.flatMap((section) =>
    section.columns.flatMap((column) => column.items.map((_, i) => queues.get(`${section.name}\u0000${column.name ?? ''}`)?.[i] ?? 0)),
  );
  return (
    <>
      <IssueWebView
        issue={issue.print}
        className={className}
        renderBody={(item, position) => {
          const itemId = idsInPrintOrder[position] ?? 0;
          return (
            <>
              {isReviewing && (
                // 修订 are made on the item's page (修订模式).
                <p className="mt-1 text-right text-sm">
                  <Link href={`/items/${itemId}`} className="text-brand underline" aria-label={`修订此稿：${getTitleText(item.title)}`}>
                    修订此稿
                  </Link>
                </p>
              )}
              <AnnotatedBody itemId={itemId} item={item} annotations={views.filter((annotation) => annotation.itemId === itemId)} canWrite />
            </>
          );
        }}
      />
      {isReviewing && <ReviewBar issueId={issue.id} openAnnotations={countOpenAnnotations(annotations)} />}
    </>
  );
}

/** 批注 not yet resolved: the bar's warning and the pages' notes. */
export function countOpenAnnotations(annotations: readonly AnnotationEntry[]): number {
  return annotations.filter((annotation) => !annotation.resolvedAt).length;
}
