// 批注 and notifications called directly, not through the UI: staff are refused (信息员 too:
// test/annotations.test.ts), nobody comments on a published issue, nobody marks another user's notifications,
// and staff open none of the review pages. Nothing changes in the database.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createItem, createUser, getDb } from './fixtures/data';
import { createSubmittedIssue, openAs, removeIssue, runAction } from './fixtures/issues';

async function postJson(request: APIRequestContext, name: string, data: unknown) {
  return request.post(`/api/actions/${name}`, { data, headers: { 'content-type': 'application/json' } });
}

test('staff cannot annotate, reply or resolve, nor open the review pages', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const editorUser = await createUser(['EDITOR']);
  const reviewerUser = await createUser(['REVIEWER']);
  const item = await createItem(editorUser, { title: '越权批注检查', paragraphs: ['市科协召开年度工作会议。'], status: 'READY' });
  const editor = await openAs(browser, editorUser);
  const issueId = await createSubmittedIssue(editor, [item.id]);
  try {
    const reviewer = await openAs(browser, reviewerUser);
    await runAction(reviewer, 'addAnnotationAction', { issueId, itemId: item.id, quote: '年度工作会议', startOffset: 0, body: '请核对。' });
    const annotation = await getDb().annotation.findFirstOrThrow({ where: { issueId } });
    await reviewer.context().close();

    // 信息员 (REPORTER) accounts sign in once 信息报送 lands; their refusal is in test/annotations.test.ts.
    for (const roles of [['STAFF']] as const) {
      const intruder = await createUser([...roles]);
      await loginAndWait(page, intruder);
      const calls = [
        postJson(page.request, 'addAnnotationAction', { issueId, itemId: item.id, quote: '年度工作会议', startOffset: 0, body: '越权' }),
        postJson(page.request, 'replyToAnnotationAction', { id: annotation.id, body: '越权回复' }),
        postJson(page.request, 'setAnnotationResolvedAction', { id: annotation.id, isResolved: true }),
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.status()).toBe(403);
        expect((await response.json()).message).toBe('您没有执行此操作的权限。');
      }
      for (const url of [`/review/${issueId}`, `/issues/${issueId}`, '/review']) {
        expect((await page.goto(url))?.status(), `${roles[0]} ${url}`).toBe(404);
      }
      await page.context().clearCookies();
    }
    expect(await getDb().annotation.findUniqueOrThrow({ where: { id: annotation.id } })).toMatchObject({ resolvedAt: null });
    expect(await getDb().annotationReply.count({ where: { annotationId: annotation.id } })).toBe(0);
    expect(await getDb().annotation.count({ where: { issueId } })).toBe(1);
  } finally {
    await editor.context().close();
    await removeIssue(issueId);
  }
});

test('nobody comments on a published issue; notifications are only marked read for their owner', async ({ page }) => {
  test.setTimeout(60_000);
  const editorUser = await createUser(['EDITOR', 'REVIEWER']);
  const published = await getDb().issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { id: 'asc' } });
  const someItem = await getDb().item.findFirst({ where: { issueId: published.id } });
  await loginAndWait(page, editorUser);
  const annotationsBefore = await getDb().annotation.count();
  const add = await postJson(page.request, 'addAnnotationAction', { issueId: published.id, itemId: someItem?.id ?? 1, quote: '科协', startOffset: 0, body: '发布后批注' });
  expect(add.status()).toBe(423);
  expect((await add.json()).message).toBe('该期已发布，不能再批注。');
  expect(await getDb().annotation.count()).toBe(annotationsBefore);

  const owner = await createUser(['STAFF']);
  const notification = await getDb().notification.create({ data: { userId: owner.id, kind: 'ISSUE_PUBLISHED', title: '某期已发布', href: '/published' } });
  const mark = await postJson(page.request, 'markNotificationsReadAction', { ids: [notification.id] });
  expect(mark.status()).toBe(200);
  expect((await mark.json()).data).toEqual({ count: 0 });
  const markAll = await postJson(page.request, 'markNotificationsReadAction', { all: true });
  expect(markAll.status()).toBe(200);
  expect(await getDb().notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({ readAt: null });
  const bad = await postJson(page.request, 'markNotificationsReadAction', {});
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toMatch(/[\u4e00-\u9fff]/);
});
