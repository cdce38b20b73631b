import Link from 'next/link';
import { formatDate, formatIssueNumber } from '@/components/issues/issue-labels';
import { TodoCard, TodoEntries } from '@/components/todo/todo-card';
import { listIssues } from '@/lib/data/issues';
import { fromDbDate } from '@/lib/dates';

/** 审核: issues awaiting review, the oldest first (it is due first). */
export async function ReviewQueue() {
  const issues = (await listIssues({ statuses: ['IN_REVIEW'] })).sort((a, b) => a.totalNumber - b.totalNumber);
  return (
    <TodoCard title="待审核的期次" count={issues.length} testId="todo-review-queue" empty="没有待审核的期次。">
      <TodoEntries>
        {issues.map((issue) => (
          <li key={issue.id} className="py-2">
            <Link href={`/review/${issue.id}`} className="font-medium text-brand hover:underline">
              <span className="whitespace-nowrap">{formatIssueNumber(issue)}</span>
            </Link>
            <p className="text-xs text-muted-foreground">
              {formatDate(fromDbDate(issue.issueDate))} · {issue._count.items} 篇稿件 · 编辑：<span className="whitespace-nowrap">{issue.createdBy.displayName}</span>
            </p>
          </li>
        ))}
      </TodoEntries>
    </TodoCard>
  );
}
