import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ItemForm } from '@/components/editor/item-form';
import { ItemOrigin } from '@/components/intake/item-origin';
import { ItemPreview } from '@/components/items/item-preview';
import { PageHeader } from '@/components/shell/page-header';
import { RecordPublication } from '@/components/shell/publication-context';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { toDraft } from '@/components/editor/item-draft';
import { getSectionChoices } from '@/lib/data/item-pages';
import { getEditRefusal, getItem } from '@/lib/data/items';
import { findRecordPublicationSlug } from '@/lib/data/publication';
import { getGlossaryTerms, listIgnoredKeys } from '@/lib/data/proofread';
import { issuePathFor } from '@/lib/issues/links';
import { parseId } from '@/lib/route-params';
import { listUnitChoices } from '@/lib/data/units';

export const metadata: Metadata = { title: '编辑稿件' };

export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('items');
  const id = parseId((await params).id);
  const item = id === null ? null : await getItem(id);
  if (id === null || !item) notFound();
  const refusal = getEditRefusal(user, item.issue?.status ?? null);
  const canEdit = refusal === null;
  const publicationSlug = await findRecordPublicationSlug({ sectionId: item.sectionId });
  const actions = (
    <div className="flex gap-2">
      <Button asChild variant="outline" size="sm">
        <Link href={`/items/${item.id}/preview`}>预览</Link>
      </Button>
      <Button asChild variant="outline" size="sm">
        <Link href={`/items/${item.id}/history`}>历史版本</Link>
      </Button>
    </div>
  );
  return (
    <>
      {publicationSlug && <RecordPublication slug={publicationSlug} />}
      <PageHeader
        title={canEdit ? '编辑稿件' : '查看稿件'}
        description={`作者：${item.author.displayName} · 第${item.version}版${item.lastEditor ? ` · 最后修改：${item.lastEditor}` : ''}`}
        actions={actions}
      />
      <ItemOrigin itemId={item.id} />
      {item.issue && (
        <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm" data-testid="item-issue">
          {item.issue.status === 'PUBLISHED' ? '已刊发于' : '已编入'}
          <Link href={issuePathFor(user.roles, item.issue)} className="mx-1 text-brand underline">
            第{item.issue.yearNumber}期（总第{item.issue.totalNumber}期）
          </Link>
          {refusal && user.roles.some((r) => r === 'EDITOR' || r === 'REVIEWER') ? `· ${refusal.message}` : ''}
        </p>
      )}
      {canEdit ? (
        <Suspense>
          <ItemForm
            itemId={item.id}
            version={item.version}
            initialDraft={toDraft(item)}
            sections={await getSectionChoices(item)}
            proofread={{ glossary: await getGlossaryTerms(), ignoredKeys: await listIgnoredKeys(item.id) }}
            suggestionAuthor={user.displayName}
            units={await listUnitChoices()}
          />
        </Suspense>
      ) : (
        <ItemPreview item={item} />
      )}
    </>
  );
}
