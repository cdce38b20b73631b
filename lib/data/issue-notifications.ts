import 'server-only';
import type { Prisma } from '@/lib/db';
import { notify, usersWithRoles } from '@/lib/data/notifications';
import { issuePathFor } from '@/lib/issues/links';

// The workflow's notifications (提交审核, 退回修改, 审核通过, 发布, 批注): who is told what, written
// in the transaction of the step they announce. The actor is never told of their own step.

type Tx = Prisma.TransactionClient;
type Actor = { id: number };

/** `2023年第14期`: how a notification names an issue. */
async function labelIssue(tx: Tx, issueId: number) {
  const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId }, select: { year: true, yearNumber: true, createdById: true, status: true } });
  return { label: `${issue.year}年第${issue.yearNumber}期`, createdById: issue.createdById, status: issue.status };
}

/** One line of a comment for a notification title. */
function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The issue's creator and every editor: who answers a return or a 批注. */
async function issueEditors(tx: Tx, createdById: number): Promise<number[]> {
  return [createdById, ...(await usersWithRoles(tx, ['EDITOR']))];
}

export async function notifyIssueSubmitted(tx: Tx, issueId: number, actor: Actor) {
  const { label } = await labelIssue(tx, issueId);
  await notify(tx, await usersWithRoles(tx, ['REVIEWER']), { kind: 'ISSUE_SUBMITTED', title: `${label}已提交审核，等待审阅`, href: `/review/${issueId}` }, { exceptUserId: actor.id });
}

export async function notifyIssueReturned(tx: Tx, issueId: number, actor: Actor, comment: string) {
  const { label, createdById } = await labelIssue(tx, issueId);
  await notify(tx, await issueEditors(tx, createdById), { kind: 'ISSUE_RETURNED', title: `${label}已退回修改：${excerpt(comment)}`, href: `/issues/${issueId}` }, { exceptUserId: actor.id });
}

export async function notifyIssueApproved(tx: Tx, issueId: number, actor: Actor) {
  const { label, createdById } = await labelIssue(tx, issueId);
  await notify(tx, await issueEditors(tx, createdById), { kind: 'ISSUE_APPROVED', title: `${label}已审核通过，可以发布`, href: `/issues/${issueId}` }, { exceptUserId: actor.id });
}

export async function notifyIssuePublished(tx: Tx, issueId: number, actor: Actor) {
  const { label } = await labelIssue(tx, issueId);
  const readers = await usersWithRoles(tx, ['EDITOR', 'REVIEWER', 'STAFF']);
  await notify(tx, readers, { kind: 'ISSUE_PUBLISHED', title: `${label}已发布，可下载 PDF 和 DOCX`, href: `/published/${issueId}` }, { exceptUserId: actor.id });
}

/**
 * A new 批注 goes to the editors (a reviewer's) or the reviewers (an editor's); a reply or a
 * 已解决 to everyone in the thread and the issue's creator.
 */
export async function notifyAnnotation(
  tx: Tx,
  annotationId: number,
  actor: Actor & { roles: readonly string[] },
  step: 'added' | 'replied' | 'resolved',
  text: string,
) {
  const annotation = await tx.annotation.findUniqueOrThrow({
    where: { id: annotationId },
    select: { issueId: true, authorId: true, quote: true, replies: { select: { authorId: true } } },
  });
  const { label, createdById, status } = await labelIssue(tx, annotation.issueId);
  const recipients =
    step === 'added'
      ? actor.roles.includes('REVIEWER')
        ? await issueEditors(tx, createdById)
        : await usersWithRoles(tx, ['REVIEWER'])
      : [annotation.authorId, createdById, ...annotation.replies.map((reply) => reply.authorId)];
  const verb = { added: '新批注', replied: '批注有回复', resolved: '批注已解决' }[step];
  const title = `${label}${verb}：「${excerpt(annotation.quote, 12)}」${step === 'resolved' ? '' : excerpt(text)}`;
  // Each recipient is led where they read the issue: a reviewer of an issue in review to the
  // 批注 in the reading view, everyone else to it on the issue page (issuePathFor).
  const users = await tx.user.findMany({ where: { id: { in: recipients } }, select: { id: true, roles: true } });
  const byHref = new Map<string, number[]>();
  for (const user of users) {
    const href = `${issuePathFor(user.roles, { id: annotation.issueId, status })}#annotation-${annotationId}`;
    byHref.set(href, [...(byHref.get(href) ?? []), user.id]);
  }
  for (const [href, userIds] of byHref) {
    await notify(tx, userIds, { kind: 'COMMENT_ADDED', title, href }, { exceptUserId: actor.id });
  }
}
