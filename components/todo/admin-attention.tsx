import Link from 'next/link';
import { TodoCard, TodoEntries } from '@/components/todo/todo-card';
import { getAdminAttention } from '@/lib/data/todo';

/** 管理员: what is held up or missing. */
export async function AdminAttention() {
  const { inReview, approved, isStartPointMissing, disabledUsers } = await getAdminAttention();
  const entries = [
    isStartPointMissing && { href: '/admin/publication', text: '尚未设置期号起点：第一期发布前请在刊物设置中设定。' },
    inReview > 0 && { href: '/issues', text: `${inReview} 期正在等待审核。` },
    approved > 0 && { href: '/issues', text: `${approved} 期已审核通过，等待编辑发布。` },
    disabledUsers > 0 && { href: '/admin/users', text: `${disabledUsers} 个账号已停用。` },
  ].filter((entry): entry is { href: string; text: string } => !!entry);
  return (
    <TodoCard title="需要关注" count={entries.length} testId="todo-admin" empty="目前没有需要处理的事项。">
      <TodoEntries>
        {entries.map((entry) => (
          <li key={entry.text} className="py-2">
            <Link href={entry.href} className="hover:text-brand hover:underline">
              {entry.text}
            </Link>
          </li>
        ))}
      </TodoEntries>
    </TodoCard>
  );
}
