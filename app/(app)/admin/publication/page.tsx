import type { Metadata } from 'next';
import { AdminTabs } from '@/components/admin/admin-tabs';
import { PublicationSettingsForm } from '@/components/admin/publication-settings-form';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { getPublicationSettings } from '@/lib/data/publication';
import { getBeijingYear } from '@/lib/dates';

export const metadata: Metadata = { title: '刊物设置' };


export default async function PublicationSettingsPage() {
  await requirePageAccess('admin');
  const settings = await getPublicationSettings();

  return (
    <>
      <AdminTabs current="publication" />
      <PageHeader
        title="刊物设置"
        description="版头、版记和期号的设置。修改后，尚未发布的各期按新设置排印；已发布的各期保持发布时的内容不变。"
      />
      {settings === null ? (
        <EmptyState>尚未建立刊物信息，请联系管理员初始化系统。</EmptyState>
      ) : (
        <Card>
          <CardContent className="py-5">
            <PublicationSettingsForm settings={settings} suggestedStartYear={getBeijingYear()} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
