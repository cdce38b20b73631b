// The review done the way the office reviews, on an iPhone 13: the reviewer lands on 待办, opens
// the issue in the reading view, reads it without sideways scrolling, adds a 批注 on words of an
// item and returns the issue from the bar at the bottom; the editor is told (unread count), answers
// and resolves the 批注, resubmits; the reviewer is told and approves.
import { devices, expect, test, type Page } from '@playwright/test';
import { createItem, createUser } from './fixtures/data';
import { createIssueThroughUi, openAs, removeIssue, runAction } from './fixtures/issues';
import { findPhoneLayoutProblems } from './fixtures/phone-layout';
import { expectNoSeriousViolations } from './fixtures/axe';

const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
const IPHONE = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };

/** Selects `quote` inside the reading view's text, as a finger drag would. */
async function selectText(page: Page, quote: string) {
  await page.evaluate((words) => {
    for (const paragraph of document.querySelectorAll('[data-paragraph]')) {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`not in the text: ${words}`);
  }, quote);
}

/** The bar is in sight: inside the viewport, at its bottom. */
async function expectBarInSight(page: Page) {
  const box = await page.getByTestId('review-bar').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(IPHONE.viewport.height + 1);
  expect(box!.y).toBeGreaterThan(IPHONE.viewport.height / 2);
}

test('a reviewer reviews on a phone with a 批注; the editor answers; notifications both ways', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const editorUser = await createUser(['EDITOR'], '张红波');
  const reviewerUser = await createUser(['REVIEWER'], '李金涛');
  const paragraphs = [
    `市科协${stamp}召开年度工作会议，总结上一年度工作，部署今年重点任务，要求各单位服务科技工作者，服务创新发展。`,
    '会议强调，要加强学会能力建设，推动科普工作高质量发展，为建设国际科技创新中心贡献力量。',
  ];
  const item = await createItem(editorUser, { title: `年度工作会议${stamp}`, sources: ['北京土壤学会'], paragraphs, status: 'READY' });
  const editor = await openAs(browser, editorUser, IPHONE);
  const issueId = await createIssueThroughUi(editor);
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: false });
  try {
    await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [item.id] });
    await editor.goto(`/issues/${issueId}`);
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

    // Reviewer: lands on 待办 with the issue waiting, told by a notification.
    const reviewer = await openAs(browser, reviewerUser, IPHONE);
    await expect(reviewer).toHaveURL(/\/$/);
    await expect(reviewer.getByTestId('unread-count')).toBeVisible();
    const queue = reviewer.getByTestId('todo-review-queue');
    await shot(reviewer, 'todo-reviewer-iphone');
    // Other specs' issues may be waiting too: this one's entry.
    await queue.locator(`a[href="/review/${issueId}"]`).click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));

    // The reading view: masthead numbers, the item in print order, no sideways scroll, the bar in sight.
    const view = reviewer.getByTestId('issue-web-view');
    await expect(view).toContainText('科协每周动态');
    await expect(view).toContainText(/第\d+期/);
    await expect(view).toContainText(paragraphs[1]!);
    await expect(view).toContainText('（北京土壤学会）');
    expect(await findPhoneLayoutProblems(reviewer, 'reading view')).toEqual([]);
    await expectBarInSight(reviewer);
    await shot(reviewer, 'reading-view-iphone');
    await reviewer.getByTestId('review-bar').scrollIntoViewIfNeeded();
    await reviewer.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expectBarInSight(reviewer);

    // A 批注 on words of the first paragraph: shown below that paragraph.
    await selectText(reviewer, '服务科技工作者');
    await reviewer.getByTestId('review-bar').getByRole('button', { name: '批注' }).click();
    await expect(reviewer.getByText('批注所选文字：「服务科技工作者」')).toBeVisible();
    await reviewer.getByPlaceholder('批注内容').fill('请写明具体举措。');
    await shot(reviewer, 'annotate-bar-iphone');
    await reviewer.getByRole('button', { name: '提交批注' }).click();
    const thread = reviewer.getByTestId('annotation').filter({ hasText: '请写明具体举措。' });
    await expect(thread).toBeVisible();
    // Below the first paragraph, above the second.
    const [threadBox, secondBox] = [await thread.boundingBox(), await reviewer.locator('[data-paragraph="1"]').boundingBox()];
    expect(threadBox!.y).toBeLessThan(secondBox!.y);
    expect(await findPhoneLayoutProblems(reviewer, 'reading view with 批注')).toEqual([]);
    await thread.scrollIntoViewIfNeeded();
    await shot(reviewer, 'annotation-iphone');
    await expectNoSeriousViolations(reviewer);

    // 退回修改 from the bar, with the comment the editor is sent.
    await reviewer.getByTestId('review-bar').getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByLabel('退回意见（必填）').fill('请按批注补充举措后再送审。');
    await reviewer.getByRole('button', { name: '确认退回' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已退回');
    await expect(reviewer.getByTestId('review-bar')).toHaveCount(0);

    // Editor: the unread count, the list, opening one marks it read (and it stays read on reload).
    await editor.goto('/');
    await expect(editor.getByTestId('unread-count')).toHaveText('2');
    await expect(editor.getByTestId('todo-returned')).toContainText('请按批注补充举措后再送审。');
    await expect(editor.getByTestId('todo-annotations')).toContainText('1 条批注');
    await shot(editor, 'todo-editor-iphone');
    await editor.getByTestId('notification-bell').click();
    const returnedNote = editor.getByTestId('notification-list').getByRole('link', { name: /已退回修改：请按批注补充举措后再送审。/ });
    await expect(returnedNote).toBeVisible();
    await shot(editor, 'notifications-iphone');
    await returnedNote.click();
    await expect(editor).toHaveURL(new RegExp(`/issues/${issueId}$`));
    await expect(editor.getByTestId('unread-count')).toHaveText('1');
    await editor.reload();
    await expect(editor.getByTestId('unread-count')).toHaveText('1');

    // Answers and resolves the 批注 on the issue page, then submits again.
    const card = editor.getByTestId('issue-annotations');
    await expect(card).toContainText('1 条未解决');
    await card.getByLabel('回复批注').fill('已补充三项具体举措。');
    await card.getByRole('button', { name: '回复' }).click();
    await expect(card.getByTestId('annotation')).toContainText('已补充三项具体举措。');
    await card.getByRole('button', { name: '已解决' }).click();
    await expect(card.getByTestId('annotation')).toHaveAttribute('data-resolved', 'true');
    expect(await findPhoneLayoutProblems(editor, 'issue page')).toEqual([]);
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

    // Reviewer: told of the reply, the resolution and the new submission; approves from the bar.
    await reviewer.goto('/notifications');
    const list = reviewer.getByTestId('notification-list');
    await expect(list).toContainText('批注有回复');
    await expect(list).toContainText('批注已解决');
    await list.getByRole('link', { name: /已提交审核/ }).first().click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));
    await expect(reviewer.getByTestId('annotation')).toHaveAttribute('data-resolved', 'true');
    await expectBarInSight(reviewer);
    await reviewer.getByTestId('review-bar').getByRole('button', { name: '审核通过' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');

    // The editor is told it can be published.
    await editor.goto('/notifications');
    await expect(editor.getByTestId('notification-list')).toContainText('已审核通过，可以发布');
    await reviewer.context().close();

    // The same pages on a desktop, for the record.
    const desk = await openAs(browser, reviewerUser);
    await shot(desk, 'todo-reviewer-desktop');
    await desk.goto(`/review/${issueId}`);
    await shot(desk, 'reading-view-desktop');
    await desk.context().close();
  } finally {
    await editor.context().close();
    await removeIssue(issueId);
  }
});

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
