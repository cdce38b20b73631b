import Link from 'next/link';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { formatDate, formatIssueNumber } from '@/components/issues/issue-labels';
import { TodoCard } from '@/components/todo/todo-card';
import { getLatestPublishedIssue } from '@/lib/data/todo';
import { fromDbDate } from '@/lib/dates';

/** 工作人员: the latest published issue, to read and download. */
export async function LatestIssue() {
  const issue = await getLatestPublishedIssue();
  return (
    <TodoCard title="最新一期" testId="todo-latest-issue" empty="还没有发布的期次。">
      {issue && (
        <div className="space-y-3 text-sm">
          <p>
            <Link href={`/published/${issue.id}`} className="font-medium text-brand hover:underline">
              <span className="whitespace-nowrap">{formatIssueNumber(issue)}</span>
            </Link>
            <span className="ml-2 whitespace-nowrap text-muted-foreground">{formatDate(fromDbDate(issue.issueDate))}</span>
          </p>
          <DownloadButtons issueId={issue.id} isPublished />
        </div>
      )}
    </TodoCard>
  );
}
