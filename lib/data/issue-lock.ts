// What every write to an issue starts with: the row lock and the state check, the event log.
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import type { Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { findPreconditionRefusal, findStateRefusal, type IssueAction, type IssueFacts, type WorkflowRefusal } from '@/lib/issues/workflow';

export type Tx = Prisma.TransactionClient;

/**
 * Transactions that take the publication lock queue behind each other (that is the point);
 * waiting for the lock or a connection must not count as a failure under a burst of requests.
 */
export const QUEUED = { maxWait: 15_000, timeout: 30_000 } as const;

export async function addEvent(tx: Tx, issueId: number, type: Prisma.IssueEventCreateManyInput['type'], actor: CurrentUser, comment?: string) {
  await tx.issueEvent.create({ data: { issueId, type, actorId: actor.id, comment: comment ?? null } });
}

function throwRefusal(refusal: WorkflowRefusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** Locks the issue row for this transaction and checks that its state allows the action (lib/issues/workflow.ts). */
export async function lockIssue(tx: Tx, id: number, action: IssueAction) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Issue" WHERE "id" = ${id} FOR UPDATE`;
  if (!rows.length) throw new AppError('NOT_FOUND', '该期不存在或已被删除。');
  const issue = await tx.issue.findUniqueOrThrow({ where: { id } });
  throwRefusal(findStateRefusal(action, issue.status));
  return issue;
}

/** Refuses the action when the facts break one of its preconditions (lib/issues/workflow.ts). */
export function assertPreconditions(action: IssueAction, facts: IssueFacts): void {
  throwRefusal(findPreconditionRefusal(action, facts));
}

export async function touch(tx: Tx, id: number) {
  await tx.issue.update({ where: { id }, data: { version: { increment: 1 } } });
}
