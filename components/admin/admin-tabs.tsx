import { PageTabs } from '@/components/ui/page-tabs';
import { publicationHref, type PublicationLink } from '@/lib/publication-param';

const ADMIN_TABS = [
  { key: 'users', href: '/admin/users', label: '用户' },
  { key: 'sections', href: '/admin/sections', label: '栏目' },
  { key: 'publication', href: '/admin/publication', label: '刊物设置' },
  { key: 'units', href: '/admin/units', label: '单位名录' },
  { key: 'points', href: '/admin/points', label: '采用计分' },
  { key: 'glossary', href: '/admin/glossary', label: '校对术语表' },
  { key: 'import', href: '/admin/import', label: '导入历史期次' },
] as const;

export type AdminTab = (typeof ADMIN_TABS)[number]['key'];

/** Tabs about one publication: they keep the publication being looked at. */
const PER_PUBLICATION: readonly AdminTab[] = ['sections', 'publication', 'import'];

/** The sub-navigation of the admin area, shown at the top of every admin page. */
export function AdminTabs({ current, publication }: { current: AdminTab; publication?: PublicationLink | null }) {
  const tabs = ADMIN_TABS.map((tab) => ({ ...tab, href: PER_PUBLICATION.includes(tab.key) ? publicationHref(tab.href, publication) : tab.href }));
  return <PageTabs label="管理功能" tabs={tabs} current={current} />;
}
