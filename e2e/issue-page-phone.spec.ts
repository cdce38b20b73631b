import { devices, expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { createItem, createUser } from './fixtures/data';
import { createIssueThroughUi, openAs, removeIssue, runAction } from './fixtures/issues';
import { findPhoneLayoutProblems } from './fixtures/phone-layout';

const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
const IPHONE = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };

/** The bar is in sight: inside the viewport, at its bottom. */
async function expectBarInSight(page: Page) {
  const box = await page.getByTestId('review-bar').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(IPHONE.viewport.height + 1);
  expect(box!.y).toBeGreaterThan(IPHONE.viewport.height / 2);
}

// Wherever a reviewer is led to an issue awaiting review, they read it: the issue list, 待办 and
// the notifications point at the reading view, and the issue page itself shows it on a phone
// (with the bar, 修订此稿 links and a link to the board); the desktop keeps the board, and so does
// the editor.
test('on a phone the issue page is the reading view for its reviewer; 审核通过 from its bar', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const editorUser = await createUser(['EDITOR'], '王晓梅');
  const reviewerUser = await createUser(['REVIEWER'], '赵志强');
  const paragraphs = [
    `市科协${stamp}举办青少年科技创新大赛，来自全市的科技教师和学生参加，集中展示了一批创新成果。`,
    '大赛设置科技创新成果、科学幻想绘画等项目，评选出一批优秀作品，并推荐参加全国大赛。',
  ];
  const item = await createItem(editorUser, { title: `青少年科技创新大赛${stamp}`, sources: ['北京青少年科技中心'], paragraphs, status: 'READY' });
  const editor = await openAs(browser, editorUser);
  const issueId = await createIssueThroughUi(editor);
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const board = (page: Page) => page.getByRole('heading', { name: '稿件编排' });
  try {
    await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [item.id] });
    await runAction(editor, 'submitIssueAction', { id: issueId });
    // The editor's 批注 is told to the reviewer.
    await runAction(editor, 'addAnnotationAction', { issueId, itemId: item.id, quote: '科学幻想绘画', startOffset: 0, body: '项目名称请核对。' });

    // The links a reviewer follows to this issue lead to the reading view.
    const reviewer = await openAs(browser, reviewerUser, IPHONE);
    await expect(reviewer.getByTestId('todo-review-queue').locator(`a[href="/review/${issueId}"]`)).toBeVisible();
    await expect(reviewer.getByTestId('todo-annotations').locator(`a[href="/review/${issueId}"]`)).toBeVisible();
    await reviewer.goto('/notifications');
    await expect(reviewer.getByTestId('notification-list').locator(`a[href^="/review/${issueId}#annotation-"]`)).toBeVisible();
    await reviewer.goto('/issues');
    await expect(reviewer.getByTestId('issue-list').locator(`a[href="/review/${issueId}"]`)).toBeVisible();

    // The issue page itself, on the phone: masthead numbers, the item's text and 批注, the bar in sight.
    await reviewer.goto(`/issues/${issueId}`);
    const view = reviewer.getByTestId('issue-web-view');
    await expect(view).toBeVisible();
    await expect(view).toContainText(/第\d+期/);
    await expect(view).toContainText(/总第\d+期/);
    await expect(view).toContainText(paragraphs[0]!);
    await expect(view).toContainText(paragraphs[1]!);
    await expect(view).toContainText('（北京青少年科技中心）');
    await expect(view.getByTestId('annotation')).toContainText('项目名称请核对。');
    await expect(view.getByRole('link', { name: `修订此稿：${item.title}` })).toHaveAttribute('href', `/items/${item.id}`);
    await expect(board(reviewer)).toBeHidden();
    await expect(reviewer.getByRole('link', { name: '编排页面（桌面）' })).toBeVisible();
    const bar = reviewer.getByTestId('review-bar');
    for (const name of ['审核通过', '退回修改', '批注']) {
      const button = bar.getByRole('button', { name, exact: true });
      await expect(button).toBeVisible();
      const box = (await button.boundingBox())!;
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= IPHONE.viewport.width && box.y + box.height <= IPHONE.viewport.height, `${name} in the viewport`).toBe(true);
    }
    expect(await reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(IPHONE.viewport.width);
    expect(await findPhoneLayoutProblems(reviewer, 'issue page as reading view')).toEqual([]);
    await expectNoSeriousViolations(reviewer);
    await shot(reviewer, 'issue-page-reading-iphone');
    await reviewer.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expectBarInSight(reviewer);

    // 编排页面（桌面）: the board, on the phone too, without the bar.
    await reviewer.getByRole('link', { name: '编排页面（桌面）' }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/issues/${issueId}\\?view=board$`));
    await expect(board(reviewer)).toBeVisible();
    await expect(reviewer.getByTestId('review-bar')).toHaveCount(0);
    expect(await findPhoneLayoutProblems(reviewer, 'issue page, board')).toEqual([]);

    // On a desktop the issue page is the board, as before; on a phone the editor keeps it too.
    const desk = await openAs(browser, reviewerUser);
    await desk.goto(`/issues/${issueId}`);
    await expect(board(desk)).toBeVisible();
    await expect(desk.getByTestId('issue-web-view')).toBeHidden();
    await expect(desk.getByTestId('review-bar')).toBeHidden();
    await expect(desk.getByRole('button', { name: '审核通过', exact: true })).toBeVisible();
    await shot(desk, 'issue-page-reviewer-desktop');
    await desk.context().close();
    const editorPhone = await openAs(browser, editorUser, IPHONE);
    await editorPhone.goto(`/issues/${issueId}`);
    await expect(board(editorPhone)).toBeVisible();
    await expect(editorPhone.getByTestId('issue-web-view')).toHaveCount(0);
    await editorPhone.context().close();

    // 审核通过 from the phone's bar; approved, the issue page is the board again.
    await reviewer.goto(`/issues/${issueId}`);
    await bar.getByRole('button', { name: '审核通过', exact: true }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');
    await expect(reviewer.getByTestId('review-bar')).toHaveCount(0);
    await expect(board(reviewer)).toBeVisible();
    await reviewer.context().close();
  } finally {
    await editor.context().close();
    await removeIssue(issueId);
  }
});
