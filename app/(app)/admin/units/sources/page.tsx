import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPage } from '@/components/admin/admin-page';
import { MapSourceForm } from '@/components/admin/units/map-source-form';
import { EmptyState } from '@/components/shell/empty-state';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { listUnits, listUnmatchedSources } from '@/lib/data/units';

export const metadata: Metadata = { title: '对应来源名称' };

/** Shown at once; the rest follow as these are mapped. */
const SHOWN = 100;

export default async function UnitSourcesPage() {
  await requirePageAccess('admin');
  const [sources, units] = await Promise.all([listUnmatchedSources(), listUnits()]);
  const choices = units.map((unit) => ({ id: unit.id, name: unit.name }));
  return (
    <AdminPage
      tab="units"
      title="对应来源名称"
      description="稿件和历史期次中出现、但不是任何单位名称、简称或别名的来源。选择它所指的单位后，该名称成为单位的别名，采用统计即按该单位计数（如“科技社团服务中心”与“北京科技社团服务中心”计为一个单位）。"
    >
      <p className="mb-4 text-sm">
        <Link href="/admin/units" className="text-brand underline">
          返回单位名录
        </Link>
      </p>
      <TitledCard title={`未对应的来源名称（${sources.length}）`}>
        {sources.length === 0 ? (
          <EmptyState>所有来源名称都已对应到单位。</EmptyState>
        ) : units.length === 0 ? (
          <EmptyState>请先在单位名录中添加或导入单位。</EmptyState>
        ) : (
          <ul className="divide-y divide-border text-sm" data-testid="unmatched-sources">
            {sources.slice(0, SHOWN).map((source, index) => (
              <li key={source.name} className="flex flex-wrap items-center gap-3 py-2">
                <span className="min-w-0 break-all font-medium">{source.name}</span>
                <span className="text-xs text-muted-foreground">{source.count} 篇</span>
                <span className="ml-auto">
                  <MapSourceForm name={source.name} units={choices} index={index} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </TitledCard>
    </AdminPage>
  );
}
