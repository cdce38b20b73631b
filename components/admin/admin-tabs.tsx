import Link from 'next/link';
import { publicationHref, type PublicationLink } from '@/lib/publication-param';
import { cn } from '@/lib/utils';

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
  return (
    <nav aria-label="管理功能" className="mb-5 flex gap-1 border-b border-border">
      {ADMIN_TABS.map((tab) => {
        const isCurrent = tab.key === current;
        return (
          <Link
            key={tab.key}
            href={PER_PUBLICATION.includes(tab.key) ? publicationHref(tab.href, publication) : tab.href}
            aria-current={isCurrent ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-4 py-2 text-sm hover:text-brand focus-visible:outline-2 focus-visible:outline-brand',
              isCurrent ? 'border-brand font-medium text-brand' : 'border-transparent text-muted-foreground',
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
