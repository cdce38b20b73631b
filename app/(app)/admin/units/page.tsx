import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPage } from '@/components/admin/admin-page';
import { ImportUnitsForm } from '@/components/admin/units/import-units-form';
import { UnitForm } from '@/components/admin/units/unit-form';
import { EmptyState } from '@/components/shell/empty-state';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle, TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { listUnits } from '@/lib/data/units';
import { UNIT_KIND_LABELS } from '@/lib/units/kinds';

export const metadata: Metadata = { title: '单位名录' };

export default async function UnitsPage() {
  await requirePageAccess('admin');
  const units = await listUnits();
  return (
    <AdminPage tab="units" title="单位名录" description="报送信息的区科协、学会、直属单位和机关部门。稿件的来源按单位名称、简称和别名对应到单位，采用统计按单位计数。">
      <div className="space-y-6">
        <TitledCard title="添加单位">
          <UnitForm />
        </TitledCard>
        <TitledCard title="从文件导入">
          <ImportUnitsForm />
        </TitledCard>
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle>单位（{units.length}）</CardTitle>
            <Link href="/admin/units/sources" className="text-sm text-brand underline">
              对应稿件中的来源名称
            </Link>
          </CardHeader>
          <CardContent>
            {units.length === 0 ? (
              <EmptyState>名录还是空的。可逐个添加，或下载模板填好后导入。</EmptyState>
            ) : (
              <ul className="divide-y divide-border text-sm" data-testid="unit-list">
                {units.map((unit) => (
                  <li key={unit.id} className="py-2">
                    <details>
                      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
                        <span className="w-16 text-xs text-muted-foreground">{UNIT_KIND_LABELS[unit.kind]}</span>
                        <span className="font-medium">{unit.name}</span>
                        {[...unit.shortNames, ...unit.aliases].length > 0 && (
                          <span className="min-w-0 break-all text-muted-foreground">也写作：{[...unit.shortNames, ...unit.aliases].join('、')}</span>
                        )}
                        {!unit.isActive && <Badge>已停用</Badge>}
                      </summary>
                      <div className="mt-3">
                        <UnitForm unit={unit} />
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </AdminPage>
  );
}
