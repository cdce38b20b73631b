import type { Metadata } from 'next';
import Link from 'next/link';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { IssueTable } from '@/components/issues/issue-table';
import { ArchiveSearchForm } from '@/components/archive/archive-search-form';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { listPublishedIssuesOfYear, listPublishedYears } from '@/lib/data/archive';
import { getPagePublication } from '@/lib/data/page-publication';
import { publicationHref } from '@/lib/publication-param';
import { cn } from '@/lib/utils';
import { ZArchiveYear } from '@/lib/validations/archive';

export const metadata: Metadata = { title: '已发布' };

export default async function PublishedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('published');
  const params = await searchParams;
  const publication = await getPagePublication(params);
  const raw = params.year;
  const asked = ZArchiveYear.parse(Array.isArray(raw) ? raw[0] : raw);
  const years = await listPublishedYears(publication.id);
  // One year at a time: ten years of weekly issues are five hundred rows.
  const year = years.find((y) => y.year === asked)?.year ?? years[0]?.year;
  const issues = year === undefined ? [] : await listPublishedIssuesOfYear(publication.id, year);
  return (
    <>
      <PageHeader title="已发布" description="按年份查阅已发布和导入的各期简报；检索历期稿件的标题、正文和来源。" />
      <div className="mb-6">
        <ArchiveSearchForm publication={publication} />
      </div>
      {years.length === 0 ? (
        <EmptyState>还没有已发布的期次。</EmptyState>
      ) : (
        <>
          <nav aria-label="年份" className="mb-4 flex flex-wrap gap-1 text-sm">
            {years.map((y) => (
              <Link
                key={y.year}
                href={publicationHref(`/published?year=${y.year}`, publication)}
                aria-current={y.year === year ? 'page' : undefined}
                className={cn('rounded-md px-2.5 py-1 hover:bg-muted', y.year === year && 'bg-brand/10 font-medium text-brand')}
              >
                {y.year}年<span className="ml-1 text-xs text-muted-foreground">{y.count}</span>
              </Link>
            ))}
          </nav>
          <section aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`} className="mb-2 text-lg font-semibold">
              {year}年
            </h2>
            <IssueTable
              issues={issues.map((issue) => ({ ...issue, _count: { items: issue.itemCount } }))}
              hrefOf={(issue) => `/published/${issue.id}`}
              testId={`published-${year}`}
              extra={{ heading: '下载', render: (id) => <DownloadButtons issueId={id} isPublished /> }}
            />
          </section>
        </>
      )}
    </>
  );
}
