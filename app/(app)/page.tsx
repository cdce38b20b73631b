import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NAV_LINKS } from '@/components/shell/nav-links';
import { EmptyState } from '@/components/shell/empty-state';
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
  const firstArea = NAV_LINKS.find((link) => link.href !== '/' && canAccess(user.roles, link.area));
  if (!blocks.length && firstArea) redirect(firstArea.href);
  return (
    <>
      <PageHeader title="待办" description="轮到您处理的事项。" />
      {blocks.length ? (
        <div className="grid gap-6 md:grid-cols-2" data-testid="todo">
          {blocks.map((block) => (
            <div key={block.key}>{block.render(user.roles)}</div>
          ))}
        </div>
      ) : (
        <EmptyState>暂无待办事项。</EmptyState>
      )}
    </>
  );
}
