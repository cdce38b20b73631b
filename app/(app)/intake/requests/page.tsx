import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestForm } from '@/components/intake/request-form';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { listSubmissionRequests, notifyOverdueRequests } from '@/lib/data/submission-requests';
import { listIntakeUnits } from '@/lib/data/submissions';
import { formatChineseDate } from '@/lib/dates';

export const metadata: Metadata = { title: '约稿' };

export default async function RequestsPage() {
  const user = await requirePageAccess('intake');
  await notifyOverdueRequests();
  const [requests, units] = await Promise.all([listSubmissionRequests(), listIntakeUnits()]);
  return (
    <>
      <PageHeader title="约稿" description="向单位约稿：各单位信息员在待办中看到，报送时回复。下方列出各单位是否已报送、是否逾期。" />
      <div className="space-y-6">
        {user.roles.includes('EDITOR') && (
          <TitledCard title="发送约稿">
            <RequestForm units={units} />
          </TitledCard>
        )}
        {requests.length === 0 ? (
          <EmptyState>还没有约稿。</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="request-list">
            {requests.map((request) => {
              const answered = request.units.filter((u) => u.answered > 0).length;
              return (
                <li key={request.id} id={`request-${request.id}`} className="rounded-lg border border-border bg-white p-4">
                  <div className="flex flex-wrap items-center gap-3">
                    <Link href={`/intake?status=ALL&requestId=${request.id}`} className="font-semibold hover:underline">
                      {request.topic}
                    </Link>
                    <span className="text-sm text-muted-foreground">
                      {formatChineseDate(request.deadline)}截止 · {request.createdBy} · 已报送 {answered}/{request.units.length}
                    </span>
                  </div>
                  {request.details && <p className="mt-1 text-sm text-muted-foreground">{request.details}</p>}
                  <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                    {request.units.map((unit) => (
                      <li key={unit.id}>
                        <Badge className={unit.answered ? 'border-green-200 bg-green-50 text-green-800' : unit.isLate ? 'border-red-200 bg-red-50 text-red-800' : ''}>
                          {unit.name}：{unit.answered ? `已报送${unit.answered}篇` : unit.isLate ? '逾期未报' : '未报送'}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}
