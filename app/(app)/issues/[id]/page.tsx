import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IssueAnnotationsCard } from '@/components/annotations/issue-annotations-card';
import { AddItemsForm } from '@/components/issues/add-items-form';
import { AssemblyBoard, type BoardSection } from '@/components/issues/assembly-board';
import { CommentForm } from '@/components/issues/comment-form';
import { ContentsEditor } from '@/components/issues/contents-editor';
import { DownloadButtons } from '@/components/issues/download-buttons';
import { IssueActions } from '@/components/issues/issue-actions';
import { formatDate, formatIssueNumber } from '@/components/issues/issue-labels';
import { IssueStatusBadge } from '@/components/issues/issue-status-badge';
import { IssueTimeline } from '@/components/issues/issue-timeline';
import { countOpenFindings, IssueProofreadCard, OpenFindingsNote } from '@/components/proofread/issue-proofread-card';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { estimateIssuePages, findStandingReturn, getIssueDetail, listAvailableItems } from '@/lib/data/issues';
import { getIssueFindings } from '@/lib/data/proofread';
import { listIssueAnnotations } from '@/lib/data/annotations';
import { formatBeijingDateTime } from '@/lib/dates';
import { getTitleText } from '@/lib/layout/title';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: '编排本期' };

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess('assembly');
  const id = parseId((await params).id);
  const issue = id === null ? null : await getIssueDetail(id);
  if (id === null || !issue) notFound();
  const { print } = issue;
  const estimate = estimateIssuePages(print);
  const canEdit = user.roles.includes('EDITOR');
  const canReview = user.roles.includes('REVIEWER');
  const isAssembling = issue.status === 'ASSEMBLING' && canEdit;
  const available = isAssembling ? await listAvailableItems() : [];
  const proofread = issue.status === 'PUBLISHED' ? null : await getIssueFindings(issue.items);
  const annotations = await listIssueAnnotations(id);
  const openAnnotations = annotations.filter((annotation) => !annotation.resolvedAt).length;

  const sections = new Map<number, BoardSection & { order: [number, number] }>();
  for (const item of issue.items) {
    const entry = sections.get(item.sectionId) ?? {
      id: item.sectionId,
      name: item.section.name,
      isLead: item.section.kind === 'LEAD',
      items: [],
      order: [item.section.kind === 'LEAD' ? 0 : 1, item.section.position] as [number, number],
    };
    entry.items.push({
      id: item.id,
      title: getTitleText(item.title),
      columnName: item.column?.name ?? null,
      columnRank: item.column?.position ?? -1,
      characterCount: item.bodyText.replace(/\s/g, '').length,
    });
    sections.set(item.sectionId, entry);
  }
  const returned = findStandingReturn(issue.status, issue.events);
  const board = [...sections.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);

  return (
    <>
      <PageHeader
        title={formatIssueNumber(issue)}
        description={`${formatDate(issue.issueDate)} · ${estimate.items} 篇稿件 · 约 ${estimate.pages} 页 · 创建人：${issue.createdBy.displayName}`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <IssueStatusBadge status={issue.status} isReturned={!!returned} />
            {canReview && issue.status === 'IN_REVIEW' && (
              <Button asChild size="sm">
                <Link href={`/review/${id}`}>阅读审阅</Link>
              </Button>
            )}
            <DownloadButtons issueId={id} isPublished={issue.status === 'PUBLISHED'} />
            <Button asChild variant="outline" size="sm">
              <Link href={`/issues/${id}/preview`}>打印预览</Link>
            </Button>
          </div>
        }
      />
      {returned && (
        <div role="note" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm" data-testid="issue-return">
          <p className="font-semibold text-danger">
            本期已被退回（{returned.reviewerName}，{formatBeijingDateTime(returned.returnedAt)}），修改后请重新提交审核。
          </p>
          <p className="mt-1 whitespace-pre-wrap">{returned.comment}</p>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>稿件编排</CardTitle>
            </CardHeader>
            <CardContent>
              <AssemblyBoard issueId={id} sections={board} isEditable={isAssembling} />
            </CardContent>
          </Card>
          {isAssembling && (
            <Card>
              <CardHeader>
                <CardTitle>加入待编稿件</CardTitle>
              </CardHeader>
              <CardContent>
                <AddItemsForm
                  issueId={id}
                  items={available.map((i) => ({ id: i.id, title: i.title, sectionName: i.section.name, authorName: i.author.displayName }))}
                />
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>目录提要</CardTitle>
            </CardHeader>
            <CardContent>
              <ContentsEditor
                issueId={id}
                lines={print.contentsLines}
                isEdited={issue.isContentsEdited}
                itemTitles={issue.items.map((i) => getTitleText(i.title))}
                isEditable={isAssembling}
              />
            </CardContent>
          </Card>
        </div>
        <aside className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>操作</CardTitle>
            </CardHeader>
            <CardContent>
              <IssueActions issueId={id} status={issue.status} issueDate={issue.issueDate} canEdit={canEdit} canReview={canReview} openAnnotations={openAnnotations} />
              {proofread && <OpenFindingsNote count={countOpenFindings(proofread)} />}
              {issue.status === 'IN_REVIEW' && canReview && (
                <p className="mt-3 text-xs text-muted-foreground">审核期间可直接修改稿件文字（点击下方稿件），修改记入稿件历史。</p>
              )}
            </CardContent>
          </Card>
          {proofread && <IssueProofreadCard items={proofread} />}
          <IssueAnnotationsCard annotations={annotations} canWrite={issue.status !== 'PUBLISHED'} />
          <Card>
            <CardHeader>
              <CardTitle>审核意见</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <ul className="space-y-3 text-sm" data-testid="review-comments">
                {issue.comments.map((comment) => (
                  <li key={comment.id} className="rounded-md bg-muted p-2">
                    <div className="text-xs text-muted-foreground">
                      {comment.author.displayName} · {formatBeijingDateTime(comment.createdAt)}
                      {comment.item && (
                        <>
                          {' · 稿件：'}
                          <Link href={`/items/${comment.item.id}`} className="underline">
                            {comment.item.title}
                          </Link>
                        </>
                      )}
                    </div>
                    <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
                  </li>
                ))}
                {!issue.comments.length && <li className="text-muted-foreground">暂无意见。</li>}
              </ul>
              {issue.status !== 'PUBLISHED' && <CommentForm issueId={id} items={issue.items.map((i) => ({ id: i.id, title: i.title }))} />}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>稿件</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="space-y-1 text-sm">
                {issue.items.map((item) => (
                  <li key={item.id}>
                    <Link href={`/items/${item.id}`} className="hover:text-brand">
                      {item.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>流程记录</CardTitle>
            </CardHeader>
            <CardContent>
              <IssueTimeline events={issue.events} />
            </CardContent>
          </Card>
        </aside>
      </div>
    </>
  );
}
