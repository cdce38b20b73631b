import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { OpenRequests } from '@/components/submissions/open-requests';
import { SubmissionState } from '@/components/submissions/submission-state';
import { Button } from '@/components/ui/button';
import { requirePageAccess } from '@/lib/auth';
import { listOpenRequestsForReporter } from '@/lib/data/submission-requests';
import { listUnitSubmissions } from '@/lib/data/submissions';
import { formatBeijingDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: '信息报送' };

export default async function SubmissionsPage() {
  const user = await requirePageAccess('submissions');
  const [{ unit, submissions }, requests] = await Promise.all([listUnitSubmissions(user), listOpenRequestsForReporter(user)]);
  return (
    <>
      <PageHeader
        title="信息报送"
        description={`${unit.name}报送的信息及处理结果。`}
        actions={
          <Button asChild>
            <Link href="/submissions/new">报送信息</Link>
          </Button>
        }
      />
      <div className="space-y-6">
        <OpenRequests requests={requests} />
        {submissions.length === 0 ? (
          <EmptyState>本单位还没有报送信息。点击“报送信息”填写或上传 Word 文件。</EmptyState>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border bg-white" data-testid="submission-list">
            {submissions.map((submission) => (
              <li key={submission.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                <Link href={`/submissions/${submission.id}`} className="min-w-0 flex-1 basis-60 font-medium hover:underline">
                  {submission.title.replace(/\n/g, '')}
                </Link>
                <SubmissionState status={submission.status} label={submission.state} />
                <span className="text-xs text-muted-foreground">{formatBeijingDateTime(submission.createdAt)}</span>
                {submission.request && <span className="text-xs text-muted-foreground">约稿：{submission.request.topic}</span>}
                {submission.reason && (submission.status === 'RETURNED' || submission.status === 'DECLINED') && (
                  <p className="w-full text-sm text-muted-foreground">理由：{submission.reason}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
