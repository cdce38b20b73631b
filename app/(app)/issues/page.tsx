import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateIssueForm } from '@/components/issues/create-issue-form';
import { formatDate, formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueStatusBadge } from '@/components/issues/issue-status-badge';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { getDefaultIssueDate, listIssues } from '@/lib/data/issues';
import { toIsoDate } from '@/lib/numbering';

export const metadata: Metadata = { title: '编排' };

export default async function IssuesPage() {
  const user = await requirePageAccess('assembly');
  const issues = await listIssues();
  return (
    <>
      <PageHeader title="编排" description="期号由系统按出刊日期自动编排；未发布的期次在删除或改期后自动重新编号。" />
      {user.roles.includes('EDITOR') && (
        <Card className="mb-6">
          <CardContent>
            <CreateIssueForm defaultDate={getDefaultIssueDate()} />
          </CardContent>
        </Card>
      )}
      {issues.length === 0 ? (
        <EmptyState>还没有期次。</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-border bg-white text-sm" data-testid="issue-list">
          <thead className="bg-muted text-left text-xs text-muted-foreground">
            <tr>
              <th className="px-3 py-2">期号</th>
              <th className="px-3 py-2">出刊日期</th>
              <th className="px-3 py-2">状态</th>
              <th className="px-3 py-2 text-right">稿件数</th>
              <th className="px-3 py-2">创建人</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {issues.map((issue) => (
              <tr key={issue.id}>
                <td className="px-3 py-2">
                  <Link href={`/issues/${issue.id}`} className="font-medium hover:text-brand">
                    {formatIssueNumber(issue)}
                  </Link>
                </td>
                <td className="px-3 py-2">{formatDate(toIsoDate(issue.issueDate))}</td>
                <td className="px-3 py-2">
                  <IssueStatusBadge status={issue.status} />
                </td>
                <td className="px-3 py-2 text-right">{issue._count.items}</td>
                <td className="px-3 py-2">{issue.createdBy.displayName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
