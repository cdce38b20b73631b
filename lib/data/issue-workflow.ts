// Review and publication: the state changes of an issue.
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { indexPublishedIssue } from '@/lib/data/archive';
import { notifySubmissionsPublished } from '@/lib/data/submissions';
import { sendNotificationMails } from '@/lib/mail';
import { buildPrintIssue } from '@/lib/data/issue-print';
import { notifyIssueApproved, notifyIssuePublished, notifyIssueReturned, notifyIssueSubmitted } from '@/lib/data/issue-notifications';
import { addEvent, assertPreconditions, lockIssue, QUEUED } from '@/lib/data/issue-lock';
import { lockPublicationOfIssue } from '@/lib/data/publication';
import { AppError } from '@/lib/errors';
import { toPrintSnapshot, type PrintIssue } from '@/lib/export/print-issue';
import { fingerprintPrintContent } from '@/lib/issues/print-model';
import { findPreconditionRefusal, findStateRefusal, ISSUE_WORKFLOW } from '@/lib/issues/workflow';
import { assertNextToPublish } from '@/lib/numbering';
import { assertNoOpenSuggestions } from '@/lib/review/open-suggestions';

/**
 * Why 提交审核 would be refused now, or null: asked before the confirmation, so nobody
 * confirms what then fails. submitIssue checks the same again under the lock.
 */
export async function findSubmitProblem(id: number): Promise<string | null> {
  const issue = await db.issue.findUnique({ where: { id }, select: { status: true, _count: { select: { items: true } } } });
  if (!issue) return '该期不存在或已被删除。';
  const refusal = findStateRefusal('submit', issue.status) ?? findPreconditionRefusal('submit', { itemCount: issue._count.items });
  return refusal?.message ?? null;
}

export async function submitIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, 'submit');
    assertPreconditions('submit', { itemCount: await tx.item.count({ where: { issueId: id } }) });
    await tx.issue.update({ where: { id }, data: { status: ISSUE_WORKFLOW.submit.to, version: { increment: 1 } } });
    await addEvent(tx, id, 'SUBMITTED', user);
    await notifyIssueSubmitted(tx, id, user);
  });
}

export async function returnIssue(input: { id: number; comment: string }, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, 'return');
    await tx.issue.update({ where: { id: input.id }, data: { status: ISSUE_WORKFLOW.return.to, version: { increment: 1 } } });
    await tx.reviewComment.create({ data: { issueId: input.id, authorId: user.id, body: input.comment } });
    await addEvent(tx, input.id, 'RETURNED', user, input.comment);
    await notifyIssueReturned(tx, input.id, user, input.comment);
  });
}

export async function addReviewComment(input: { id: number; itemId: number | null; body: string }, user: CurrentUser) {
  const issue = await db.issue.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!issue) throw new AppError('NOT_FOUND', '该期不存在。');
  const refusal = findStateRefusal('comment', issue.status);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  if (input.itemId !== null) {
    const item = await db.item.findFirst({ where: { id: input.itemId, issueId: input.id }, select: { id: true } });
    if (!item) throw new AppError('INVALID_INPUT', '该稿件不在本期中。', { itemId: ['该稿件不在本期中'] });
  }
  await db.reviewComment.create({ data: { issueId: input.id, itemId: input.itemId, authorId: user.id, body: input.body } });
}

export async function approveIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, 'approve');
    await assertNoOpenSuggestions(tx, id);
    const print = await buildPrintIssue(tx, id);
    await tx.issue.update({
      where: { id },
      data: {
        status: ISSUE_WORKFLOW.approve.to,
        approvedById: user.id,
        approvedAt: new Date(),
        approvedFingerprint: fingerprintPrintContent(print),
        version: { increment: 1 },
      },
    });
    await addEvent(tx, id, 'APPROVED', user);
    await notifyIssueApproved(tx, id, user);
  });
}

export async function unlockIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, 'unlock');
    await tx.issue.update({
      where: { id },
      data: { status: ISSUE_WORKFLOW.unlock.to, approvedById: null, approvedAt: null, approvedFingerprint: null, version: { increment: 1 } },
    });
    await addEvent(tx, id, 'UNLOCKED', user);
  });
}

/**
 * Publishing freezes what is printed into the issue's snapshot. It is refused unless the
 * content is exactly what was approved and every earlier issue is published.
 */
export async function publishIssue(id: number, user: CurrentUser): Promise<PrintIssue> {
  const { print, mails } = await db.$transaction(async (tx) => {
    const publicationId = await lockPublicationOfIssue(tx, id);
    const issue = await lockIssue(tx, id, 'publish');
    await assertNextToPublish(tx, publicationId, issue);
    await assertNoOpenSuggestions(tx, id);
    const print = await buildPrintIssue(tx, id);
    assertPreconditions('publish', { matchesApproval: fingerprintPrintContent(print) === issue.approvedFingerprint });
    await tx.issue.update({
      where: { id },
      data: { status: ISSUE_WORKFLOW.publish.to, publishedAt: new Date(), snapshot: toPrintSnapshot(print), version: { increment: 1 } },
    });
    await indexPublishedIssue(tx, id, print);
    const mails = await notifySubmissionsPublished(tx, id);
    await addEvent(tx, id, 'PUBLISHED', user);
    await notifyIssuePublished(tx, id, user);
    return { print, mails };
  }, QUEUED);
  // The units hear by e-mail too (when SMTP is configured), once the issue is out.
  await sendNotificationMails(mails);
  return print;
}
