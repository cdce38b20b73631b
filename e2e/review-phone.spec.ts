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
