import Link from 'next/link';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { TodoCard, TodoEntries } from '@/components/todo/todo-card';
import { listIssues } from '@/lib/data/issues';

/** 编辑: issues a reviewer returned, with the return comment, until they are submitted again. */
export async function ReturnedIssues() {
  const issues = (await listIssues({ statuses: ['ASSEMBLING'] })).filter((issue) => issue.returned);
  return (
    <TodoCard title="退回修改的期次" count={issues.length} testId="todo-returned" empty="没有被退回的期次。">
      <TodoEntries>
        {issues.map((issue) => (
          <li key={issue.id} className="py-2">
            <Link href={`/issues/${issue.id}`} className="font-medium text-brand hover:underline">
              <span className="whitespace-nowrap">{formatIssueNumber(issue)}</span>
            </Link>
            <p className="mt-1 whitespace-pre-wrap">{issue.returned!.comment}</p>
            <p className="text-xs text-muted-foreground">
              退回人：<span className="whitespace-nowrap">{issue.returned!.reviewerName}</span>
            </p>
          </li>
        ))}
      </TodoEntries>
    </TodoCard>
  );
}
