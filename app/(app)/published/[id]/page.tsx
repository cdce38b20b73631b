import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueWebView } from '@/components/issues/issue-web-view';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { getPublishedIssue } from '@/lib/data/issues';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '已发布' };

export default async function PublishedIssuePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess('published');
  const id = parseId((await params).id);
  // Only published issues exist here, for every role: an unpublished one is a 404.
  const issue = id === null ? null : await getPublishedIssue(id);
  if (id === null || !issue) notFound();
  return (
    <>
      <PageHeader title={formatIssueNumber(issue)} actions={<DownloadButtons issueId={id} isPublished />} />
      <IssueWebView issue={issue} />
    </>
  );
}
