import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { notifyAnnotation } from '@/lib/data/issue-notifications';
import { AppError } from '@/lib/errors';
import { findQuoteOffset } from '@/lib/annotations/anchor';
import { getBodyText } from '@/lib/item-body-text';
import type { IssueStatus } from '@/lib/validations/issues';
import { ZItemBody } from '@/lib/validations/item-body';
import { UNPUBLISHED } from '@/lib/issues/workflow';

// 批注: comments anchored to words of an item in an issue, with replies and 已解决. Every write
// checks the issue's state under its row lock (nobody comments on a published issue) and is
// announced in the same transaction.

type Tx = Prisma.TransactionClient;

const PUBLISHED = '该期已发布，不能再批注。';

/** Locks the issue row (state checks and writes are then serialised with publication). */
async function lockOpenIssue(tx: Tx, issueId: number) {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Issue" WHERE "id" = ${issueId} FOR UPDATE`;
  if (!rows.length) throw new AppError('NOT_FOUND', '该期不存在或已被删除。');
  if (rows[0]!.status === 'PUBLISHED') throw new AppError('LOCKED', PUBLISHED);
}

async function lockAnnotation(tx: Tx, id: number) {
  const annotation = await tx.annotation.findUnique({ where: { id }, select: { id: true, issueId: true } });
  if (!annotation) throw new AppError('NOT_FOUND', '该批注不存在或已被删除。');
  await lockOpenIssue(tx, annotation.issueId);
  return annotation;
}

export async function addAnnotation(
  input: { issueId: number; itemId: number; quote: string; startOffset: number; body: string },
  user: CurrentUser,
): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    await lockOpenIssue(tx, input.issueId);
    const item = await tx.item.findFirst({ where: { id: input.itemId, issueId: input.issueId }, select: { body: true } });
    if (!item) throw new AppError('INVALID_INPUT', '该稿件不在本期中。', { itemId: ['该稿件不在本期中'] });
    const startOffset = findQuoteOffset(getBodyText(ZItemBody.parse(item.body)), input.quote, input.startOffset);
    if (startOffset === -1) {
      const problem = '所选文字已不在稿件正文中（可能刚被修改），请刷新后重新选择。';
      throw new AppError('INVALID_INPUT', problem, { quote: [problem] });
    }
    const annotation = await tx.annotation.create({
      data: { issueId: input.issueId, itemId: input.itemId, authorId: user.id, quote: input.quote, startOffset, body: input.body },
      select: { id: true },
    });
    await notifyAnnotation(tx, annotation.id, user, 'added', input.body);
    return annotation;
  });
}

export async function replyToAnnotation(input: { id: number; body: string }, user: CurrentUser): Promise<{ issueId: number }> {
  return db.$transaction(async (tx) => {
    const annotation = await lockAnnotation(tx, input.id);
    await tx.annotationReply.create({ data: { annotationId: input.id, authorId: user.id, body: input.body } });
    await notifyAnnotation(tx, input.id, user, 'replied', input.body);
    return { issueId: annotation.issueId };
  });
}

export async function setAnnotationResolved(input: { id: number; isResolved: boolean }, user: CurrentUser): Promise<{ issueId: number }> {
  return db.$transaction(async (tx) => {
    const annotation = await lockAnnotation(tx, input.id);
    await tx.annotation.update({
      where: { id: input.id },
      data: input.isResolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    if (input.isResolved) await notifyAnnotation(tx, input.id, user, 'resolved', '');
    return { issueId: annotation.issueId };
  });
}

const annotationSelect = {
  id: true,
  issueId: true,
  itemId: true,
  quote: true,
  startOffset: true,
  body: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { displayName: true } },
  resolvedBy: { select: { displayName: true } },
  item: { select: { title: true, issueId: true } },
  replies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, body: true, createdAt: true, author: { select: { displayName: true } } } },
} as const satisfies Prisma.AnnotationSelect;

export type AnnotationEntry = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

/** Every 批注 of an issue on items still in it, oldest first (open and resolved). */
export async function listIssueAnnotations(issueId: number): Promise<AnnotationEntry[]> {
  const annotations = await db.annotation.findMany({ where: { issueId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: annotationSelect });
  return annotations.filter((annotation) => annotation.item.issueId === issueId);
}

/** How many 批注 are open on each unpublished issue's items (for 待办). */
export async function countOpenAnnotationsByIssue() {
  const open = await db.annotation.findMany({
    where: { resolvedAt: null, issue: { status: UNPUBLISHED } },
    select: { issueId: true, item: { select: { issueId: true } }, issue: { select: { year: true, yearNumber: true, totalNumber: true, status: true } } },
  });
  const byIssue = new Map<number, { issueId: number; year: number; yearNumber: number; totalNumber: number; status: IssueStatus; count: number }>();
  for (const annotation of open) {
    if (annotation.item.issueId !== annotation.issueId) continue;
    const entry = byIssue.get(annotation.issueId) ?? { issueId: annotation.issueId, ...annotation.issue, count: 0 };
    entry.count += 1;
    byIssue.set(annotation.issueId, entry);
  }
  return [...byIssue.values()].sort((a, b) => a.totalNumber - b.totalNumber);
}
