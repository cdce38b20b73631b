import type { Metadata } from 'next';
import { CreateIssueForm } from '@/components/issues/create-issue-form';
import { IssueTable } from '@/components/issues/issue-table';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { getDefaultIssueDate } from '@/lib/data/issue-numbering';
import { listIssues } from '@/lib/data/issues';
import { issuePathFor } from '@/lib/issues/links';
import { canTakeAction } from '@/lib/issues/workflow';
import { getPagePublication } from '@/lib/data/page-publication';

export const metadata: Metadata = { title: '编排' };

export default async function IssuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAccess('assembly');
  const publication = await getPagePublication(await searchParams);
  const issues = await listIssues({ publicationId: publication.id });
  const creators = new Map(issues.map((issue) => [issue.id, issue.createdBy.displayName]));
  return (
    <>
      <PageHeader
        title="编排"
        description="期号由系统按出刊日期自动编排；未发布的期次在删除或改期后自动重新编号。已发布的期次这里只列最近几期，全部见“已发布”。"
      />
      {canTakeAction('create', user.roles, null) && (
        <Card className="mb-6">
          <CardContent>
            <CreateIssueForm defaultDate={await getDefaultIssueDate(new Date(), publication.id)} publicationId={publication.id} />
          </CardContent>
        </Card>
      )}
      {issues.length === 0 ? (
        <EmptyState>还没有期次。</EmptyState>
      ) : (
        <IssueTable
          issues={issues}
          hrefOf={(issue) => issuePathFor(user.roles, issue)}
          testId="issue-list"
          extra={{ heading: '创建人', render: (id) => creators.get(id) }}
        />
      )}
    </>
  );
}
