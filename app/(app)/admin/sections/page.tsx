import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { CreateSectionForm } from '@/components/admin/sections/create-section-form';
import { SectionRow } from '@/components/admin/sections/section-row';
import { EmptyState } from '@/components/shell/empty-state';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { getPagePublication } from '@/lib/data/page-publication';
import { listSections } from '@/lib/data/sections';

export const metadata: Metadata = { title: '栏目管理' };

export default async function SectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('admin');
  const publication = await getPagePublication(await searchParams);
  const sections = await listSections({ includeRetired: true, publicationId: publication.id });
  const active = sections.filter((section) => !section.isRetired);
  const retired = sections.filter((section) => section.isRetired);
  const activeLead = active.find((section) => section.kind === 'LEAD');

  return (
    <AdminPage
      tab="sections"
      publication={publication}
      title={publication.isDefault ? '栏目管理' : `栏目管理 · ${publication.name}`}
      description="栏目顺序即简报的印刷顺序。要闻栏目固定排在最前、不印栏目标题，其余栏目印作【栏目名】。停用的栏目不再供编辑选择，已有稿件仍归属原栏目。"
    >
      <div className="space-y-6">
        <TitledCard title="新建栏目">
          <CreateSectionForm
            publicationId={publication.id}
            activeLeadName={activeLead?.name ?? null}
            regularSections={active.filter((section) => section.kind === 'REGULAR').map(({ id, name }) => ({ id, name }))}
          />
        </TitledCard>
        <TitledCard title={<>栏目顺序（{active.length}）</>}>
          {active.length === 0 ? (
            <EmptyState>还没有栏目，请先新建。</EmptyState>
          ) : (
            <ol aria-label="栏目顺序" className="divide-y divide-border">
              {active.map((section, index) => (
                <SectionRow
                  key={section.id}
                  section={section}
                  position={index + 1}
                  // Moves stay within a kind: the lead is always first.
                  canMoveUp={index > 0 && active[index - 1]?.kind === section.kind}
                  canMoveDown={active[index + 1]?.kind === section.kind}
                />
              ))}
            </ol>
          )}
        </TitledCard>
        {retired.length > 0 && (
          <TitledCard title={<>已停用的栏目（{retired.length}）</>}>
            <ul className="divide-y divide-border">
              {retired.map((section) => (
                <SectionRow key={section.id} section={section} position={0} canMoveUp={false} canMoveDown={false} />
              ))}
            </ul>
          </TitledCard>
        )}
      </div>
    </AdminPage>
  );
}
