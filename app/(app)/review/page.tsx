import type { Metadata } from 'next';
import { IssueTable } from '@/components/issues/issue-table';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { listIssues } from '@/lib/data/issues';
import { getPagePublication } from '@/lib/data/page-publication';

export const metadata: Metadata = { title: '审核' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('review');
  const { id: publicationId } = await getPagePublication(await searchParams);
  const [inReview, assembling] = await Promise.all([
    listIssues({ statuses: ['IN_REVIEW'], publicationId }),
    listIssues({ statuses: ['ASSEMBLING'], publicationId }),
  ]);
  const returned = assembling.filter((issue) => issue.returned);
  return (
    <>
      <PageHeader title="审核" description="待审核的期次。审阅后可提出意见、修改稿件文字，然后退回或通过。" />
      {inReview.length ? (
        <IssueTable issues={inReview} hrefOf={(issue) => `/review/${issue.id}`} testId="review-queue" />
      ) : (
        <EmptyState>没有待审核的期次。</EmptyState>
      )}
      {returned.length > 0 && (
        <section aria-labelledby="returned-title" className="mt-8">
          <h2 id="returned-title" className="mb-2 text-base font-semibold">
            已退回、等待重新提交（{returned.length}）
          </h2>
          <IssueTable issues={returned} hrefOf={(issue) => `/issues/${issue.id}`} testId="returned-issues" />
        </section>
      )}
    </>
  );
}
