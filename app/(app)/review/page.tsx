import type { Metadata } from 'next';
import { IssueTable } from '@/components/issues/issue-table';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { listIssues } from '@/lib/data/issues';

export const metadata: Metadata = { title: '审核' };

export default async function ReviewPage() {
  await requirePageAccess('review');
  const issues = await listIssues({ statuses: ['IN_REVIEW'] });
  return (
    <>
      <PageHeader title="审核" description="待审核的期次。审阅后可提出意见、修改稿件文字，然后退回或通过。" />
      {issues.length ? (
        <IssueTable issues={issues} hrefOf={(id) => `/issues/${id}`} testId="review-queue" />
      ) : (
        <EmptyState>没有待审核的期次。</EmptyState>
      )}
    </>
  );
}
