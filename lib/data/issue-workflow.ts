// Review and publication: the state changes of an issue.
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { indexPublishedIssue } from '@/lib/data/archive';
import { buildPrintIssue } from '@/lib/data/issue-print';
import { addEvent, lockIssue, QUEUED } from '@/lib/data/issue-lock';
import { lockPublication } from '@/lib/data/publication';
import { AppError } from '@/lib/errors';
import type { PrintIssue } from '@/lib/export/print-issue';
import { fingerprintPrintContent } from '@/lib/issues/print-model';
import { assertNextToPublish } from '@/lib/numbering';

// ---------------------------------------------------------------------------------------
// Review and publication

const EMPTY_ISSUE = '本期还没有稿件，不能提交审核。请先加入稿件。';

/**
 * Why 提交审核 would be refused now, or null: asked before the confirmation, so nobody
 * confirms what then fails. submitIssue checks the same again under the lock.
 */
export async function findSubmitProblem(id: number): Promise<string | null> {
  const issue = await db.issue.findUnique({ where: { id }, select: { status: true, _count: { select: { items: true } } } });
  if (!issue) return '该期不存在或已被删除。';
  if (issue.status !== 'ASSEMBLING') return '该期已不在编排中，不能再提交审核。';
  return issue._count.items === 0 ? EMPTY_ISSUE : null;
}

export async function submitIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['ASSEMBLING']);
    if ((await tx.item.count({ where: { issueId: id } })) === 0) {
      throw new AppError('CONFLICT', EMPTY_ISSUE);
    }
    await tx.issue.update({ where: { id }, data: { status: 'IN_REVIEW', version: { increment: 1 } } });
    await addEvent(tx, id, 'SUBMITTED', user);
  });
}

export async function returnIssue(input: { id: number; comment: string }, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['IN_REVIEW']);
    await tx.issue.update({ where: { id: input.id }, data: { status: 'ASSEMBLING', version: { increment: 1 } } });
    await tx.reviewComment.create({ data: { issueId: input.id, authorId: user.id, body: input.comment } });
    await addEvent(tx, input.id, 'RETURNED', user, input.comment);
  });
}

export async function addReviewComment(input: { id: number; itemId: number | null; body: string }, user: CurrentUser) {
  const issue = await db.issue.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!issue) throw new AppError('NOT_FOUND', '该期不存在。');
  if (issue.status === 'PUBLISHED') throw new AppError('LOCKED', '该期已发布，不能再添加意见。');
  if (input.itemId !== null) {
    const item = await db.item.findFirst({ where: { id: input.itemId, issueId: input.id }, select: { id: true } });
    if (!item) throw new AppError('INVALID_INPUT', '该稿件不在本期中。', { itemId: ['该稿件不在本期中'] });
  }
  await db.reviewComment.create({ data: { issueId: input.id, itemId: input.itemId, authorId: user.id, body: input.body } });
}

export async function approveIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['IN_REVIEW']);
    const print = await buildPrintIssue(tx, id);
    await tx.issue.update({
      where: { id },
      data: {
        status: 'APPROVED',
        approvedById: user.id,
        approvedAt: new Date(),
        approvedFingerprint: fingerprintPrintContent(print),
        version: { increment: 1 },
      },
    });
    await addEvent(tx, id, 'APPROVED', user);
  });
}

export async function unlockIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['APPROVED']);
    await tx.issue.update({
      where: { id },
      data: { status: 'ASSEMBLING', approvedById: null, approvedAt: null, approvedFingerprint: null, version: { increment: 1 } },
    });
    await addEvent(tx, id, 'UNLOCKED', user);
  });
}

/**
 * Publishing freezes what is printed into the issue's snapshot. It is refused unless the
 * content is exactly what was approved and every earlier issue is published.
 */
export async function publishIssue(id: number, user: CurrentUser): Promise<PrintIssue> {
  return db.$transaction(async (tx) => {
    const publicationId = await lockPublication(tx);
    const issue = await lockIssue(tx, id, ['APPROVED']);
    await assertNextToPublish(tx, publicationId, issue);
    const print = await buildPrintIssue(tx, id);
    if (fingerprintPrintContent(print) !== issue.approvedFingerprint) {
      throw new AppError('CONFLICT', '本期内容与审核通过时不一致，请解除锁定后重新送审。');
    }
    await tx.issue.update({
      where: { id },
      data: { status: 'PUBLISHED', publishedAt: new Date(), snapshot: print as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    await indexPublishedIssue(tx, id, print);
    await addEvent(tx, id, 'PUBLISHED', user);
    return print;
  }, QUEUED);
}
