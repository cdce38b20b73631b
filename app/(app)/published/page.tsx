import type { Metadata } from 'next';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { IssueTable } from '@/components/issues/issue-table';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { listPublishedIssues } from '@/lib/data/issues';

export const metadata: Metadata = { title: '已发布' };

export default async function PublishedPage() {
  await requirePageAccess('published');
  const issues = await listPublishedIssues();
  const years = [...new Set(issues.map((i) => i.year))];
  return (
    <>
      <PageHeader title="已发布" description="按年份查阅已发布的各期简报。" />
      {years.length === 0 && <EmptyState>还没有已发布的期次。</EmptyState>}
      <div className="space-y-8">
        {years.map((year) => (
          <section key={year} aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`} className="mb-2 text-lg font-semibold">
              {year}年
            </h2>
            <IssueTable
              issues={issues.filter((i) => i.year === year)}
              hrefOf={(id) => `/published/${id}`}
              testId={`published-${year}`}
              extra={{ heading: '下载', render: (id) => <DownloadButtons issueId={id} isPublished /> }}
            />
          </section>
        ))}
      </div>
    </>
  );
}
