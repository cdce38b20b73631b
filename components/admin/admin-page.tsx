import type { ReactNode } from 'react';
import { AdminTabs, type AdminTab } from '@/components/admin/admin-tabs';
import { PageHeader } from '@/components/shell/page-header';
import type { PublicationLink } from '@/lib/publication-param';

/** An admin page: the admin tabs (this page's marked), its title and what it is for, then its content. */
export function AdminPage({
  tab,
  publication,
  title,
  description,
  children,
}: {
  tab: AdminTab;
  /** For the tabs about one publication: which one is being looked at. */
  publication?: PublicationLink | null;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <>
      <AdminTabs current={tab} publication={publication} />
      <PageHeader title={title} description={description} />
      {children}
    </>
  );
}
