import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPage } from '@/components/admin/admin-page';
import { CreatePublicationForm } from '@/components/admin/create-publication-form';
import { PublicationSettingsForm } from '@/components/admin/publication-settings-form';
import { EmptyState } from '@/components/shell/empty-state';
import { Card, CardContent, TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { getPagePublication } from '@/lib/data/page-publication';
import { getPublicationSettings, listPublications } from '@/lib/data/publication';
import { getBeijingYear } from '@/lib/dates';
import { publicationHref } from '@/lib/publication-param';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: '刊物设置' };

export default async function PublicationSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('admin');
  const publications = await listPublications();
  const publication = publications.length ? await getPagePublication(await searchParams) : null;
  const settings = publication ? await getPublicationSettings(publication.id) : null;

  return (
    <AdminPage
      tab="publication"
      publication={publication}
      title="刊物设置"
      description="版头、版记和期号的设置。修改后，尚未发布的各期按新设置排印；已发布的各期保持发布时的内容不变。每个刊物各自编号、各有栏目和分送。"
    >
      {publications.length > 1 && (
        <nav aria-label="刊物" className="mb-4 flex flex-wrap gap-1 text-sm" data-testid="publication-list">
          {publications.map((p) => (
            <Link
              key={p.id}
              href={publicationHref('/admin/publication', p)}
              aria-current={p.id === publication?.id ? 'page' : undefined}
              className={cn('rounded-md px-2.5 py-1 hover:bg-muted', p.id === publication?.id && 'bg-brand/10 font-medium text-brand')}
            >
              {p.name}
            </Link>
          ))}
        </nav>
      )}
      {settings === null ? (
        <EmptyState>尚未建立刊物信息，请联系管理员初始化系统。</EmptyState>
      ) : (
        <Card>
          <CardContent className="py-5">
            <PublicationSettingsForm key={settings.id} settings={settings} suggestedStartYear={getBeijingYear()} />
          </CardContent>
        </Card>
      )}
      <TitledCard title="新建刊物" className="mt-6">
        <p className="mb-4 text-sm text-muted-foreground">
          如办公室另出专报、简报：新刊物有自己的版头、栏目、分送和期号（从所填的起点开始编号，与其他刊物互不影响）。
        </p>
        <CreatePublicationForm suggestedStartYear={getBeijingYear()} />
      </TitledCard>
    </AdminPage>
  );
}
