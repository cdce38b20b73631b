import type { Metadata } from 'next';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';

export const metadata: Metadata = { title: '编排' };

export default async function Page() {
  await requirePageAccess('assembly');
  return (
    <>
      <PageHeader title="编排" description="组稿、排序并提交每期简报。" />
      <EmptyState>暂无内容。</EmptyState>
    </>
  );
}
