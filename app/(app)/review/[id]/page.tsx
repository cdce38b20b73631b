import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AnnotatedBody } from '@/components/annotations/annotated-body';
import { toAnnotationView } from '@/components/annotations/annotation-view';
import { ReviewBar } from '@/components/annotations/review-bar';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueStatusBadge } from '@/components/issues/issue-status-badge';
import { IssueWebView } from '@/components/issues/issue-web-view';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { listIssueAnnotations } from '@/lib/data/annotations';
import { getIssueDetail } from '@/lib/data/issues';
import { findStandingReturn } from '@/lib/issues/returns';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '审阅' };

/**
 * The reviewer's reading view: the issue reflowed as it prints (masthead numbers, 目录提要,
 * sections and items in print order), the 批注 at their paragraphs, and the bar at the bottom.
 */
export default async function ReviewIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('review');
  const id = parseId((await params).id);
  const issue = id === null ? null : await getIssueDetail(id);
  if (id === null || !issue) notFound();
  if (issue.status === 'PUBLISHED') redirect(`/published/${id}`);
  const annotations = (await listIssueAnnotations(id)).map((annotation) => ({ ...toAnnotationView(annotation), startOffset: annotation.startOffset }));

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
  const isReviewing = issue.status === 'IN_REVIEW' && user.roles.includes('REVIEWER');
  const openAnnotations = annotations.filter((annotation) => !annotation.isResolved).length;

  return (
    <div className={isReviewing ? 'pb-28' : undefined}>
      <PageHeader
        title={formatIssueNumber(issue)}
        description={openAnnotations ? `${openAnnotations} 条批注未解决。选中正文文字后点“批注”。` : '选中正文文字后点“批注”。'}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <IssueStatusBadge status={issue.status} isReturned={!!findStandingReturn(issue.status, issue.events)} />
            <Button asChild variant="outline" size="sm">
              <Link href={`/issues/${id}`}>编排页面</Link>
            </Button>
          </div>
        }
      />
      <IssueWebView
        issue={issue.print}
        className="lg:max-w-4xl"
        renderBody={(item, position) => {
          const itemId = idsInPrintOrder[position] ?? 0;
          return (
            <AnnotatedBody
              itemId={itemId}
              item={item}
              annotations={annotations.filter((annotation) => annotation.itemId === itemId)}
              canWrite
            />
          );
        }}
      />
      {isReviewing && <ReviewBar issueId={id} openAnnotations={openAnnotations} />}
    </div>
  );
}
