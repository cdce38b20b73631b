// Issue 15's "Done when", as one journey on an iPhone 13: the reviewer lands on 待办, reads the
// issue without scrolling sideways, makes two 修订 (an insertion and a deletion, typed the way a
// phone delivers text) and one 批注, downloads the draft DOCX (the 修订 are Word revisions) and
// returns the issue from the bar; the editor is told, accepts one 修订, rejects the other,
// answers and resolves the 批注 and resubmits; the reviewer is told, sees what changed since the
// return and approves; the editor is told it can be published.
import { readFileSync } from 'node:fs';
import { devices, expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectNoSeriousViolations } from './fixtures/axe';
import { createItem, createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved } from './fixtures/editor';
import { createIssueThroughUi, openAs, removeIssue, runAction } from './fixtures/issues';
import { findPhoneLayoutProblems } from './fixtures/phone-layout';
import { selectText, tapAfter, typeWithIme } from './fixtures/phone-input';

const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
const IPHONE = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };

const FIRST = '市科协召开年度工作会议，总结上一年度工作，部署今年重点任务，要求各单位服务科技工作者，服务创新发展。';
const SECOND = '会议强调，要加强学会能力建设，推动科普工作高质量发展，为建设国际科技创新中心贡献力量。';
const INSERTED = '隆重的';
const DELETED = '，部署今年重点任务';
const QUOTE = '服务科技工作者';

/** The bar is in sight: inside the viewport, at its bottom. */
async function expectBarInSight(page: Page) {
  const box = await page.getByTestId('review-bar').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(IPHONE.viewport.height + 1);
  expect(box!.y).toBeGreaterThan(IPHONE.viewport.height / 2);
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  expect(await findPhoneLayoutProblems(page, label)).toEqual([]);
}

test('on a phone, a reviewer returns an issue with two 修订 and a 批注; the editor decides them; the reviewer sees what changed and approves', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const editorUser = await createUser(['EDITOR'], '张红波');
  const reviewerUser = await createUser(['REVIEWER'], '李金涛');
  const item = await createItem(editorUser, { title: `年度工作会议${stamp}`, sources: ['北京土壤学会'], paragraphs: [FIRST, SECOND], status: 'READY' });
  const original = `${FIRST}\n\n${SECOND}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const editor = await openAs(browser, editorUser, IPHONE);
  const issueId = await createIssueThroughUi(editor);
  try {
    await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [item.id] });
    await editor.goto(`/issues/${issueId}`);
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

    // Reviewer: lands on 待办 with the issue waiting, told by a notification.
    const reviewer = await openAs(browser, reviewerUser, IPHONE);
    await expect(reviewer).toHaveURL(/\/$/);
    await expect(reviewer.getByTestId('unread-count')).toHaveText('1');
    await expectNoSidewaysScroll(reviewer, '待办');
    await shot(reviewer, '01-todo-reviewer');
    // Other specs' issues may be waiting too: this one's entry.
    await reviewer.getByTestId('todo-review-queue').locator(`a[href="/review/${issueId}"]`).click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));

    // The reading view: masthead numbers, the item in print order, no sideways scroll, the bar in sight.
    const view = reviewer.getByTestId('issue-web-view');
    await expect(view).toContainText('科协每周动态');
    await expect(view).toContainText(/第\d+期/);
    await expect(view).toContainText(SECOND);
    await expect(view).toContainText('（北京土壤学会）');
    await expectNoSidewaysScroll(reviewer, 'reading view');
    await expectBarInSight(reviewer);
    await shot(reviewer, '02-reading-view');
    await reviewer.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expectBarInSight(reviewer);

    // 修订 on the item, from the issue page's list of items.
    await reviewer.getByRole('link', { name: '编排页面' }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/issues/${issueId}$`));
    await reviewer.getByRole('link', { name: item.title }).first().click();
    await expect(reviewer).toHaveURL(new RegExp(`/items/${item.id}$`));
    const panel = reviewer.getByTestId('suggestions');
    await panel.getByRole('button', { name: '修订模式：关' }).click();
    await expect(panel.getByRole('button', { name: '修订模式：开' })).toHaveAttribute('aria-pressed', 'true');
    const body = bodyEditor(reviewer);
    // A tap after 市科协召开, the pinyin through the IME; a finger's selection, the delete key.
    await tapAfter(reviewer, body, '市科协召开');
    await typeWithIme(reviewer, 'longzhongde', INSERTED);
    await selectText(body, DELETED);
    await reviewer.keyboard.press('Backspace');
    await expect(body.locator('ins')).toHaveText(INSERTED);
    await expect(body.locator('del')).toHaveText(DELETED);
    // The text stays whole: the deletion is only struck through.
    await expect(body.locator('p').first()).toHaveText(FIRST.replace('召开', `召开${INSERTED}`));
    await expect(panel.getByTestId('suggestion')).toHaveCount(2);
    await expectSaved(reviewer);
    await expectNoSidewaysScroll(reviewer, 'item in 修订');
    await body.locator('ins').scrollIntoViewIfNeeded();
    await shot(reviewer, '03-suggestions-reviewer');
    // Stored as suggestions: the item's text (what prints) is unchanged until they are decided.
    expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe(original);
    // The item's author (and every editor) is told, never the reviewer who suggested.
    const told = await getDb().notification.findMany({ where: { kind: 'SUGGESTION_ADDED', href: `/items/${item.id}` } });
    expect(told.map((notice) => notice.userId)).toContain(editorUser.id);
    expect(told.map((notice) => notice.userId)).not.toContain(reviewerUser.id);

    // The draft DOCX, downloaded from the issue page before anything is accepted: both 修订 are
    // Word revisions with the reviewer's name and the time.
    await reviewer.goto(`/issues/${issueId}`);
    await expect(reviewer.getByTestId('open-suggestions')).toContainText(item.title);
    const [download] = await Promise.all([
      reviewer.waitForEvent('download'),
      reviewer.getByRole('button', { name: '下载 DOCX 样稿（含修订）' }).click(),
    ]);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(await download.path())))['word/document.xml']!);
    const insertion = /<w:ins [^>]*>(?:(?!<\/w:ins>).)*<\/w:ins>/.exec(xml)?.[0] ?? '';
    const deletion = /<w:del [^>]*>(?:(?!<\/w:del>).)*<\/w:del>/.exec(xml)?.[0] ?? '';
    for (const revision of [insertion, deletion]) {
      expect(revision).toContain(`w:author="${reviewerUser.displayName}"`);
      expect(revision).toMatch(/w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    }
    expect(insertion).toContain(INSERTED);
    expect(deletion).toContain(`<w:delText xml:space="preserve">${DELETED}</w:delText>`);

    // Back in the reading view (it shows the text as it prints, without the open 修订): a 批注
    // on words of the first paragraph, shown below that paragraph.
    await reviewer.getByRole('link', { name: '阅读审阅' }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));
    await expect(view).toContainText(FIRST);
    await expect(view).not.toContainText(INSERTED);
    await selectText(view, QUOTE);
    await reviewer.getByTestId('review-bar').getByRole('button', { name: '批注' }).click();
    await expect(reviewer.getByText(`批注所选文字：「${QUOTE}」`)).toBeVisible();
    await reviewer.getByPlaceholder('批注内容').fill('请写明具体举措。');
    await shot(reviewer, '04-annotate-bar');
    await reviewer.getByRole('button', { name: '提交批注' }).click();
    const thread = reviewer.getByTestId('annotation').filter({ hasText: '请写明具体举措。' });
    await expect(thread).toBeVisible();
    const [threadBox, secondBox] = [await thread.boundingBox(), await reviewer.locator('[data-paragraph="1"]').boundingBox()];
    expect(threadBox!.y).toBeLessThan(secondBox!.y);
    await expectNoSidewaysScroll(reviewer, 'reading view with 批注');
    await thread.scrollIntoViewIfNeeded();
    await shot(reviewer, '05-annotation');
    await expectNoSeriousViolations(reviewer);

    // Approval is refused while the 修订 are open, naming the item; 退回修改 from the bar.
    const bar = reviewer.getByTestId('review-bar');
    await bar.getByRole('button', { name: '审核通过' }).click();
    await expect(reviewer.getByRole('alert').filter({ hasText: '以下稿件还有未处理的修订' })).toContainText(`《${item.title}》`);
    await expect(reviewer.getByTestId('issue-status')).toHaveText('待审核');
    await bar.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByLabel('退回意见（必填）').fill('请处理修订，并按批注补充举措后再送审。');
    await reviewer.getByRole('button', { name: '确认退回' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已退回');
    await expect(reviewer.getByTestId('review-bar')).toHaveCount(0);

    // Editor: three unread (修订, 批注, the return); 待办 lists what awaits them.
    await editor.goto('/');
    await expect(editor.getByTestId('unread-count')).toHaveText('3');
    await expect(editor.getByTestId('todo-returned')).toContainText('请处理修订，并按批注补充举措后再送审。');
    await expect(editor.getByTestId('todo-suggestions').locator('li').filter({ hasText: item.title })).toContainText('2 处修订');
    await expect(editor.getByTestId('todo-annotations')).toContainText('1 条批注');
    await expectNoSidewaysScroll(editor, '待办 of the editor');
    await shot(editor, '06-todo-editor');
    await editor.getByTestId('notification-bell').click();
    const notifications = editor.getByTestId('notification-list');
    await expect(notifications.getByRole('link', { name: /已退回修改：请处理修订/ })).toBeVisible();
    await shot(editor, '07-notifications');
    // The 修订 notice leads to the item; opening it marks it read, and it stays read.
    await notifications.getByRole('link', { name: `${reviewerUser.displayName}对《${item.title}》提出了修订` }).click();
    await expect(editor).toHaveURL(new RegExp(`/items/${item.id}$`));
    await expect(editor.getByTestId('unread-count')).toHaveText('2');
    await editor.reload();
    await expect(editor.getByTestId('unread-count')).toHaveText('2');

    // Accepts the insertion, rejects the deletion.
    const editorPanel = editor.getByTestId('suggestions');
    await expect(editorPanel.getByTestId('suggestion')).toHaveCount(2);
    await expect(editorPanel.getByTestId('suggestion').first()).toContainText(reviewerUser.displayName);
    await expectNoSidewaysScroll(editor, 'item with 修订 to decide');
    await editorPanel.scrollIntoViewIfNeeded();
    await shot(editor, '08-suggestions-editor');
    await editorPanel.getByRole('button', { name: `接受插入“${INSERTED}”` }).click();
    await expect(editorPanel.getByTestId('suggestion')).toHaveCount(1);
    await editorPanel.getByRole('button', { name: `拒绝删除“${DELETED}”` }).click();
    await expect(editorPanel.getByTestId('suggestion')).toHaveCount(0);
    const decidedFirst = FIRST.replace('召开', `召开${INSERTED}`);
    await expect(bodyEditor(editor).locator('p').first()).toHaveText(decidedFirst);
    await expect(bodyEditor(editor).locator('ins, del')).toHaveCount(0);
    await expectSaved(editor);
    expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe(`${decidedFirst}\n\n${SECOND}`);

    // Answers and resolves the 批注 on the issue page, then submits again.
    await editor.goto(`/issues/${issueId}`);
    await expect(editor.getByTestId('open-suggestions')).toHaveCount(0);
    const card = editor.getByTestId('issue-annotations');
    await expect(card).toContainText('1 条未解决');
    await card.getByLabel('回复批注').fill('已补充三项具体举措。');
    await card.getByRole('button', { name: '回复' }).click();
    await expect(card.getByTestId('annotation')).toContainText('已补充三项具体举措。');
    await card.getByRole('button', { name: '已解决' }).click();
    await expect(card.getByTestId('annotation')).toHaveAttribute('data-resolved', 'true');
    await expectNoSidewaysScroll(editor, 'issue page');
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

    // Reviewer: told of the reply, the resolution and the new submission.
    await reviewer.goto('/notifications');
    const list = reviewer.getByTestId('notification-list');
    await expect(list).toContainText('批注有回复');
    await expect(list).toContainText('批注已解决');
    await shot(reviewer, '09-notifications-reviewer');
    await list.getByRole('link', { name: /已提交审核/ }).first().click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));
    await expect(reviewer.getByTestId('annotation')).toHaveAttribute('data-resolved', 'true');
    await expect(view).toContainText(decidedFirst);

    // What changed since the return: the item, with the accepted insertion.
    await reviewer.getByRole('link', { name: '编排页面' }).click();
    const changes = reviewer.getByTestId('changes-since-return');
    await expect(changes.getByTestId('changed-item')).toHaveCount(1);
    await expect(changes.getByRole('link', { name: item.title })).toBeVisible();
    await expect(changes.getByTestId('text-diff').locator('ins')).toHaveText(INSERTED);
    await expect(changes.getByTestId('text-diff').locator('del')).toHaveCount(0);
    await expectNoSidewaysScroll(reviewer, 'changes since the return');
    await changes.scrollIntoViewIfNeeded();
    await shot(reviewer, '10-changes-since-return');

    // Approves from the bar of the reading view (the issue page has that bar too on a phone: the
    // URL tells the pages apart).
    await reviewer.getByRole('link', { name: '阅读审阅' }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));
    await expectBarInSight(reviewer);
    await reviewer.getByTestId('review-bar').getByRole('button', { name: '审核通过' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');
    await shot(reviewer, '11-approved');

    // The editor is told it can be published.
    await editor.goto('/notifications');
    await expect(editor.getByTestId('notification-list')).toContainText('已审核通过，可以发布');
    await reviewer.context().close();

    // The reviewer's pages on a desktop, for the record.
    const desk = await openAs(browser, reviewerUser);
    await shot(desk, '12-todo-reviewer-desktop');
    await desk.goto(`/review/${issueId}`);
    await shot(desk, '13-reading-view-desktop');
    await desk.context().close();
  } finally {
    await editor.context().close();
    await removeIssue(issueId);
  }
});
