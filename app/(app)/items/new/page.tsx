import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ItemForm } from '@/components/editor/item-form';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageAccess } from '@/lib/auth';
import { getSectionChoices } from '@/lib/data/item-pages';
import { getPagePublication } from '@/lib/data/page-publication';
import { getGlossaryTerms } from '@/lib/data/proofread';
import { EMPTY_BODY } from '@/lib/validations/item-body';
import { listUnitChoices } from '@/lib/data/units';

export const metadata: Metadata = { title: '新建稿件' };

export default async function NewItemPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAccess('items');
  if (!user.roles.includes('EDITOR')) notFound();
  // The new item is filed in this publication's sections, so it belongs to it.
  const publication = await getPagePublication(await searchParams);
  const sections = await getSectionChoices(undefined, publication.id);
  return (
    <>
      <PageHeader title="新建稿件" description="填写标题并选择栏目后自动保存。" />
      <Suspense>
        <ItemForm
          itemId={null}
          version={null}
          sections={sections}
          proofread={{ glossary: await getGlossaryTerms(), ignoredKeys: [] }}
          units={await listUnitChoices()}
          initialDraft={{
            title: '',
            subtitle: '',
            sectionId: null,
            columnId: null,
            sources: [],
            body: EMPTY_BODY,
            eventDate: '',
            status: 'DRAFT',
          }}
        />
      </Suspense>
    </>
  );
}
