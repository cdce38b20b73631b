import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { PdfPreview } from '@/components/issues/pdf-preview';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { getPrintIssueWithStatus } from '@/lib/data/issue-print';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '打印预览' };

/** The issue's own PDF (the stored one once published, else a fresh 样稿), page by page. */
export default async function IssuePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess('assembly');
  const id = parseId((await params).id);
  const found = id === null ? null : await getPrintIssueWithStatus(id);
  if (id === null || !found) notFound();
  const { print, status } = found;
  const isPublished = status === 'PUBLISHED';
  return (
    <>
      <PageHeader
        title={`打印预览：${formatIssueNumber(print)}`}
        description={`${isPublished ? '已发布：显示的就是下载的 PDF。' : '未发布的样稿：显示的就是下载的 PDF 样稿，每页标有“样稿”。'}${
          print.contentsOnOwnPage ? '第1页只印版头和目录提要，正文从第2页开始' : '正文紧接目录提要排印'
        }${isPublished ? '（按发布时的版式）。' : '（版式在“管理 → 刊物设置”中设置）。'}打印请下载 PDF。`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <DownloadButtons issueId={id} isPublished={isPublished} />
            <Button asChild variant="outline" size="sm">
              <Link href={`/issues/${id}`}>返回编排</Link>
            </Button>
          </div>
        }
      />
      <PdfPreview pdfUrl={`/api/issues/${id}/export/pdf`} />
    </>
  );
}
