import Link from 'next/link';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { TodoCard, TodoEntries } from '@/components/todo/todo-card';
import { countOpenAnnotationsByIssue } from '@/lib/data/annotations';
import { readsInReadingView } from '@/lib/issues/links';
import type { Role } from '@/lib/roles';

/**
 * 批注 not yet resolved, per unpublished issue: the editor answers them on the issue page, the
 * reviewer follows them in the reading view while the issue awaits review (issuePathFor).
 */
export async function OpenAnnotations({ roles }: { roles: readonly Role[] }) {
  const issues = await countOpenAnnotationsByIssue();
  const total = issues.reduce((sum, issue) => sum + issue.count, 0);
  return (
    <TodoCard title="未解决的批注" count={total} testId="todo-annotations" empty="没有未解决的批注。">
      <TodoEntries>
        {issues.map((issue) => (
          <li key={issue.issueId} className="flex items-center justify-between gap-2 py-2">
            <Link href={readsInReadingView(roles, issue.status) ? `/review/${issue.issueId}` : `/issues/${issue.issueId}#annotations`} className="font-medium text-brand hover:underline">
              <span className="whitespace-nowrap">{formatIssueNumber(issue)}</span>
            </Link>
            <span className="whitespace-nowrap text-muted-foreground">{issue.count} 条批注</span>
          </li>
        ))}
      </TodoEntries>
    </TodoCard>
  );
}
