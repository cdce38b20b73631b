import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { ImportForm } from '@/components/admin/import-form';
import { Card, CardContent } from '@/components/ui/card';
import { importIssuesAction, previewImportAction } from '@/lib/actions/imports';
import { requirePageAccess } from '@/lib/auth';
import { getPagePublication } from '@/lib/data/page-publication';

export const metadata: Metadata = { title: '导入历史期次' };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess('admin');
  const publication = await getPagePublication(await searchParams);
  return (
    <AdminPage
      tab="import"
      publication={publication}
      title="导入历史期次"
      description="把过去用 Word 编辑、已经印发的各期导入档案：保留原来的期号，导入后可检索、可统计，新的一期接着最后一期编号。"
    >
      <Card>
        <CardContent className="py-5">
          <ImportForm publicationId={publication.id} preview={previewImportAction} importIssues={importIssuesAction} />
        </CardContent>
      </Card>
    </AdminPage>
  );
}
