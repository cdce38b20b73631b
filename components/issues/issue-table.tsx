import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDate, formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueStatusBadge } from '@/components/issues/issue-status-badge';
import { fromDbDate } from '@/lib/dates';
import type { IssueStatus } from '@/lib/validations/issues';

export interface IssueRow {
  id: number;
  year: number;
  yearNumber: number;
  totalNumber: number;
  issueDate: Date;
  status?: IssueStatus;
  /** Set while a reviewer's return stands (see findStandingReturn). */
  returned?: { comment: string; reviewerName: string } | null;
  /** Imported history is marked as such. */
  origin?: 'EDITED' | 'IMPORTED';
  _count: { items: number };
}

/** Issues as a table; `hrefOf` decides where a row leads (assembly, or the published view). */
export function IssueTable<T extends IssueRow>({
  issues,
  hrefOf,
  testId,
  extra,
}: {
  issues: T[];
  hrefOf: (issue: T) => string;
  testId: string;
  /** An extra last column, e.g. the downloads in the archive. */
  extra?: { heading: string; render: (id: number) => ReactNode };
}) {
  return (
    <table className="w-full rounded-lg border border-border bg-white text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2" data-testid={testId}>
      {/* Cell padding once on the table: a year of the archive is 50 rows. */}
      <thead className="bg-muted text-left text-xs text-muted-foreground">
        <tr>
          <th>期号</th>
          <th>出刊日期</th>
          {issues.some((i) => i.status) && <th>状态</th>}
          <th className="text-right">稿件数</th>
          {extra && <th>{extra.heading}</th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {issues.map((issue) => (
          <tr key={issue.id}>
            <td>
              <Link href={hrefOf(issue)} className="font-medium hover:text-brand">
                {formatIssueNumber(issue)}
              </Link>
              {issue.origin === 'IMPORTED' && (
                <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground" title="从历史文件导入的期次">
                  导入
                </span>
              )}
            </td>
            <td>{formatDate(fromDbDate(issue.issueDate))}</td>
            {issue.status && (
              <td>
                <IssueStatusBadge status={issue.status} isReturned={!!issue.returned} />
                {issue.returned && (
                  <p className="mt-1 line-clamp-2 max-w-xs text-xs text-danger" title={issue.returned.comment} data-testid="issue-return-comment">
                    {issue.returned.reviewerName}：{issue.returned.comment}
                  </p>
                )}
              </td>
            )}
            <td className="text-right">{issue._count.items}</td>
            {extra && <td>{extra.render(issue.id)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
