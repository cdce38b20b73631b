import type { Metadata } from 'next';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';

export const metadata: Metadata = { title: '审核' };

export default async function Page() {
  await requirePageAccess('review');
  return (
    <>
      <PageHeader title="审核" description="审阅待审核的期次，退回或通过。" />
      <EmptyState>暂无内容。</EmptyState>
    </>
  );
}
