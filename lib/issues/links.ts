// Where a link to an issue leads: one rule for the 待办 blocks, the issue list, the item pages
// and the notifications. No database and no React (unit-tested with the workflow table).
import { canTakeAction } from '@/lib/issues/workflow';
import type { Role } from '@/lib/roles';
import type { IssueStatus } from '@/lib/validations/issues';

/**
 * Whether this user reads the issue in the reading view: a reviewer while it awaits their review
 * (exactly when 审核通过 is theirs to press). The issue page shows that view on a phone too.
 */
export function readsInReadingView(roles: readonly Role[], status: IssueStatus): boolean {
  return canTakeAction('approve', roles, status);
}

/** `/review/<id>` for a reviewer of an issue in review, else the issue page `/issues/<id>`. */
export function issuePathFor(roles: readonly Role[], issue: { id: number; status: IssueStatus }): string {
  return readsInReadingView(roles, issue.status) ? `/review/${issue.id}` : `/issues/${issue.id}`;
}

/** The assembly board, also on a phone where the issue page would show the reading view. */
export const BOARD_VIEW = 'board';

export function boardPath(issueId: number): string {
  return `/issues/${issueId}?view=${BOARD_VIEW}`;
}
