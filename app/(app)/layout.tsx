import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { PublicationProvider } from '@/components/shell/publication-context';
import { getCurrentUser } from '@/lib/auth';
import { countIssuesInReview } from '@/lib/data/issues';
import { listPublications } from '@/lib/data/publication';
import { countUnreadNotifications } from '@/lib/data/notifications';

// Every page here depends on the session; each page checks its own role as well.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const [reviewCount, unreadCount] = await Promise.all([user.roles.includes('REVIEWER') ? countIssuesInReview() : 0, countUnreadNotifications(user.id)]);
  const publications = (await listPublications()).map(({ slug, name, isDefault }) => ({ slug, name, isDefault }));
  return (
    <PublicationProvider publications={publications}>
      {/* First in the tab order, shown when focused: past the header and its navigation. */}
      <a
        href="#main"
        className="sr-only rounded-md bg-brand px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:px-3 focus:py-2 focus:left-2 focus:top-2 focus:z-50 focus:outline-2 focus:outline-offset-2 focus:outline-brand"
      >
        跳到正文
      </a>
      <AppHeader user={user} reviewCount={reviewCount} unreadCount={unreadCount} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">{children}</main>
    </PublicationProvider>
  );
}
