import { PageTabs } from '@/components/ui/page-tabs';
import { publicationHref, type PublicationLink } from '@/lib/publication-param';

/**
 * The two reports of 采用统计: each unit's 报送, 采用 and 得分 (from the units' submissions), and the
 * printed items counted by the sources they name (the archive as printed, per publication).
 */
export function StatisticsTabs({ current, publication }: { current: 'units' | 'sources'; publication?: PublicationLink | null }) {
  const tabs = [
    { key: 'units', href: '/statistics', label: '各单位报送与得分' },
    { key: 'sources', href: publicationHref('/statistics/sources', publication), label: '按来源署名统计' },
  ] as const;
  return <PageTabs label="采用统计" tabs={tabs} current={current} />;
}
