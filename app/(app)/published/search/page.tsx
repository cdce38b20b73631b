import type { Metadata } from 'next';
import Link from 'next/link';
import { ArchiveSearchForm } from '@/components/archive/archive-search-form';
import { Highlighted } from '@/components/archive/highlighted';
import { formatDate } from '@/components/issues/issue-labels';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { getSearchFilterOptions, searchArchive, SEARCH_COUNT_CAP } from '@/lib/data/archive';
import { getPagePublication } from '@/lib/data/page-publication';
import { publicationHref, type PublicationLink } from '@/lib/publication-param';
import { ZArchiveSearch, type ArchiveSearchParams } from '@/lib/validations/archive';
import { firstValues } from '@/lib/validations/statistics';

export const metadata: Metadata = { title: '检索历期稿件' };

type SearchParams = Record<string, string | string[] | undefined>;

function hrefFor(values: ArchiveSearchParams, page: number, publication: PublicationLink): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, page })) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  return publicationHref(`/published/search?${params.toString()}`, publication);
}

export default async function ArchiveSearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageAccess('published');
  const raw = await searchParams;
  const publication = await getPagePublication(raw);
  const values = ZArchiveSearch.parse(firstValues(raw));
  const [options, result] = await Promise.all([
    getSearchFilterOptions(publication.id),
    searchArchive({
      query: values.q,
      publicationId: publication.id,
      year: values.year,
      section: values.section,
      source: values.source,
      page: values.page,
    }),
  ]);
  const hasQuery = result.terms.length > 0;
  return (
    <>
      <PageHeader
        title="检索历期稿件"
        description="检索所有已发布和导入期次的标题、正文和来源；一个字、两个字的词也能找到。多个词用空格分开，须同时出现。"
        actions={
          <Link href={publicationHref('/published', publication)} className="text-sm text-brand hover:underline">
            返回已发布
          </Link>
        }
      />
      <div className="mb-6">
        <ArchiveSearchForm values={values} options={options} publication={publication} />
      </div>
      {!hasQuery ? (
        <EmptyState>请输入要查找的字词。</EmptyState>
      ) : (
        <section aria-label="搜索结果" data-testid="search-results">
          <h2 className="mb-2 text-sm font-semibold" data-testid="search-summary">
            “{values.q}”的搜索结果：{result.isTotalCapped ? `${SEARCH_COUNT_CAP} 条以上` : `共 ${result.total} 条`}
            {result.pageCount > 1 && `，第 ${result.page}/${result.pageCount} 页`}
          </h2>
          {result.isTotalCapped && (
            <p className="mb-2 text-xs text-muted-foreground">结果较多，只列出最近的 {SEARCH_COUNT_CAP} 条；可加上年份、栏目或来源缩小范围。</p>
          )}
          {result.hits.length === 0 ? (
            <EmptyState>没有找到相关稿件。</EmptyState>
          ) : (
            <ol className="divide-y divide-border rounded-lg border border-border bg-white">
              {result.hits.map((hit) => (
                <li key={hit.id} className="px-4 py-3">
                  <Link href={`/published/${hit.issueId}#item-${hit.position}`} className="font-medium hover:text-brand">
                    <Highlighted segments={hit.title} />
                  </Link>
                  {hit.subtitle && (
                    <span className="ml-1 text-sm">
                      <Highlighted segments={hit.subtitle} />
                    </span>
                  )}
                  <div className="mt-0.5 text-xs text-muted-foreground">
                    {hit.year}年第{hit.yearNumber}期（总第{hit.totalNumber}期） · {formatDate(hit.issueDate)} · {hit.sectionName}
                    {hit.columnName ? ` · ${hit.columnName}` : ''}
                    {hit.sources.length > 0 && (
                      <>
                        {' · 来源：'}
                        <Highlighted segments={hit.sources} />
                      </>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-muted-foreground">
                    <Highlighted segments={hit.excerpt} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          {result.pageCount > 1 && (
            <nav aria-label="分页" className="mt-4 flex items-center gap-3 text-sm">
              {result.page > 1 && <Link href={hrefFor(values, result.page - 1, publication)} className="text-brand hover:underline">上一页</Link>}
              {result.page < result.pageCount && (
                <Link href={hrefFor(values, result.page + 1, publication)} className="text-brand hover:underline">
                  下一页
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </>
  );
}
