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
import { ChangesSinceReturnCard } from '@/components/review/changes-since-return';
import { countOpenAnnotations, IssueReadingView } from '@/components/review/issue-reading-view';
import { OpenSuggestionsCard } from '@/components/review/open-suggestions-card';
import { PageHeader } from '@/components/shell/page-header';
import { RecordPublication } from '@/components/shell/publication-context';
import { Button } from '@/components/ui/button';
import { TitledCard } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth';
import { listAvailableItems } from '@/lib/data/issue-assembly';
import { getIssueDetail } from '@/lib/data/issues';
import { estimateIssuePages } from '@/lib/issues/print-model';
import { BOARD_VIEW, boardPath, readsInReadingView } from '@/lib/issues/links';
import { findStandingReturn } from '@/lib/issues/returns';
import { canTakeAction, type IssueAction } from '@/lib/issues/workflow';
import { getIssueFindings } from '@/lib/data/proofread';
import { listIssueAnnotations } from '@/lib/data/annotations';
import { formatBeijingDateTime } from '@/lib/dates';
import { countCharacters } from '@/lib/layout/estimate';
import { getTitleText } from '@/lib/layout/title';
import { isPhoneRequest } from '@/lib/request-device';
import { parseId } from '@/lib/route-params';
import { sortSectionsForPrint } from '@/lib/section-order';
import { getChangesSinceReturn } from '@/lib/review/changes-since-return';
import { ZItemBody } from '@/lib/validations/item-body';

export const metadata: Metadata = { title: '编排本期' };

export default async function IssuePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageAccess('assembly');
  const id = parseId((await params).id);
  const issue = id === null ? null : await getIssueDetail(id);
  if (id === null || !issue) notFound();
  const { print } = issue;
  const estimate = estimateIssuePages(print);
  const can = (action: IssueAction) => canTakeAction(action, user.roles, issue.status);
  const available = can('addItems') ? await listAvailableItems(issue.publicationId) : [];
  const proofread = issue.status === 'PUBLISHED' ? null : await getIssueFindings(issue.items);
  const changesSinceReturn = await getChangesSinceReturn(issue.id, issue.status);
  const annotations = await listIssueAnnotations(id);
  const openAnnotations = countOpenAnnotations(annotations);
  // A reviewer opening an issue in review on a phone reads it here (below) unless they asked for
  // the board (编排页面（桌面）). Decided on the server from the user agent, not by CSS: rendering
  // both and hiding one would put every card, id and test id on the page twice, and the viewport
  // is unknown to the server (a decision in the browser would paint one layout, then swap it).
  // A tablet or a narrow desktop window keeps the board, as before.
  const isPhoneReading =
    readsInReadingView(user.roles, issue.status) && (await searchParams).view !== BOARD_VIEW && (await isPhoneRequest());

  const sections = new Map<number, BoardSection & { position: number }>();
  for (const item of issue.items) {
    const entry = sections.get(item.sectionId) ?? {
      id: item.sectionId,
      name: item.section.name,
      isLead: item.section.kind === 'LEAD',
      items: [],
      position: item.section.position,
    };
    entry.items.push({
      id: item.id,
      title: getTitleText(item.title),
      columnName: item.column?.name ?? null,
      columnRank: item.column?.position ?? -1,
      characterCount: countCharacters(item.bodyText),
    });
    sections.set(item.sectionId, entry);
  }
  const returned = findStandingReturn(issue.status, issue.events);
  const board = sortSectionsForPrint([...sections.values()]);

  // On the board and in a phone's reading view alike.
  const changesCard = changesSinceReturn && <ChangesSinceReturnCard changes={changesSinceReturn} />;
  const suggestionsCard = issue.status !== 'PUBLISHED' && <OpenSuggestionsCard items={issue.items.map((item) => ({ ...item, body: ZItemBody.parse(item.body) }))} />;
  const desk = (
    <>
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
          {changesCard}
          <TitledCard title="稿件编排">
            <AssemblyBoard issueId={id} sections={board} isEditable={can('orderItems')} />
          </TitledCard>
          {can('addItems') && (
            <TitledCard title="加入待编稿件">
              <AddItemsForm
                issueId={id}
                items={available.map((i) => ({ id: i.id, title: i.title, sectionName: i.section.name, authorName: i.author.displayName }))}
              />
            </TitledCard>
          )}
          <TitledCard title="目录提要">
            <ContentsEditor
              issueId={id}
              lines={print.contentsLines}
              isEdited={issue.isContentsEdited}
              itemTitles={issue.items.map((i) => getTitleText(i.title))}
              isEditable={can('editContents')}
            />
          </TitledCard>
        </div>
        <aside className="space-y-6">
          <TitledCard title="操作">
            <IssueActions issueId={id} status={issue.status} issueDate={issue.issueDate} roles={user.roles} openAnnotations={openAnnotations} />
            {proofread && <OpenFindingsNote count={countOpenFindings(proofread)} />}
            {issue.status === 'IN_REVIEW' && can('approve') && (
              <p className="mt-3 text-xs text-muted-foreground">审核期间可修改稿件文字（点击下方稿件）：打开“修订模式”时，增删留作修订，由编辑逐条接受或拒绝；否则直接修改，记入稿件历史。</p>
            )}
          </TitledCard>
          {suggestionsCard}
          {proofread && <IssueProofreadCard items={proofread} />}
          <IssueAnnotationsCard annotations={annotations} canWrite={issue.status !== 'PUBLISHED'} />
          <TitledCard title="审核意见" contentClassName="space-y-4">
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
            {can('comment') && <CommentForm issueId={id} items={issue.items.map((i) => ({ id: i.id, title: i.title }))} />}
          </TitledCard>
          <TitledCard title="稿件">
            <ul className="space-y-1 text-sm">
              {issue.items.map((item) => (
                <li key={item.id}>
                  <Link href={`/items/${item.id}`} className="hover:text-brand">
                    {item.title}
                  </Link>
                </li>
              ))}
            </ul>
          </TitledCard>
          <TitledCard title="流程记录">
            <IssueTimeline events={issue.events} />
          </TitledCard>
        </aside>
      </div>
    </>
  );

  return (
    <>
      <RecordPublication slug={issue.publication.slug} />
      <PageHeader
        title={formatIssueNumber(issue)}
        description={`${formatDate(issue.issueDate)} · ${estimate.items} 篇稿件 · 约 ${estimate.pages} 页 · 创建人：${issue.createdBy.displayName}`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <IssueStatusBadge status={issue.status} isReturned={!!returned} />
            {can('approve') && (
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
      {isPhoneReading ? (
        <div className="space-y-6 pb-28" data-testid="phone-reading">
          <p className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 text-sm">
            <span className="text-muted-foreground">选中正文文字后点“批注”。</span>
            <Link href={boardPath(id)} className="whitespace-nowrap text-brand underline">
              编排页面（桌面）
            </Link>
          </p>
          {changesCard}
          {suggestionsCard}
          <IssueReadingView issue={issue} annotations={annotations} isReviewing />
        </div>
      ) : (
        desk
      )}
    </>
  );
}
