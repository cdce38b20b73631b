// Who may do what to an issue, and when: the one table the server actions (roles), the data
// layer (states, under the row lock, and preconditions) and the issue page's buttons read.
// One row per action; a new action is a new row. No database and no React, so the browser,
// the server and the unit tests read the very same rules.
import type { ErrorCode } from '@/lib/errors';
import { hasAnyRole, type Role } from '@/lib/roles';
import type { IssueStatus } from '@/lib/validations/issues';

/**
 * What is known about an issue when an action's preconditions are checked; the data layer
 * reads the facts its action requires. A fact left out counts as broken (refused, never let through).
 */
export interface IssueFacts {
  /** Items placed in the issue. */
  itemCount?: number;
  /** Whether what would print now is exactly what the reviewer approved (approval fingerprint). */
  matchesApproval?: boolean;
}

interface Precondition {
  /** Checked on the facts the data layer reads under the issue's lock. */
  holds: (facts: IssueFacts) => boolean;
  code: ErrorCode;
  message: string;
}

export const PRECONDITIONS = {
  HAS_ITEMS: {
    holds: (facts) => (facts.itemCount ?? 0) > 0,
    code: 'CONFLICT',
    message: '本期还没有稿件，不能提交审核。请先加入稿件。',
  },
  MATCHES_APPROVAL: {
    holds: (facts) => facts.matchesApproval === true,
    code: 'CONFLICT',
    message: '本期内容与审核通过时不一致，请解除锁定后重新送审。',
  },
} as const satisfies Record<string, Precondition>;

export type PreconditionId = keyof typeof PRECONDITIONS;

export interface WorkflowRule {
  /** Roles that may take the action (any one of them). */
  roles: readonly Role[];
  /** States the issue must be in; null: the action makes a new issue. */
  states: readonly IssueStatus[] | null;
  /** The state the issue is in afterwards, when the action changes it. */
  to?: IssueStatus;
  /** Checked by the data layer after the state, on facts read under the lock. */
  requires?: readonly PreconditionId[];
  /**
   * Said when the issue is in a state the action does not allow (else the state's own message):
   * for actions that are refused in one state only.
   */
  refusal?: string;
}

const EDITOR = ['EDITOR'] as const satisfies Role[];
const REVIEWER = ['REVIEWER'] as const satisfies Role[];
const EDITOR_OR_REVIEWER = ['EDITOR', 'REVIEWER'] as const satisfies Role[];
const ASSEMBLING = ['ASSEMBLING'] as const satisfies IssueStatus[];

/**
 * Every state before 已发布: the issues still being prepared. Queries name them (`status IN …`)
 * rather than `status <> 'PUBLISHED'`, which the database can only answer by reading every
 * published issue of the archive; this way an index finds the few open ones.
 */
export const UNPUBLISHED_STATES = ['ASSEMBLING', 'IN_REVIEW', 'APPROVED'] as const satisfies IssueStatus[];

/** The Prisma filter for an issue's status before publication (see UNPUBLISHED_STATES). */
export const UNPUBLISHED = { in: [...UNPUBLISHED_STATES] };

/**
 * The workflow: 编排中 → (提交审核) 待审核 → (审核通过) 已通过 → (发布) 已发布; 退回修改 and 解除锁定
 * go back to 编排中. Numbering rules (one issue per date, publication in number order) are
 * checked by `lib/numbering.ts` under the publication lock.
 */
export const ISSUE_WORKFLOW = {
  create: { roles: EDITOR, states: null, to: 'ASSEMBLING' },
  changeDate: { roles: EDITOR, states: ASSEMBLING },
  delete: { roles: EDITOR, states: ASSEMBLING },
  addItems: { roles: EDITOR, states: ASSEMBLING },
  removeItem: { roles: EDITOR, states: ASSEMBLING },
  putItemBack: { roles: EDITOR, states: ASSEMBLING },
  orderItems: { roles: EDITOR, states: ASSEMBLING },
  editContents: { roles: EDITOR, states: ASSEMBLING },
  submit: { roles: EDITOR, states: ASSEMBLING, to: 'IN_REVIEW', requires: ['HAS_ITEMS'], refusal: '该期已不在编排中，不能再提交审核。' },
  return: { roles: REVIEWER, states: ['IN_REVIEW'], to: 'ASSEMBLING' },
  approve: { roles: REVIEWER, states: ['IN_REVIEW'], to: 'APPROVED' },
  unlock: { roles: EDITOR_OR_REVIEWER, states: ['APPROVED'], to: 'ASSEMBLING' },
  publish: { roles: EDITOR, states: ['APPROVED'], to: 'PUBLISHED', requires: ['MATCHES_APPROVAL'] },
  comment: { roles: EDITOR_OR_REVIEWER, states: UNPUBLISHED_STATES, refusal: '该期已发布，不能再添加意见。' },
} as const satisfies Record<string, WorkflowRule>;

export type IssueAction = keyof typeof ISSUE_WORKFLOW;

const RULES: Record<IssueAction, WorkflowRule> = ISSUE_WORKFLOW;

/** Why an issue in this state refuses a change, by state (when the action has no refusal of its own). */
const STATE_REFUSALS: Record<IssueStatus, { code: ErrorCode; message: string }> = {
  ASSEMBLING: { code: 'CONFLICT', message: '该期正在编排中。' },
  IN_REVIEW: { code: 'CONFLICT', message: '该期正在审核中，不能修改。' },
  APPROVED: { code: 'LOCKED', message: '该期已审核通过并锁定；如需修改，请先解除锁定。' },
  PUBLISHED: { code: 'LOCKED', message: '该期已发布，内容不能再修改。' },
};

export interface WorkflowRefusal {
  code: ErrorCode;
  message: string;
}

/** The roles that may take the action, for the server action's session check. */
export function rolesFor(action: IssueAction): readonly Role[] {
  return RULES[action].roles;
}

/** Why the action is refused for an issue in this state, or null when the state allows it. */
export function findStateRefusal(action: IssueAction, status: IssueStatus): WorkflowRefusal | null {
  const { states, refusal } = RULES[action];
  if (states === null || states.includes(status)) return null;
  const byState = STATE_REFUSALS[status];
  return refusal ? { code: byState.code, message: refusal } : byState;
}

/** The first precondition of the action the facts break, or null. */
export function findPreconditionRefusal(action: IssueAction, facts: IssueFacts): WorkflowRefusal | null {
  for (const id of RULES[action].requires ?? []) {
    const { holds, code, message } = PRECONDITIONS[id];
    if (!holds(facts)) return { code, message };
  }
  return null;
}

/** Whether a user with these roles may take the action on an issue in this state (the buttons). */
export function canTakeAction(action: IssueAction, roles: readonly Role[], status: IssueStatus | null): boolean {
  if (!hasAnyRole(roles, RULES[action].roles)) return false;
  return status === null ? RULES[action].states === null : findStateRefusal(action, status) === null;
}

/** Every action this user may take on an issue in this state, in table order. */
export function listAllowedActions(roles: readonly Role[], status: IssueStatus): IssueAction[] {
  return (Object.keys(RULES) as IssueAction[]).filter((action) => RULES[action].states !== null && canTakeAction(action, roles, status));
}
