// Whether an issue stands returned by its reviewer (no database).
import type { IssueStatus } from '@/lib/validations/issues';

/** A reviewer's return that still stands: the issue has not been submitted again since. */
export interface IssueReturn {
  comment: string;
  reviewerName: string;
  returnedAt: Date;
}

/** 已退回: back in assembly because a reviewer returned it, until it is submitted again. */
export function findStandingReturn(
  status: IssueStatus,
  events: readonly { type: string; comment: string | null; createdAt: Date; actor: { displayName: string } }[],
): IssueReturn | null {
  if (status !== 'ASSEMBLING') return null;
  const reviews = events.filter((event) => event.type === 'SUBMITTED' || event.type === 'RETURNED');
  // The latest one, whatever order the caller has them in (a tie goes to the later in the list).
  const last = reviews.reduce<(typeof reviews)[number] | undefined>((latest, event) => (!latest || event.createdAt >= latest.createdAt ? event : latest), undefined);
  if (last?.type !== 'RETURNED') return null;
  return { comment: last.comment ?? '', reviewerName: last.actor.displayName, returnedAt: last.createdAt };
}
