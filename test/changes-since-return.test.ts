// What changed since a return: the version the reviewer returned against the text now, read
// from the item history (whose entries never span a submission or a return).
import { beforeAll, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getChangesSinceReturn } from '@/lib/review/changes-since-return';
import type { ItemBody } from '@/lib/validations/item-body';
import type { createTestUser } from './support/factories';
import { createReviewSetup } from './support/review';
import { loginAs } from './support/session';

const body = (text: string): ItemBody => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let sectionId: number;
let editor: Awaited<ReturnType<typeof createTestUser>>;
let reviewer: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  ({ sectionId, editor, reviewer } = await createReviewSetup());
});

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

it('lists the items changed since the return with the returned and the current text', async () => {
  const issueActions = await import('@/lib/actions/issues');
  const { createItemAction, saveItemAction } = await import('@/lib/actions/items');
  loginAs(editor);
  const fields = (title: string, text: string) => ({ title, subtitle: null, sectionId, columnId: null, sources: ['北京土壤学会'], eventDate: null, status: 'READY' as const, body: body(text) });
  const changed = await ok(createItemAction(fields('学会年会', '学会召开年会。')));
  const untouched = await ok(createItemAction(fields('科普活动', '开展科普活动。')));
  // A second version by the same editor shortly before submission: later saves must not extend it.
  await ok(saveItemAction({ ...fields('学会年会', '学会召开第一届年会。'), id: changed.id, baseVersion: 1 }));
  const { id } = await ok(issueActions.createIssueAction({ issueDate: '2030-04-05' }));
  await ok(issueActions.addItemsToIssueAction({ id, itemIds: [changed.id, untouched.id] }));
  expect(await getChangesSinceReturn(id, 'ASSEMBLING')).toBeNull();
  await ok(issueActions.submitIssueAction({ id }));
  loginAs(reviewer);
  await ok(issueActions.returnIssueAction({ id, comment: '请写明年会届次和地点。' }));

  loginAs(editor);
  const saved = await ok(saveItemAction({ ...fields('学会年会', '学会在京召开第一届年会。'), id: changed.id, baseVersion: 2 }));
  expect(saved.version).toBe(3);
  await ok(issueActions.submitIssueAction({ id }));

  const changes = await getChangesSinceReturn(id, 'IN_REVIEW');
  expect(changes?.reviewerName).toBe('李金涛');
  expect(changes?.items).toEqual([
    {
      id: changed.id,
      title: '学会年会',
      fromVersion: 2,
      toVersion: 3,
      before: '学会年会\n学会召开第一届年会。\n（北京土壤学会）',
      after: '学会年会\n学会在京召开第一届年会。\n（北京土壤学会）',
    },
  ]);
  // The history keeps the returned version as it was.
  const history = await db.itemVersion.findMany({ where: { itemId: changed.id }, orderBy: { version: 'asc' }, select: { version: true, bodyText: true } });
  expect(history.map((h) => h.version)).toEqual([1, 2, 3]);
  expect(await getChangesSinceReturn(id, 'APPROVED')).toBeNull();
});
