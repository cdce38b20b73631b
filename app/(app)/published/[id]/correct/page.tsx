import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportCorrectionForm } from '@/components/admin/import-correction-form';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { correctImportedIssueAction } from '@/lib/actions/imports';
import { requirePageAccess } from '@/lib/auth';
import { getCorrectableIssue } from '@/lib/data/import-corrections';
import { formatBeijingDateTime } from '@/lib/dates';
import { parseId } from '@/lib/route-params';
import { ISSUE_EVENT_LABELS } from '@/lib/validations/issues';

export const metadata: Metadata = { title: '修订导入内容' };

export default async function CorrectImportedIssuePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess('admin');
  const id = parseId((await params).id);
  // Only imported, published issues can be corrected here; anything else is a 404.
  const issue = id === null ? null : await getCorrectableIssue(id);
  if (!issue) notFound();
  return (
    <>
      <PageHeader
        title={`修订导入内容：${formatIssueNumber(issue.print)}`}
        description="改正识别有误的标题、分段、来源、栏目，移动或拆分稿件。保存后网页、检索、采用统计和 PDF/DOCX 随之更新，修订记入本期历史。"
        actions={
          <Link href={`/published/${issue.id}`} className="whitespace-nowrap text-sm text-brand underline">
            返回本期
          </Link>
        }
      />
      <Card>
        <CardContent className="py-5">
          <ImportCorrectionForm issueId={issue.id} base={issue.print} initialText={issue.text} version={issue.version} correct={correctImportedIssueAction} />
        </CardContent>
      </Card>
      <section aria-label="修订历史" className="mt-6 text-sm" data-testid="correction-history">
        <h2 className="mb-2 font-medium">历史</h2>
        <ul className="space-y-1">
          {issue.history.map((event, index) => (
            <li key={index} className="text-muted-foreground">
              {formatBeijingDateTime(event.createdAt)} · {event.actorName} · {ISSUE_EVENT_LABELS[event.type]}
              {event.comment && `：${event.comment}`}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
