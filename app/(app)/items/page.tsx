import type { Metadata } from 'next';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';

export const metadata: Metadata = { title: '稿件' };

export default async function Page() {
  await requirePageAccess('items');
  return (
    <>
      <PageHeader title="稿件" description="起草和修改稿件，按栏目整理待编稿件。" />
      <EmptyState>暂无内容。</EmptyState>
    </>
  );
}
