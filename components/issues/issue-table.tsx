import Link from 'next/link';
import { formatDate, formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueStatusBadge } from '@/components/issues/issue-status-badge';
import { toIsoDate } from '@/lib/numbering';
import type { IssueStatus } from '@/lib/validations/issues';

export interface IssueRow {
  id: number;
  year: number;
  yearNumber: number;
  totalNumber: number;
  issueDate: Date;
  status?: IssueStatus;
  _count: { items: number };
}

/** Issues as a table; `hrefOf` decides where a row leads (assembly, or the published view). */
export function IssueTable({ issues, hrefOf, testId }: { issues: IssueRow[]; hrefOf: (id: number) => string; testId: string }) {
  return (
    <table className="w-full rounded-lg border border-border bg-white text-sm" data-testid={testId}>
      <thead className="bg-muted text-left text-xs text-muted-foreground">
        <tr>
          <th className="px-3 py-2">期号</th>
          <th className="px-3 py-2">出刊日期</th>
          {issues.some((i) => i.status) && <th className="px-3 py-2">状态</th>}
          <th className="px-3 py-2 text-right">稿件数</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {issues.map((issue) => (
          <tr key={issue.id}>
            <td className="px-3 py-2">
              <Link href={hrefOf(issue.id)} className="font-medium hover:text-brand">
                {formatIssueNumber(issue)}
              </Link>
            </td>
            <td className="px-3 py-2">{formatDate(toIsoDate(issue.issueDate))}</td>
            {issue.status && (
              <td className="px-3 py-2">
                <IssueStatusBadge status={issue.status} />
              </td>
            )}
            <td className="px-3 py-2 text-right">{issue._count.items}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
