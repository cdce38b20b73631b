// 批注 and the workflow's notifications, through the actions as each role calls them: anchored
// by quote, replies, 已解决, refusals (role, record, state) that write nothing, and who is told.
import { callWithRawInput } from '@/lib/action-result';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { anchorInParagraphs, findQuoteOffset, toTextOffset } from '@/lib/annotations/anchor';
import type { ItemBody } from '@/lib/validations/item-body';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const issueActions = await import('@/lib/actions/issues');
const { addAnnotationAction, replyToAnnotationAction, setAnnotationResolvedAction } = await import('@/lib/actions/annotations');
const { markNotificationsReadAction } = await import('@/lib/actions/notifications');
const { listIssueAnnotations, countOpenAnnotationsByIssue } = await import('@/lib/data/annotations');
const { listNotifications, countUnreadNotifications } = await import('@/lib/data/notifications');

const PARAGRAPHS = ['市科协召开年度工作会议，部署全年工作。', '会议强调，要服务科技工作者，服务创新发展。'];
const body: ItemBody = { type: 'doc', content: PARAGRAPHS.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };

let sectionId: number;
let editor: Awaited<ReturnType<typeof createTestUser>>;
let reviewer: Awaited<ReturnType<typeof createTestUser>>;
let staff: Awaited<ReturnType<typeof createTestUser>>;
let reporter: Awaited<ReturnType<typeof createTestUser>>;
let day = 3;

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

beforeAll(async () => {
  const publication = await db.publication.create({
    data: { name: '科协每周动态', publisher: '北京市科协办公室', distribution: [], startYear: 2031, startYearNumber: 5, startTotalNumber: 200 },
  });
  sectionId = (await db.section.create({ data: { publicationId: publication.id, name: '学会动态', position: 1 } })).id;
  editor = await createTestUser({ roles: ['EDITOR'] });
  reviewer = await createTestUser({ roles: ['REVIEWER'] });
  staff = await createTestUser({ roles: ['STAFF'] });
  reporter = await createTestUser({ roles: ['REPORTER'] });
});

async function issueInReview() {
  const bodyText = PARAGRAPHS.join('\n\n');
  const item = await db.item.create({ data: { title: '年度工作会议', sectionId, sources: [], body, bodyText, status: 'READY', authorId: editor.id } });
  loginAs(editor);
  const { id } = await ok(issueActions.createIssueAction({ issueDate: `2031-02-${String(day++).padStart(2, '0')}` }));
  await ok(issueActions.addItemsToIssueAction({ id, itemIds: [item.id] }));
  await ok(issueActions.submitIssueAction({ id }));
  return { id, itemId: item.id };
}

describe('anchors', () => {
  it('finds the quote nearest its offset and the paragraph it is in', () => {
    const text = PARAGRAPHS.join('\n\n');
    expect(findQuoteOffset(text, '服务', 0)).toBe(text.indexOf('服务'));
    expect(findQuoteOffset(text, '服务', text.lastIndexOf('服务'))).toBe(text.lastIndexOf('服务'));
    expect(findQuoteOffset(text, '不在其中', 0)).toBe(-1);
    expect(anchorInParagraphs(PARAGRAPHS, '服务创新', 0)).toEqual({ paragraph: 1, start: PARAGRAPHS[1]!.indexOf('服务创新') });
    // Text inserted before it: still found, by the quote.
    expect(anchorInParagraphs(['新加的一段。', ...PARAGRAPHS], '部署全年', 9)).toEqual({ paragraph: 1, start: PARAGRAPHS[0]!.indexOf('部署全年') });
    expect(anchorInParagraphs(PARAGRAPHS, '删掉的话', 3)).toBeNull();
    expect(toTextOffset(PARAGRAPHS, 1, 4)).toBe(PARAGRAPHS[0]!.length + 2 + 4);
  });
});

describe('批注', () => {
  // First in the file: the earliest issue, so it can be published (issues publish in order).
  it('nobody annotates, replies or resolves on a published issue', async () => {
    const { id, itemId } = await issueInReview();
    loginAs(reviewer);
    const input = { issueId: id, itemId, quote: '年度工作会议', startOffset: 3, body: '意见' };
    const { id: annotationId } = await ok(addAnnotationAction(input));
    await ok(issueActions.approveIssueAction({ id }));
    const { publishIssue } = await import('@/lib/data/issue-workflow');
    await publishIssue(id, { id: editor.id, username: editor.username, displayName: editor.displayName, roles: ['EDITOR'] });
    // Published: told to the reviewer (and staff), who can download it.
    expect((await listNotifications(staff.id)).some((n) => n.kind === 'ISSUE_PUBLISHED' && n.href === `/published/${id}`)).toBe(true);

    for (const user of [reviewer, editor]) {
      loginAs(user);
      expect(await addAnnotationAction(input)).toMatchObject({ ok: false, status: 423, message: '该期已发布，不能再批注。' });
      expect(await replyToAnnotationAction({ id: annotationId, body: '回复' })).toMatchObject({ ok: false, status: 423 });
      expect(await setAnnotationResolvedAction({ id: annotationId, isResolved: true })).toMatchObject({ ok: false, status: 423 });
    }
    expect(await db.annotationReply.count({ where: { annotationId } })).toBe(0);
    expect(await db.annotation.count({ where: { issueId: id } })).toBe(1);
  });

  it('a reviewer annotates, the editor replies and resolves; each step tells the other side', async () => {
    const { id, itemId } = await issueInReview();
    // Submitting told the reviewer.
    expect((await listNotifications(reviewer.id)).some((n) => n.kind === 'ISSUE_SUBMITTED' && n.href === `/review/${id}`)).toBe(true);

    loginAs(reviewer);
    const quote = '服务科技工作者';
    const { id: annotationId } = await ok(addAnnotationAction({ issueId: id, itemId, quote, startOffset: 0, body: '请写明具体举措。' }));
    const [stored] = await listIssueAnnotations(id);
    expect(stored).toMatchObject({ id: annotationId, quote, startOffset: PARAGRAPHS.join('\n\n').indexOf(quote), resolvedAt: null });
    const editorNote = (await listNotifications(editor.id)).find((n) => n.kind === 'COMMENT_ADDED');
    expect(editorNote?.title).toContain('新批注');
    // Each is led where they read the issue: the editor to the issue page, the reviewer (below)
    // to the reading view while the issue awaits review.
    expect(editorNote?.href).toBe(`/issues/${id}#annotation-${annotationId}`);
    expect((await countOpenAnnotationsByIssue()).find((entry) => entry.issueId === id)?.count).toBe(1);

    loginAs(editor);
    await ok(replyToAnnotationAction({ id: annotationId, body: '已补充三项举措。' }));
    await ok(setAnnotationResolvedAction({ id: annotationId, isResolved: true }));
    const [resolved] = await listIssueAnnotations(id);
    expect(resolved!.replies.map((r) => r.body)).toEqual(['已补充三项举措。']);
    expect(resolved!.resolvedAt).not.toBeNull();
    expect((await listNotifications(reviewer.id)).filter((n) => n.kind === 'COMMENT_ADDED')).toEqual([
      expect.objectContaining({ title: expect.stringContaining('批注已解决'), href: `/review/${id}#annotation-${annotationId}` }),
      expect.objectContaining({ title: expect.stringContaining('批注有回复'), href: `/review/${id}#annotation-${annotationId}` }),
    ]);
    expect((await countOpenAnnotationsByIssue()).some((entry) => entry.issueId === id)).toBe(false);

    // Reopened by the reviewer: open again.
    loginAs(reviewer);
    await ok(setAnnotationResolvedAction({ id: annotationId, isResolved: false }));
    expect((await listIssueAnnotations(id))[0]!.resolvedAt).toBeNull();
  });

  it('refuses staff, 信息员, words not in the item, or other issues’ items, writing nothing', async () => {
    const { id, itemId } = await issueInReview();
    const input = { issueId: id, itemId, quote: '年度工作会议', startOffset: 3, body: '意见' };
    for (const user of [staff, reporter]) {
      loginAs(user);
      expect(await addAnnotationAction(input)).toMatchObject({ ok: false, status: 403 });
    }
    loginAs(reviewer);
    expect(await addAnnotationAction({ ...input, quote: '没有这句话' })).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('所选文字已不在稿件正文中') });
    const other = await issueInReview();
    expect(await addAnnotationAction({ ...input, itemId: other.itemId })).toMatchObject({ ok: false, status: 400, message: '该稿件不在本期中。' });
    expect(await addAnnotationAction({ ...input, issueId: 2_147_483_000 })).toMatchObject({ ok: false, status: 404 });
    expect(await addAnnotationAction({ ...input, quote: '' })).toMatchObject({ ok: false, status: 400, fieldErrors: { quote: ['请先在正文中选中要批注的文字'] } });
    expect(await replyToAnnotationAction({ id: 2_147_483_000, body: '回复' })).toMatchObject({ ok: false, status: 404 });
    expect(await db.annotation.count({ where: { issueId: id } })).toBe(0);

  });
});

describe('workflow notifications', () => {
  it('return, approval and reading them: the editor is told with the comment, marks read only their own', async () => {
    const { id } = await issueInReview();
    loginAs(reviewer);
    await ok(issueActions.returnIssueAction({ id, comment: '第二条来源请核对。' }));
    const returned = (await listNotifications(editor.id)).find((n) => n.kind === 'ISSUE_RETURNED' && n.href === `/issues/${id}`);
    expect(returned?.title).toMatch(/^2031年第\d+期已退回修改：第二条来源请核对。$/);

    loginAs(editor);
    await ok(issueActions.submitIssueAction({ id }));
    loginAs(reviewer);
    await ok(issueActions.approveIssueAction({ id }));
    expect((await listNotifications(editor.id)).some((n) => n.kind === 'ISSUE_APPROVED' && n.href === `/issues/${id}`)).toBe(true);
    // The reviewer is not told of their own approval.
    expect((await listNotifications(reviewer.id)).some((n) => n.kind === 'ISSUE_APPROVED')).toBe(false);

    loginAs(editor);
    const reviewerUnread = await countUnreadNotifications(reviewer.id);
    await ok(markNotificationsReadAction({ ids: [returned!.id] }));
    expect((await listNotifications(editor.id)).find((n) => n.id === returned!.id)?.readAt).not.toBeNull();
    await ok(markNotificationsReadAction({ all: true }));
    expect(await countUnreadNotifications(editor.id)).toBe(0);
    expect(await countUnreadNotifications(reviewer.id)).toBe(reviewerUnread);
    for (const bad of [{ ids: ['x'] }, { ids: [] }, {}, { all: false }]) expect(await callWithRawInput(markNotificationsReadAction, bad)).toMatchObject({ ok: false, status: 400 });
  });
});
