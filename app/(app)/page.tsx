import { redirect } from 'next/navigation';
import { NAV_LINKS } from '@/components/shell/nav-links';
import { getCurrentUser } from '@/lib/auth';
import { canAccess } from '@/lib/roles';

/** The home page sends each user to the first area their roles open. */
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const first = NAV_LINKS.find((link) => canAccess(user.roles, link.area));
  redirect(first?.href ?? '/login');
}
