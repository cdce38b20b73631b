import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueWebView } from '@/components/issues/issue-web-view';
import { LeaderInstructions } from '@/components/issues/leader-instructions';
import { PageHeader } from '@/components/shell/page-header';
import { RecordPublication } from '@/components/shell/publication-context';
import { requirePageAccess } from '@/lib/auth';
import { getPublishedIssueView } from '@/lib/data/issue-print';
import { findRecordPublicationSlug } from '@/lib/data/publication';
import { hasAnyRole } from '@/lib/roles';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '已发布' };

export default async function PublishedIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('published');
  const id = parseId((await params).id);
  // Only published issues exist here, for every role: an unpublished one is a 404.
  const view = id === null ? null : await getPublishedIssueView(id);
  if (id === null || !view) notFound();
  const issue = view.print;
  const publicationSlug = await findRecordPublicationSlug({ issueId: id });
  return (
    <>
      {publicationSlug && <RecordPublication slug={publicationSlug} />}
      <PageHeader title={formatIssueNumber(issue)} actions={<DownloadButtons issueId={id} isPublished />} />
      {view.origin === 'IMPORTED' && (
        <p className="mx-auto mb-4 max-w-2xl rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground" data-testid="imported-note">
          本期从历史文件{view.importFileName ? `“${view.importFileName}”` : ''}导入，内容为识别所得；PDF 和 DOCX 按本系统的版式重新排印。
          {hasAnyRole(user.roles, ['ADMIN']) && (
            <Link href={`/published/${id}/correct`} className="ml-2 text-brand underline">
              修订导入内容
            </Link>
          )}
        </p>
      )}
      <IssueWebView issue={issue} />
      <LeaderInstructions issueId={id} canRecord={hasAnyRole(user.roles, ['EDITOR'])} />
    </>
  );
}
