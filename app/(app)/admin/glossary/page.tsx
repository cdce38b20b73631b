import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { CreateGlossaryEntryForm } from '@/components/admin/glossary/create-glossary-entry-form';
import { DeleteGlossaryEntryButton } from '@/components/admin/glossary/delete-glossary-entry-button';
import { EmptyState } from '@/components/shell/empty-state';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { listGlossaryEntries } from '@/lib/data/proofread';
import { GLOSSARY_KIND_LABELS } from '@/lib/validations/proofread';

export const metadata: Metadata = { title: '校对术语表' };

export default async function GlossaryPage() {
  await requirePageAccess('admin');
  const entries = await listGlossaryEntries();
  return (
    <AdminPage tab="glossary" title="校对术语表" description="编辑写稿时按此表校对：人名须配准确职务，规范写法的错字和已知错误写法会提示修正，应避免的词会提示替换。">
      <div className="space-y-6">
        <TitledCard title="添加词条">
          <CreateGlossaryEntryForm />
        </TitledCard>
        <TitledCard title={<>词条（{entries.length}）</>}>
          {entries.length === 0 ? (
            <EmptyState>术语表还是空的。可添加领导的姓名与职务、单位的规范名称等。</EmptyState>
          ) : (
            <ul className="divide-y divide-border text-sm" data-testid="glossary-entries">
              {entries.map((entry) => (
                <li key={entry.id} className="flex flex-wrap items-center gap-3 py-2">
                  <span className="w-24 text-xs text-muted-foreground">{GLOSSARY_KIND_LABELS[entry.kind]}</span>
                  <span className="font-medium">{entry.kind === 'PERSON' ? `${entry.title}${entry.term}` : entry.term}</span>
                  {entry.variants.length > 0 && (
                    <span className="text-muted-foreground">
                      {entry.kind === 'AVOID' ? '改为：' : '不写作：'}
                      {entry.variants.join('、')}
                    </span>
                  )}
                  {entry.note && <span className="text-xs text-muted-foreground">{entry.note}</span>}
                  <span className="ml-auto">
                    <DeleteGlossaryEntryButton id={entry.id} term={entry.term} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </TitledCard>
      </div>
    </AdminPage>
  );
}
