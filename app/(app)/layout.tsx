import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { getCurrentUser } from '@/lib/auth';
import { countIssuesInReview } from '@/lib/data/issues';

// Every page here depends on the session; each page checks its own role as well.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const reviewCount = user.roles.includes('REVIEWER') ? await countIssuesInReview() : 0;
  return (
    <>
      <AppHeader user={user} reviewCount={reviewCount} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
