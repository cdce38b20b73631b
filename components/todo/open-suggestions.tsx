import Link from 'next/link';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { TodoCard, TodoEntries } from '@/components/todo/todo-card';
import { listItemsWithOpenSuggestions } from '@/lib/data/todo';
import { getTitleText } from '@/lib/layout/title';

/** 修订 the editor has not yet accepted or rejected, per item. */
export async function OpenSuggestions({ title }: { title: string }) {
  const items = await listItemsWithOpenSuggestions();
  return (
    <TodoCard title={title} count={items.reduce((sum, item) => sum + item.count, 0)} testId="todo-suggestions" empty="没有待处理的修订。">
      <TodoEntries>
        {items.map((item) => (
          <li key={item.id} className="py-2">
            <Link href={`/items/${item.id}`} className="font-medium text-brand hover:underline">
              {getTitleText(item.title)}
            </Link>
            <p className="text-xs text-muted-foreground">
              <span className="whitespace-nowrap">{item.issue ? formatIssueNumber(item.issue) : ''}</span> · {item.count} 处修订
            </p>
          </li>
        ))}
      </TodoEntries>
    </TodoCard>
  );
}
