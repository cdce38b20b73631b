import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueStatusBadge } from '@/components/issues/issue-status-badge';
import { countOpenAnnotations, IssueReadingView } from '@/components/review/issue-reading-view';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { listIssueAnnotations } from '@/lib/data/annotations';
import { getIssueDetail } from '@/lib/data/issues';
import { readsInReadingView } from '@/lib/issues/links';
import { findStandingReturn } from '@/lib/issues/returns';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '审阅' };

/** The reviewer's reading view (IssueReadingView) under the issue's header, on every screen. */
export default async function ReviewIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('review');
  const id = parseId((await params).id);
  const issue = id === null ? null : await getIssueDetail(id);
  if (id === null || !issue) notFound();
  if (issue.status === 'PUBLISHED') redirect(`/published/${id}`);
  const annotations = await listIssueAnnotations(id);
  const isReviewing = readsInReadingView(user.roles, issue.status);
  const openAnnotations = countOpenAnnotations(annotations);

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
      <IssueReadingView issue={issue} annotations={annotations} isReviewing={isReviewing} className="lg:max-w-4xl" />
    </div>
  );
}
