import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FilterSelect } from '@/components/ui/filter-select';
import { UnitAdoptionTable } from '@/components/statistics/unit-adoption-table';
import { getBeijingToday } from '@/lib/dates';
import { getUnitAdoption } from '@/lib/data/unit-adoption';
import { formatPoints, formatRate, resolveAdoptionPeriod, type UnitAdoptionRow } from '@/lib/units/points';
import { ZUnitAdoptionQuery } from '@/lib/validations/units';

const QUARTERS = [
  { value: '1', label: '第一季度' },
  { value: '2', label: '第二季度' },
  { value: '3', label: '第三季度' },
  { value: '4', label: '第四季度' },
];

/** The figure columns after 名次 and 单位, as the CSV has them; 得分 is the one in bold. */
const FIGURES: readonly { label: string; value: (row: UnitAdoptionRow) => string | number; isStrong?: boolean }[] = [
  { label: '报送', value: (row) => row.submitted },
  { label: '单独采用', value: (row) => row.single },
  { label: '综合采用', value: (row) => row.merged },
  { label: '采用率', value: (row) => formatRate(row.rate) },
  { label: '得分', value: (row) => formatPoints(row.points), isStrong: true },
];

/**
 * 采用统计 per unit for a year, a quarter or a custom range: 报送, 单独采用, 综合采用, 采用率,
 * 得分 and 名次 of every active unit, with the files and the 通报 of the same figures.
 */
export async function UnitAdoptionSection({ params }: { params: Record<string, string | undefined> }) {
  const query = ZUnitAdoptionQuery.parse(params);
  const today = getBeijingToday();
  const thisYear = Number(today.slice(0, 4));
  const period = resolveAdoptionPeriod(query, thisYear);
  const { rows, totals } = await getUnitAdoption(period);
  const download = new URLSearchParams(
    query.from && query.to ? { from: period.from, to: period.to } : { year: period.from.slice(0, 4), ...(query.quarter ? { quarter: query.quarter } : {}) },
  );
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i).map((year) => ({ value: year, label: `${year}年` }));
  const files = [
    ['csv', '导出 CSV'],
    ['xlsx', '导出 XLSX'],
    ['pdf', '通报 PDF'],
    ['docx', '通报 DOCX'],
  ] as const;
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>各单位信息报送与采用得分（{period.label}）</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="得分统计期间">
          <FilterSelect label="年份" name="year" defaultValue={Number(period.from.slice(0, 4))} options={years} />
          <FilterSelect label="季度" name="quarter" defaultValue={query.from && query.to ? null : query.quarter} allLabel="全年" options={QUARTERS} />
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">或自定起止：从</span>
            <input type="date" name="from" defaultValue={query.from && query.to ? period.from : ''} className="h-9 rounded-md border border-border bg-white px-2 text-sm" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">至</span>
            <input type="date" name="to" defaultValue={query.from && query.to ? period.to : ''} className="h-9 rounded-md border border-border bg-white px-2 text-sm" />
          </label>
          <Button type="submit" variant="outline">
            统计得分
          </Button>
        </form>
        <div className="flex flex-wrap gap-2">
          {files.map(([format, label]) => (
            <Button key={format} asChild size="sm" variant="outline">
              <a href={`/api/statistics/units?format=${format}&${download}`} download>
                {label}
              </a>
            </Button>
          ))}
        </div>
        <p className="text-sm" data-testid="unit-adoption-summary">
          {period.label}各单位共报送 <strong>{totals.submitted}</strong> 篇，单独采用 <strong>{totals.single}</strong> 篇，综合采用{' '}
          <strong>{totals.merged}</strong> 篇。得分：单独采用、综合采用按出刊日期适用的计分规则计分，约稿采用和领导批示另行加分。
        </p>
        <UnitAdoptionTable
          columns={FIGURES.map(({ label, isStrong }) => ({ label, isStrong }))}
          rows={rows.map((row) => ({ unitId: row.unitId, rank: row.rank, unit: row.unit, figures: FIGURES.map(({ value }) => value(row)) }))}
        />
      </CardContent>
    </Card>
  );
}
