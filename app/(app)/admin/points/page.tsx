import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { PointRulesForm } from '@/components/admin/units/point-rules-form';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { formatBeijingDateTime, formatChineseDate, getBeijingToday } from '@/lib/dates';
import { listPointRuleSets } from '@/lib/data/point-rules';
import { DEFAULT_POINT_RULES, POINT_RULE_LABELS, rulesOn } from '@/lib/units/points';

export const metadata: Metadata = { title: '采用计分' };

const FIELDS = Object.keys(POINT_RULE_LABELS) as (keyof typeof POINT_RULE_LABELS)[];

export default async function PointsPage() {
  await requirePageAccess('admin');
  const sets = await listPointRuleSets();
  const current = rulesOn(getBeijingToday(), sets);
  return (
    <AdminPage tab="points" title="采用计分" description="各单位信息采用的计分规则。每一版自生效日期起适用：一期按其出刊日期所在的那一版计分，已有的版本不再修改，规则变化时添加新的一版。">
      <div className="space-y-6">
        <TitledCard title="添加新的一版">
          <PointRulesForm current={current} />
        </TitledCard>
        <TitledCard title="各版规则" contentClassName="overflow-x-auto">
          <table className="w-full text-sm" data-testid="point-rule-sets">
            <thead>
              <tr className="border-b border-border text-left text-muted-foreground">
                <th scope="col" className="py-2 pr-3 font-normal">生效日期</th>
                {FIELDS.map((field) => (
                  <th key={field} scope="col" className="py-2 pr-3 text-right font-normal">
                    {POINT_RULE_LABELS[field]}
                  </th>
                ))}
                <th scope="col" className="py-2 font-normal">设置</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((set) => (
                <tr key={set.id} className="border-b border-border">
                  <td className="py-2 pr-3 whitespace-nowrap">{formatChineseDate(set.effectiveFrom)}</td>
                  {FIELDS.map((field) => (
                    <td key={field} className="py-2 pr-3 text-right tabular-nums">
                      {set[field]}
                    </td>
                  ))}
                  <td className="py-2 text-xs text-muted-foreground">
                    {set.createdBy} · {formatBeijingDateTime(set.createdAt)}
                  </td>
                </tr>
              ))}
              <tr>
                <td className="py-2 pr-3 text-muted-foreground">{sets.length ? '更早' : '目前'}（默认）</td>
                {FIELDS.map((field) => (
                  <td key={field} className="py-2 pr-3 text-right tabular-nums text-muted-foreground">
                    {DEFAULT_POINT_RULES[field]}
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
        </TitledCard>
      </div>
    </AdminPage>
  );
}
