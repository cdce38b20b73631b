import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { SubmissionForm } from '@/components/submissions/submission-form';
import { requirePageAccess } from '@/lib/auth';
import { getRequestForReporter } from '@/lib/data/submission-requests';
import { getReporterUnit } from '@/lib/data/submissions';
import { formatChineseDate } from '@/lib/dates';
import { parseId } from '@/lib/route-params';
import { EMPTY_BODY } from '@/lib/validations/item-body';

export const metadata: Metadata = { title: '报送信息' };

export default async function NewSubmissionPage({ searchParams }: { searchParams: Promise<{ request?: string | string[] }> }) {
  const user = await requirePageAccess('submissions');
  const unit = await getReporterUnit(user);
  const requestId = parseId((await searchParams).request);
  const request = requestId ? await getRequestForReporter(requestId, user) : null;
  return (
    <>
      <PageHeader
        title="报送信息"
        description={
          request
            ? `回复约稿“${request.topic}”（${formatChineseDate(request.deadline)}前）。报送单位：${unit.name}`
            : `报送单位：${unit.name}。草稿自动保存在本机浏览器，点击“报送”后编辑部即可看到。`
        }
      />
      <SubmissionForm
        submission={null}
        requestId={request?.id ?? null}
        initialDraft={{ title: '', body: EMPTY_BODY, writer: '', writerPhone: '', signedOffBy: '', fileName: null }}
      />
    </>
  );
}
