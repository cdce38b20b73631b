import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ItemPreview } from '@/components/items/item-preview';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { getItem } from '@/lib/data/items';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '稿件预览' };

export default async function ItemPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess('items');
  const id = parseId((await params).id);
  const item = id === null ? null : await getItem(id);
  if (id === null || !item) notFound();
  return (
    <>
      <PageHeader
        title="稿件预览"
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={`/items/${item.id}`}>返回稿件</Link>
          </Button>
        }
      />
      <ItemPreview item={item} />
    </>
  );
}
