import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { SubmissionForm } from '@/components/submissions/submission-form';
import { SubmissionBody } from '@/components/submissions/submission-body';
import { SubmissionState } from '@/components/submissions/submission-state';
import { requirePageAccess } from '@/lib/auth';
import { getUnitSubmission } from '@/lib/data/submissions';
import { formatBeijingDateTime } from '@/lib/dates';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '报送的信息' };

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('submissions');
  const id = parseId((await params).id);
  const submission = id ? await getUnitSubmission(id, user) : null;
  if (!submission) notFound();
  const title = submission.title.replace(/\n/g, '');
  return (
    <>
      <PageHeader title={title} description={`${submission.unit.name} · 报送于 ${formatBeijingDateTime(submission.createdAt)}`} />
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-3">
          <SubmissionState status={submission.status} label={submission.state} />
          {submission.request && <span className="text-sm text-muted-foreground">约稿：{submission.request.topic}</span>}
          <Link href="/submissions" className="ml-auto text-sm text-brand underline">
            返回列表
          </Link>
        </div>
        {submission.reason && (submission.status === 'RETURNED' || submission.status === 'DECLINED') && (
          <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm" data-testid="submission-reason">
            {submission.status === 'RETURNED' ? '退回修改' : '未采用'}理由：{submission.reason}
          </p>
        )}
        {submission.status === 'RETURNED' ? (
          <SubmissionForm
            submission={{ id: submission.id, version: submission.version }}
            requestId={submission.requestId}
            initialDraft={{
              title: submission.title,
              body: submission.body,
              writer: submission.writer,
              writerPhone: submission.writerPhone,
              signedOffBy: submission.signedOffBy,
              fileName: submission.fileName,
            }}
          />
        ) : (
          <SubmissionBody submission={submission} />
        )}
      </div>
    </>
  );
}
