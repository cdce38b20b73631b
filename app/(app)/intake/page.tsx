import type { Metadata } from 'next';
import Link from 'next/link';
import { MERGE_FORM_ID, MergeForm } from '@/components/intake/merge-form';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { SubmissionState } from '@/components/submissions/submission-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FilterSelect } from '@/components/ui/filter-select';
import { Input } from '@/components/ui/input';
import { requirePageAccess } from '@/lib/auth';
import { getActiveSectionOptions } from '@/lib/data/sections';
import { listSubmissionRequestOptions, notifyOverdueRequests } from '@/lib/data/submission-requests';
import { flagLikelyDuplicates, listIntake, listIntakeUnits } from '@/lib/data/submissions';
import { formatBeijingDateTime } from '@/lib/dates';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_STATUSES, ZIntakeFilters } from '@/lib/validations/submissions';

export const metadata: Metadata = { title: '来稿' };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

export default async function IntakePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageAccess('intake');
  const raw = await searchParams;
  const filters = ZIntakeFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v) || undefined])));
  await notifyOverdueRequests();
  const [list, units, requests, sections] = await Promise.all([listIntake(filters), listIntakeUnits(), listSubmissionRequestOptions(), getActiveSectionOptions()]);
  const duplicates = await flagLikelyDuplicates(list.submissions.filter((s) => s.status === 'SUBMITTED').map((s) => s.id));
  const canDecide = user.roles.includes('EDITOR');
  const status = filters.status ?? 'SUBMITTED';
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, page })) if (value !== undefined) params.set(key, String(value));
    return `/intake?${params.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="来稿"
        description="各单位报送的信息：采用、综合采用、退回修改或不采用。默认列出待处理的来稿，最新的在前。"
        actions={
          <Button asChild variant="outline">
            <Link href="/intake/requests">约稿</Link>
          </Button>
        }
      />
      <div className="space-y-5">
        <form className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-white p-3" role="search" aria-label="筛选来稿">
          <FilterSelect
            label="状态"
            name="status"
            defaultValue={status}
            options={[...SUBMISSION_STATUSES.map((value) => ({ value, label: SUBMISSION_STATUS_LABELS[value] })), { value: 'ALL', label: '全部' }]}
          />
          <FilterSelect label="单位" name="unitId" defaultValue={filters.unitId} allLabel="全部单位" options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <FilterSelect label="约稿" name="requestId" defaultValue={filters.requestId} allLabel="不限" options={requests.map((r) => ({ value: r.id, label: r.topic }))} />
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">报送日期从</span>
            <Input type="date" name="from" defaultValue={filters.from} className="w-40" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">到</span>
            <Input type="date" name="to" defaultValue={filters.to} className="w-40" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">标题</span>
            <Input name="q" defaultValue={filters.q} className="w-44" />
          </label>
          <Button type="submit" variant="outline">
            筛选
          </Button>
        </form>

        {canDecide && status === 'SUBMITTED' && list.submissions.length > 1 && <MergeForm sections={sections} />}

        <p className="text-sm text-muted-foreground">共 {list.total} 篇</p>
        {list.submissions.length === 0 ? (
          <EmptyState>没有符合条件的来稿。</EmptyState>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border bg-white" data-testid="intake-list">
            {list.submissions.map((submission) => {
              const title = submission.title.replace(/\n/g, '');
              return (
                <li key={submission.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                  {canDecide && submission.status === 'SUBMITTED' && (
                    <input
                      type="checkbox"
                      form={MERGE_FORM_ID}
                      name="submissions"
                      value={`${submission.id}:${submission.version}`}
                      aria-label={`选择“${title}”综合采用`}
                      className="size-4 accent-brand"
                    />
                  )}
                  <Link href={`/intake/${submission.id}`} className="min-w-0 flex-1 basis-56 font-medium hover:underline">
                    {title}
                  </Link>
                  <span className="text-sm">{submission.unit.name}</span>
                  <SubmissionState status={submission.status} label={submission.state} />
                  {duplicates.has(submission.id) && <Badge className="border-red-200 bg-red-50 text-red-800">疑似重复</Badge>}
                  {submission.request && <Badge>约稿：{submission.request.topic}</Badge>}
                  {submission.fileName && <Badge>Word</Badge>}
                  <span className="text-xs text-muted-foreground">{formatBeijingDateTime(submission.createdAt)}</span>
                </li>
              );
            })}
          </ul>
        )}
        {list.pageCount > 1 && (
          <nav aria-label="分页" className="flex items-center gap-3 text-sm">
            {list.page > 1 && <Link href={pageHref(list.page - 1)}>上一页</Link>}
            <span>
              第 {list.page} / {list.pageCount} 页
            </span>
            {list.page < list.pageCount && <Link href={pageHref(list.page + 1)}>下一页</Link>}
          </nav>
        )}
      </div>
    </>
  );
}
