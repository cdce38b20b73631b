import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatIssueNumber } from '@/components/issues/issue-labels';
import { PrintPreview } from '@/components/issues/print-preview';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { getPrintIssueWithStatus } from '@/lib/data/issues';
import { renderIssueHtml } from '@/lib/export/print-template';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '打印预览' };

export default async function IssuePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess('assembly');
  const id = parseId((await params).id);
  const found = id === null ? null : await getPrintIssueWithStatus(id);
  if (id === null || !found) notFound();
  const { print, status } = found;
  const html = renderIssueHtml(print, { fontBaseUrl: '/fonts', isDraft: status !== 'PUBLISHED' });
  return (
    <>
      <PageHeader
        title={`打印预览：${formatIssueNumber(print)}`}
        description={`${status === 'PUBLISHED' ? '已发布，与下载的文件一致。' : '未发布的样稿，每页标有“样稿”。'}${
          print.contentsOnOwnPage ? '第1页只印版头和目录提要，正文从第2页开始' : '正文紧接目录提要排印'
        }${status === 'PUBLISHED' ? '（按发布时的版式）。' : '（版式在“管理 → 刊物设置”中设置）。'}`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={`/issues/${id}`}>返回编排</Link>
          </Button>
        }
      />
      <PrintPreview html={html} title="打印预览" />
    </>
  );
}
