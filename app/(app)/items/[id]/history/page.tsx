import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreVersionButton } from '@/components/items/restore-version-button';
import { TextDiff } from '@/components/items/text-diff';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { getItem, getItemHistory } from '@/lib/data/items';
import { formatBeijingDateTime } from '@/lib/dates';
import { formatSources } from '@/lib/render-body';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '历史版本' };

export default async function ItemHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const user = await requirePageAccess('items');
  const id = parseId((await params).id);
  const item = id === null ? null : await getItem(id);
  if (id === null || !item) notFound();
  const history = await getItemHistory(id);
  const query = await searchParams;
  // Default comparison: the previous version against the current one.
  const b = history.find((v) => v.version === Number(query.b)) ?? history[0];
  const a = history.find((v) => v.version === Number(query.a)) ?? history.find((v) => b && v.version < b.version);
  const textOf = (v: (typeof history)[number]) => `${v.title}\n\n${v.bodyText}`;
  const canRestore = user.roles.includes('EDITOR');

  return (
    <>
      <PageHeader
        title={`历史版本：${item.title}`}
        description={`共 ${history.length} 个保存版本。同一人10分钟内的连续自动保存合并为一个版本。`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={`/items/${id}`}>返回稿件</Link>
          </Button>
        }
      />
      <div className="grid gap-6 md:grid-cols-[20rem_1fr]">
        <TitledCard title="版本">
          <ol className="space-y-3 text-sm" data-testid="version-list">
            {history.map((v) => (
              <li key={v.version} className="space-y-1">
                <div className="flex items-center gap-2">
                  <strong>第{v.version}版</strong>
                  <span>{v.editor.displayName}</span>
                  {v.version === item.version && <span className="text-xs text-green-700">当前</span>}
                </div>
                <div className="text-xs text-muted-foreground">
                  {formatBeijingDateTime(v.createdAt)}
                  {v.note ? ` · ${v.note}` : ''}
                </div>
                <div className="flex flex-wrap gap-2 text-xs">
                  <Link className="text-brand underline" href={`?a=${v.version}&b=${b?.version ?? v.version}`}>
                    设为对比起点
                  </Link>
                  <Link className="text-brand underline" href={`?a=${a?.version ?? v.version}&b=${v.version}`}>
                    设为对比终点
                  </Link>
                  {canRestore && v.version !== item.version && (
                    <RestoreVersionButton itemId={id} version={v.version} currentVersion={item.version} />
                  )}
                </div>
              </li>
            ))}
          </ol>
        </TitledCard>
        <div>
          {a && b ? (
            <>
              <h2 className="mb-2 text-sm font-semibold">
                第{a.version}版 → 第{b.version}版
              </h2>
              <TextDiff before={textOf(a)} after={textOf(b)} />
            </>
          ) : (
            <p className="text-sm text-muted-foreground">只有一个版本，暂无可对比的内容。</p>
          )}
          <p className="mt-3 text-sm text-muted-foreground">当前来源：{formatSources(item.sources) || '（无）'}</p>
        </div>
      </div>
    </>
  );
}
