import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueWebView } from '@/components/issues/issue-web-view';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { getPublishedIssue } from '@/lib/data/issues';

export const metadata: Metadata = { title: '已发布' };

export default async function PublishedIssuePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess('published');
  const id = Number((await params).id);
  // Only published issues exist here, for every role: an unpublished one is a 404.
  const issue = Number.isSafeInteger(id) && id > 0 ? await getPublishedIssue(id) : null;
  if (!issue) notFound();
  return (
    <>
      <PageHeader title={formatIssueNumber(issue)} actions={<DownloadButtons issueId={id} isPublished />} />
      <IssueWebView issue={issue} />
    </>
  );
}
