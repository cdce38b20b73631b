import type { Metadata } from 'next';
import Link from 'next/link';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { IssueTable } from '@/components/issues/issue-table';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { listPublishedIssues, searchPublishedItems } from '@/lib/data/issues';
import { ZSearchQuery } from '@/lib/validations/common';

export const metadata: Metadata = { title: '已发布' };

export default async function PublishedPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePageAccess('published');
  const query = ZSearchQuery.parse((await searchParams).q);
  const [issues, hits] = await Promise.all([listPublishedIssues(), query ? searchPublishedItems(query) : Promise.resolve([])]);
  const years = [...new Set(issues.map((i) => i.year))];
  return (
    <>
      <PageHeader title="已发布" description="按年份查阅已发布的各期简报；可搜索历期稿件的标题和正文。" />
      <form role="search" className="mb-6 flex gap-2">
        <Input type="search" name="q" defaultValue={query} placeholder="搜索历期稿件" aria-label="搜索历期稿件" className="max-w-sm" />
        <Button type="submit" variant="outline">
          搜索
        </Button>
      </form>
      {query && (
        <section aria-label="搜索结果" className="mb-8" data-testid="search-results">
          <h2 className="mb-2 text-sm font-semibold">
            “{query}”的搜索结果（{hits.length}）
          </h2>
          {hits.length === 0 ? (
            <EmptyState>没有找到相关稿件。</EmptyState>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-white">
              {hits.map((hit) => (
                <li key={hit.id} className="px-4 py-3">
                  <Link href={`/published/${hit.issue.id}`} className="font-medium hover:text-brand">
                    {hit.title}
                  </Link>
                  <span className="ml-2 text-xs text-muted-foreground">{formatIssueNumber(hit.issue)}</span>
                  <p className="mt-1 text-sm text-muted-foreground">{hit.excerpt}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
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
