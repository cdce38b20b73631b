// The workflow table (lib/issues/workflow.ts) against the rules as the product states them:
// every action × state × role, written out here independently of the table.
import { describe, expect, it } from 'vitest';
import {
  canTakeAction,
  findPreconditionRefusal,
  findStateRefusal,
  ISSUE_WORKFLOW,
  listAllowedActions,
  rolesFor,
  UNPUBLISHED_STATES,
  type IssueAction,
} from '@/lib/issues/workflow';
import { boardPath, issuePathFor } from '@/lib/issues/links';
import { ROLES, type Role } from '@/lib/roles';
import { ISSUE_STATUS_LABELS, type IssueStatus } from '@/lib/validations/issues';

const STATES = Object.keys(ISSUE_STATUS_LABELS) as IssueStatus[];
const E = 'EDITOR';
const R = 'REVIEWER';

/** action → [roles, states in which they may take it]. */
const EXPECTED: Record<IssueAction, [Role[], IssueStatus[]]> = {
  create: [[E], []],
  changeDate: [[E], ['ASSEMBLING']],
  delete: [[E], ['ASSEMBLING']],
  addItems: [[E], ['ASSEMBLING']],
  removeItem: [[E], ['ASSEMBLING']],
  putItemBack: [[E], ['ASSEMBLING']],
  orderItems: [[E], ['ASSEMBLING']],
  editContents: [[E], ['ASSEMBLING']],
  submit: [[E], ['ASSEMBLING']],
  return: [[R], ['IN_REVIEW']],
  approve: [[R], ['IN_REVIEW']],
  unlock: [[E, R], ['APPROVED']],
  publish: [[E], ['APPROVED']],
  comment: [[E, R], ['ASSEMBLING', 'IN_REVIEW', 'APPROVED']],
};

const cases = (Object.keys(EXPECTED) as IssueAction[]).flatMap((action) =>
  ROLES.flatMap((role) => STATES.map((status) => ({ action, role, status }))),
);

describe('issue workflow table', () => {
  it('has a row for exactly the expected actions', () => {
    expect(Object.keys(ISSUE_WORKFLOW).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('$role may $action in $status as expected', ({ action, role, status }) => {
    const [roles, states] = EXPECTED[action];
    const allowed = roles.includes(role) && (action === 'create' || states.includes(status));
    expect(canTakeAction(action, [role], status)).toBe(allowed);
    expect(listAllowedActions([role], status).includes(action)).toBe(allowed && action !== 'create');
  });

  it('gives the roles to the server actions', () => {
    for (const [action, [roles]] of Object.entries(EXPECTED)) expect([...rolesFor(action as IssueAction)].sort()).toEqual(roles.sort());
  });

  it('allows creating only without an issue, and any role in a combination counts', () => {
    expect(canTakeAction('create', [E], null)).toBe(true);
    expect(canTakeAction('create', ['STAFF', 'ADMIN'], null)).toBe(false);
    expect(canTakeAction('submit', [E], null)).toBe(false);
    expect(canTakeAction('approve', ['STAFF', R], 'IN_REVIEW')).toBe(true);
  });

  it('moves the issue along 编排中 → 待审核 → 已通过 → 已发布 and back', () => {
    expect(ISSUE_WORKFLOW.submit.to).toBe('IN_REVIEW');
    expect(ISSUE_WORKFLOW.approve.to).toBe('APPROVED');
    expect(ISSUE_WORKFLOW.publish.to).toBe('PUBLISHED');
    expect(ISSUE_WORKFLOW.return.to).toBe('ASSEMBLING');
    expect(ISSUE_WORKFLOW.unlock.to).toBe('ASSEMBLING');
    // Every target state allows what comes next: nothing gets stuck.
    for (const rule of Object.values(ISSUE_WORKFLOW)) {
      if ('to' in rule && rule.to !== 'PUBLISHED') expect(listAllowedActions([E, R], rule.to).length).toBeGreaterThan(0);
    }
  });

  it('names every state but 已发布 as unpublished (the queries for issues being prepared list them)', () => {
    expect([...UNPUBLISHED_STATES].sort()).toEqual(STATES.filter((status) => status !== 'PUBLISHED').sort());
  });
});

describe('refusals', () => {
  it('says in Chinese why a state refuses, locked once approved or published', () => {
    expect(findStateRefusal('addItems', 'ASSEMBLING')).toBeNull();
    expect(findStateRefusal('addItems', 'IN_REVIEW')).toEqual({ code: 'CONFLICT', message: '该期正在审核中，不能修改。' });
    expect(findStateRefusal('addItems', 'APPROVED')).toEqual({ code: 'LOCKED', message: '该期已审核通过并锁定；如需修改，请先解除锁定。' });
    expect(findStateRefusal('delete', 'PUBLISHED')).toEqual({ code: 'LOCKED', message: '该期已发布，内容不能再修改。' });
    expect(findStateRefusal('approve', 'ASSEMBLING')).toEqual({ code: 'CONFLICT', message: '该期正在编排中。' });
    expect(findStateRefusal('submit', 'IN_REVIEW')?.message).toBe('该期已不在编排中，不能再提交审核。');
    expect(findStateRefusal('comment', 'PUBLISHED')).toEqual({ code: 'LOCKED', message: '该期已发布，不能再添加意见。' });
    expect(findStateRefusal('create', 'PUBLISHED')).toBeNull();
  });

  it('checks preconditions on the facts, refusing when a fact is missing', () => {
    expect(findPreconditionRefusal('submit', { itemCount: 0 })?.message).toBe('本期还没有稿件，不能提交审核。请先加入稿件。');
    expect(findPreconditionRefusal('submit', {})).not.toBeNull();
    expect(findPreconditionRefusal('submit', { itemCount: 3 })).toBeNull();
    expect(findPreconditionRefusal('publish', { matchesApproval: false })).toEqual({ code: 'CONFLICT', message: '本期内容与审核通过时不一致，请解除锁定后重新送审。' });
    expect(findPreconditionRefusal('publish', { matchesApproval: true })).toBeNull();
    expect(findPreconditionRefusal('approve', {})).toBeNull();
  });
});

describe('where a link to an issue leads', () => {
  it('a reviewer to the reading view while the issue awaits review, everyone else to the issue page', () => {
    for (const status of STATES) {
      for (const role of ROLES) {
        const expected = role === R && status === 'IN_REVIEW' ? '/review/7' : '/issues/7';
        expect(issuePathFor([role], { id: 7, status }), `${role} ${status}`).toBe(expected);
      }
    }
    expect(issuePathFor([E, R], { id: 7, status: 'IN_REVIEW' })).toBe('/review/7');
    expect(boardPath(7)).toBe('/issues/7?view=board');
  });
});
