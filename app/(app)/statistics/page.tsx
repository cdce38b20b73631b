import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { StatisticsTabs } from '@/components/statistics/statistics-tabs';
import { UnitAdoptionSection } from '@/components/statistics/unit-adoption-section';
import { requirePageAccess } from '@/lib/auth';
import { getPagePublication } from '@/lib/data/page-publication';
import { firstValues } from '@/lib/validations/statistics';

export const metadata: Metadata = { title: '信息采用统计' };

export default async function UnitStatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('statistics');
  const raw = await searchParams;
  const publication = await getPagePublication(raw);
  return (
    <>
      <PageHeader
        title="信息采用统计"
        description="各单位（区科协、学会、直属单位等）报送信息的采用情况和得分：单独采用、综合采用按计分规则计分，约稿采用和领导批示另行加分；可导出表格和通报。"
      />
      <StatisticsTabs current="units" publication={publication} />
      <UnitAdoptionSection params={firstValues(raw)} />
    </>
  );
}
