import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { requirePageAccess } from '@/lib/auth';
import { countItemsBySection, listItemAuthors, listItems } from '@/lib/data/items';
import { getPagePublication } from '@/lib/data/page-publication';
import { listSections } from '@/lib/data/sections';
import { formatBeijingDateTime } from '@/lib/dates';
import { issuePathFor } from '@/lib/issues/links';
import { PUBLICATION_PARAM, publicationHref } from '@/lib/publication-param';
import { cn } from '@/lib/utils';
import { ITEM_STAGE_LABELS, ZItemFilters, type ItemStage } from '@/lib/validations/items';

export const metadata: Metadata = { title: '稿件' };

type SearchParams = Record<string, string | string[] | undefined>;

const STAGE_TONES: Record<ItemStage, string> = {
  DRAFT: '',
  READY: 'border-green-200 bg-green-50 text-green-800',
  PLACED: 'border-amber-200 bg-amber-50 text-amber-800',
  PUBLISHED: 'border-blue-200 bg-blue-50 text-blue-800',
};

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

export default async function ItemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageAccess('items');
  const raw = await searchParams;
  const publication = await getPagePublication(raw);
  const filters = ZItemFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v) || undefined])));
  const [list, counts, sections, authors] = await Promise.all([
    listItems(filters, publication.id),
    countItemsBySection(filters, publication.id),
    listSections({ includeRetired: true, publicationId: publication.id }),
    listItemAuthors(),
  ]);
  const hrefWith = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    // Any other filter starts again at the first page.
    for (const [key, value] of Object.entries({ ...filters, page: undefined, ...patch })) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const query = params.toString();
    return publicationHref(query ? `/items?${query}` : '/items', publication);
  };
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const { items } = list;

  return (
    <>
      <PageHeader
        title="稿件"
        description="按栏目、状态、作者和日期查找稿件；标题可搜索。已刊发的稿件默认不列出，可在“状态”中选择查看。"
        actions={
          user.roles.includes('EDITOR') && (
            <Button asChild>
              <Link href={publicationHref('/items/new', publication)}>新建稿件</Link>
            </Button>
          )
        }
      />
      <div className="grid gap-6 md:grid-cols-[13rem_1fr]">
        <nav aria-label="按栏目筛选" className="space-y-1 text-sm">
          <Link
            href={hrefWith({ sectionId: undefined })}
            className={cn('flex justify-between rounded px-2 py-1 hover:bg-muted', !filters.sectionId && 'bg-brand/10 text-brand')}
          >
            <span>全部栏目</span>
            <span>{total}</span>
          </Link>
          {sections
            .filter((s) => !s.isRetired || counts.has(s.id))
            .map((s) => (
              <Link
                key={s.id}
                href={hrefWith({ sectionId: s.id })}
                data-testid={`section-count-${s.id}`}
                className={cn(
                  'flex justify-between rounded px-2 py-1 hover:bg-muted',
                  filters.sectionId === s.id && 'bg-brand/10 text-brand',
                  s.isRetired && 'text-muted-foreground',
                )}
              >
                <span>
                  {s.name}
                  {s.isRetired ? '（已停用）' : ''}
                </span>
                <span>{counts.get(s.id) ?? 0}</span>
              </Link>
            ))}
        </nav>
        <div>
          <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" role="search">
            {filters.sectionId && <input type="hidden" name="sectionId" value={filters.sectionId} />}
            {!publication.isDefault && <input type="hidden" name={PUBLICATION_PARAM} value={publication.slug} />}
            <label className="flex flex-col gap-1">
              标题
              <Input name="q" defaultValue={filters.q} placeholder="搜索标题" className="w-48" />
            </label>
            <label className="flex flex-col gap-1">
              状态
              <select name="status" defaultValue={filters.status ?? ''} className="h-9 rounded-md border border-border bg-white px-2">
                <option value="">未刊发</option>
                {(['DRAFT', 'READY', 'PLACED', 'PUBLISHED'] as const).map((stage) => (
                  <option key={stage} value={stage}>
                    {ITEM_STAGE_LABELS[stage]}
                  </option>
                ))}
                <option value="ALL">全部（含已刊发）</option>
              </select>
            </label>
            <label className="flex flex-col gap-1">
              作者
              <select name="authorId" defaultValue={filters.authorId ?? ''} className="h-9 rounded-md border border-border bg-white px-2">
                <option value="">全部</option>
                {authors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              修改日期自
              <Input type="date" name="from" defaultValue={filters.from} className="w-40" />
            </label>
            <label className="flex flex-col gap-1">
              至
              <Input type="date" name="to" defaultValue={filters.to} className="w-40" />
            </label>
            <Button type="submit" variant="outline">
              筛选
            </Button>
          </form>
          {items.length === 0 ? (
            <EmptyState>
              没有符合条件的稿件。
              {!filters.status && (
                // The default list leaves out published items: say where they are.
                <>
                  {' '}
                  <Link href={hrefWith({ status: 'PUBLISHED' })} className="text-brand hover:underline">
                    查看已刊发的稿件
                  </Link>
                </>
              )}
            </EmptyState>
          ) : (
            <table className="w-full overflow-hidden rounded-lg border border-border bg-white text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2" data-testid="item-list">
              {/* Cell padding once on the table, not in each of the page's 300 cells (and its RSC payload). */}
              <thead className="bg-muted text-left text-xs text-muted-foreground">
                <tr>
                  <th>标题</th>
                  <th>栏目</th>
                  <th>状态</th>
                  <th>作者</th>
                  <th className="text-right">字数</th>
                  <th>修改时间</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link href={`/items/${item.id}`} className="font-medium hover:text-brand">
                        {item.title}
                      </Link>
                    </td>
                    <td>
                      {item.section.name}
                      {item.column ? ` · ${item.column.name}` : ''}
                    </td>
                    <td>
                      <Badge className={STAGE_TONES[item.stage]} data-testid="item-stage">
                        {ITEM_STAGE_LABELS[item.stage]}
                      </Badge>
                      {item.issue && (
                        <Link href={issuePathFor(user.roles, item.issue)} className="ml-1 text-xs text-muted-foreground hover:text-brand">
                          第{item.issue.yearNumber}期
                        </Link>
                      )}
                    </td>
                    <td>{item.author.displayName}</td>
                    <td className="text-right tabular-nums">{item.characterCount}</td>
                    <td className="text-xs text-muted-foreground">
                      {formatBeijingDateTime(item.updatedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list.pageCount > 1 && (
            <nav aria-label="分页" className="mt-3 flex items-center gap-3 text-sm" data-testid="item-pages">
              <span className="text-muted-foreground">
                共 {list.total} 篇，第 {list.page}/{list.pageCount} 页
              </span>
              {list.page > 1 && (
                <Link href={hrefWith({ page: list.page - 1 })} className="text-brand hover:underline">
                  上一页
                </Link>
              )}
              {list.page < list.pageCount && (
                <Link href={hrefWith({ page: list.page + 1 })} className="text-brand hover:underline">
                  下一页
                </Link>
              )}
            </nav>
          )}
        </div>
      </div>
    </>
  );
}
