import type { Metadata } from 'next';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';

export const metadata: Metadata = { title: '已发布' };

export default async function Page() {
  await requirePageAccess('published');
  return (
    <>
      <PageHeader title="已发布" description="按年份查阅和下载已发布的简报。" />
      <EmptyState>暂无内容。</EmptyState>
    </>
  );
}
