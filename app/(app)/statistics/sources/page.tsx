import type { Metadata } from 'next';
import { AdoptionChart } from '@/components/statistics/adoption-chart';
import { CountTable } from '@/components/statistics/count-table';
import { StatisticsTabs } from '@/components/statistics/statistics-tabs';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle, TitledCard } from '@/components/ui/card';
import { FilterSelect, SectionFilter } from '@/components/ui/filter-select';
import { requirePageAccess } from '@/lib/auth';
import { describeItemsWithoutSource } from '@/lib/archive/without-source';
import { getPagePublication } from '@/lib/data/page-publication';
import { getAdoptionStatistics } from '@/lib/data/statistics';
import { PUBLICATION_PARAM } from '@/lib/publication-param';
import { firstValues, GRANULARITY_LABELS, ZStatisticsQuery } from '@/lib/validations/statistics';

export const metadata: Metadata = { title: '按来源署名统计' };

/** The tables list this many units; the files hold all of them. */
const TABLE_UNITS = 100;
const CHART_UNITS = 15;

export default async function SourceStatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('statistics');
  const raw = await searchParams;
  const publication = await getPagePublication(raw);
  const params = firstValues(raw);
  const stats = await getAdoptionStatistics(ZStatisticsQuery.parse(params), publication.id);
  const { query } = stats;
  const exportQuery = new URLSearchParams({
    fromYear: String(query.fromYear),
    toYear: String(query.toYear),
    granularity: query.granularity,
    ...(query.section ? { section: query.section } : {}),
    ...(publication.isDefault ? {} : { [PUBLICATION_PARAM]: publication.slug }),
  });
  const years = stats.years.length ? stats.years : [query.toYear];
  const yearOptions = years.map((year) => ({ value: year, label: `${year}年` }));
  const top = stats.units.slice(0, CHART_UNITS);
  const chart = {
    units: top.map((u) => u.unit),
    series: stats.sections.map((section, i) => ({ label: section, values: top.map((u) => u.bySection[i] ?? 0) })),
  };
  const shown = stats.units.slice(0, TABLE_UNITS);

  return (
    <>
      <PageHeader
        title="信息采用统计"
        description="各来源单位（区科协、学会等）被本刊采用的稿件数，含已发布和导入的全部期次。一篇稿件署有几个来源单位，就为每个单位各计一次。"
      />
      <StatisticsTabs current="sources" publication={publication} />
      <form className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label="统计条件">
        {!publication.isDefault && <input type="hidden" name={PUBLICATION_PARAM} value={publication.slug} />}
        <FilterSelect label="起始年份" name="fromYear" defaultValue={query.fromYear} options={yearOptions} />
        <FilterSelect label="截止年份" name="toYear" defaultValue={query.toYear} options={yearOptions} />
        <FilterSelect
          label="统计周期"
          name="granularity"
          defaultValue={query.granularity}
          options={Object.entries(GRANULARITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SectionFilter sections={stats.allSections} defaultValue={query.section} />
        <Button type="submit" variant="outline">
          统计
        </Button>
        <span className="ml-auto flex gap-2">
          <Button asChild size="sm" variant="outline">
            <a href={`/api/statistics/export?format=xlsx&${exportQuery}`} download>
              导出 XLSX
            </a>
          </Button>
          <Button asChild size="sm" variant="outline">
            <a href={`/api/statistics/export?format=csv&${exportQuery}`} download>
              导出 CSV
            </a>
          </Button>
        </span>
      </form>

      <p className="mb-4 text-sm" data-testid="statistics-summary">
        {query.fromYear === query.toYear ? `${query.fromYear}年` : `${query.fromYear}—${query.toYear}年`}
        {query.section ? `“${query.section}”栏目` : ''}共采用稿件 <strong>{stats.itemTotals.total}</strong> 篇
        {describeItemsWithoutSource(stats.itemTotals, stats.allSections[0])}，来源单位{' '}
        <strong>{stats.units.length}</strong> 个。
      </p>

      {stats.units.length === 0 ? (
        <EmptyState>所选范围内没有署来源单位的稿件。</EmptyState>
      ) : (
        <div className="space-y-6">
          <TitledCard title={<>采用最多的来源单位（前 {top.length} 个，按栏目）</>}>
            <AdoptionChart data={chart} />
          </TitledCard>
          <Card>
            <CardHeader>
              <CardTitle>
                {GRANULARITY_LABELS[query.granularity]}统计
                {stats.units.length > TABLE_UNITS && `（前 ${TABLE_UNITS} 个单位；全部单位请导出）`}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <CountTable
                label={`${GRANULARITY_LABELS[query.granularity]}统计表`}
                testId="statistics-by-period"
                hasStickyFirstColumn
                columns={stats.periods.map((p) => ({ key: p.key, label: p.label }))}
                rows={shown.map((unit) => ({ label: unit.unit, counts: unit.byPeriod, total: unit.total }))}
                footer={{ label: '采用稿件数（每篇计一次）', counts: stats.itemTotals.byPeriod, total: stats.itemTotals.total }}
              />
            </CardContent>
          </Card>
          <TitledCard title="按栏目统计">
            <CountTable
              label="按栏目统计表"
              testId="statistics-by-section"
              columns={stats.sections.map((name) => ({ key: name, label: name }))}
              rows={shown.map((unit) => ({ label: unit.unit, counts: unit.bySection, total: unit.total }))}
            />
          </TitledCard>
        </div>
      )}
    </>
  );
}
