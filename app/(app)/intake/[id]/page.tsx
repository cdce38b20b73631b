import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionPanel } from '@/components/intake/decision-panel';
import { PageHeader } from '@/components/shell/page-header';
import { SubmissionBody } from '@/components/submissions/submission-body';
import { SubmissionState } from '@/components/submissions/submission-state';
import { requirePageAccess } from '@/lib/auth';
import { getActiveSectionOptions } from '@/lib/data/sections';
import { findLikelyDuplicates, getIntakeSubmission } from '@/lib/data/submissions';
import { formatBeijingDateTime } from '@/lib/dates';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '来稿' };

export default async function IntakeSubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('intake');
  const id = parseId((await params).id);
  const submission = id ? await getIntakeSubmission(id) : null;
  if (!submission) notFound();
  const [duplicates, sections] = await Promise.all([findLikelyDuplicates(submission), getActiveSectionOptions()]);
  const title = submission.title.replace(/\n/g, '');
  const canDecide = user.roles.includes('EDITOR') && submission.status === 'SUBMITTED';
  return (
    <>
      <PageHeader title={title} description={`${submission.unit.name} · ${submission.author.displayName} 报送于 ${formatBeijingDateTime(submission.createdAt)}`} />
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <SubmissionState status={submission.status} label={submission.state} />
          {submission.request && <span>约稿：{submission.request.topic}</span>}
          {submission.decidedBy && submission.decidedAt && (
            <span className="text-muted-foreground">
              {submission.decidedBy.displayName} 处理于 {formatBeijingDateTime(submission.decidedAt)}
            </span>
          )}
          {submission.item && (
            <Link href={`/items/${submission.item.id}`} className="font-medium text-brand underline">
              打开采用后的稿件
            </Link>
          )}
          <Link href="/intake" className="ml-auto text-brand underline">
            返回来稿
          </Link>
        </div>
        {submission.reason && <p className="rounded-md bg-muted px-4 py-3 text-sm">理由：{submission.reason}</p>}
        {duplicates.length > 0 && (
          <section role="note" aria-labelledby="duplicates-title" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm" data-testid="duplicates">
            <h2 id="duplicates-title" className="font-semibold text-red-900">
              疑似重复
            </h2>
            <ul className="mt-1 space-y-1">
              {duplicates.map((d) => (
                <li key={`${d.kind}-${d.id}-${d.title}`}>
                  <Link href={d.href} className="underline">
                    {d.kind === 'archive' ? '已刊' : '来稿'}：{d.unit}《{d.title.replace(/\n/g, '')}》
                  </Link>
                  <span className="ml-2 text-muted-foreground">相似度 {Math.round(d.similarity * 100)}%</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <SubmissionBody submission={submission} />
        {canDecide && <DecisionPanel id={submission.id} version={submission.version} sections={sections} />}
      </div>
    </>
  );
}
