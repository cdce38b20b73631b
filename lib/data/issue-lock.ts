// What every write to an issue starts with: the row lock and the state check, the event log.
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import type { Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { IssueStatus } from '@/lib/validations/issues';

export type Tx = Prisma.TransactionClient;

/**
 * Transactions that take the publication lock queue behind each other (that is the point);
 * waiting for the lock or a connection must not count as a failure under a burst of requests.
 */
export const QUEUED = { maxWait: 15_000, timeout: 30_000 } as const;

export async function addEvent(tx: Tx, issueId: number, type: Prisma.IssueEventCreateManyInput['type'], actor: CurrentUser, comment?: string) {
  await tx.issueEvent.create({ data: { issueId, type, actorId: actor.id, comment: comment ?? null } });
}

/** Locks the issue row for this transaction and checks its state. */
export async function lockIssue(tx: Tx, id: number, allowed: readonly IssueStatus[]) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Issue" WHERE "id" = ${id} FOR UPDATE`;
  if (!rows.length) throw new AppError('NOT_FOUND', '该期不存在或已被删除。');
  const issue = await tx.issue.findUniqueOrThrow({ where: { id } });
  if (!allowed.includes(issue.status)) {
    const messages: Record<IssueStatus, string> = {
      ASSEMBLING: '该期正在编排中。',
      IN_REVIEW: '该期正在审核中，不能修改。',
      APPROVED: '该期已审核通过并锁定；如需修改，请先解除锁定。',
      PUBLISHED: '该期已发布，内容不能再修改。',
    };
    throw new AppError(issue.status === 'APPROVED' || issue.status === 'PUBLISHED' ? 'LOCKED' : 'CONFLICT', messages[issue.status]);
  }
  return issue;
}

export async function touch(tx: Tx, id: number) {
  await tx.issue.update({ where: { id }, data: { version: { increment: 1 } } });
}
