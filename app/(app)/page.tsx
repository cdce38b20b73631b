import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NAV_LINKS } from '@/components/shell/nav-links';
import { PageHeader } from '@/components/shell/page-header';
import { getTodoBlocks } from '@/components/todo/todo-blocks';
import { getCurrentUser } from '@/lib/auth';
import { canAccess } from '@/lib/roles';

export const metadata: Metadata = { title: '待办' };

/** 待办: what awaits this user, by role. A role without blocks goes to its first area. */
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const blocks = getTodoBlocks(user.roles);
  if (!blocks.length) redirect(NAV_LINKS.find((link) => link.href !== '/' && canAccess(user.roles, link.area))?.href ?? '/login');
  return (
    <>
      <PageHeader title="待办" description="轮到您处理的事项。" />
      <div className="grid gap-6 md:grid-cols-2" data-testid="todo">
        {blocks.map((block) => (
          <div key={block.key}>{block.render()}</div>
        ))}
      </div>
    </>
  );
}
