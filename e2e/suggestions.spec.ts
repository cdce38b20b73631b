// 修订 (issue 15 items 3 and 5) on a desktop: a reviewer makes an insertion and a deletion as
// suggestions in an item of an issue in review; approval is refused while they are open; the
// draft DOCX carries them as w:ins/w:del; the reviewer returns the issue; the editor (notified)
// accepts one and rejects the other and resubmits; the reviewer sees what changed since the
// return and approves. The same on the iPhone 13 profile, typed as a phone does, with the 批注
// and the notifications, is e2e/review-journey-phone.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { createItem, createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved } from './fixtures/editor';
import { createIssueThroughUi, openAs as open, removeIssue, runAction } from './fixtures/issues';
import { selectText } from './fixtures/phone-input';

const TEXT = '市科协召开年度工作会议，会议总结了全年工作。';
const DELETED = '，会议总结了全年工作';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("a reviewer's 修订 are decided by the editor, block approval until then, and reach the draft DOCX", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const editorUser = await createUser(['EDITOR'], '张红波');
  const reviewerUser = await createUser(['REVIEWER'], `审核${stamp}`);
  const item = await createItem(editorUser, { title: `年度工作会议${stamp}`, paragraphs: [TEXT], status: 'READY' });

  const editor = await open(browser, editorUser);
  const issueId = await createIssueThroughUi(editor);
  try {
    await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [item.id] });
    await runAction(editor, 'submitIssueAction', { id: issueId });

    // Reviewer: 修订 on, one insertion and one deletion.
    const reviewer = await open(browser, reviewerUser);
    await reviewer.goto(`/items/${item.id}`);
    const panel = reviewer.getByTestId('suggestions');
    await panel.getByRole('button', { name: '修订模式：关' }).click();
    await expect(panel.getByRole('button', { name: '修订模式：开' })).toHaveAttribute('aria-pressed', 'true');
    const body = bodyEditor(reviewer);
    // Typed after a click and arrow keys; the words to delete selected (as with the mouse), then
    // Backspace. (Not Shift+arrows: ProseMirror reads the selection on selectionchange, which a
    // busy machine may deliver after the next key, and Backspace then deletes the selection it
    // knew before.)
    await body.click();
    await reviewer.keyboard.press('Control+Home');
    for (let i = 0; i < '市科协召开'.length; i++) await reviewer.keyboard.press('ArrowRight');
    await reviewer.keyboard.type('隆重的');
    await selectText(body, DELETED);
    await reviewer.keyboard.press('Backspace');
    await expect(body.locator('ins')).toHaveText('隆重的');
    await expect(body.locator('del')).toHaveText(DELETED);
    // The text stays whole: the deletion is only struck through.
    await expect(body).toHaveText(`市科协召开隆重的年度工作会议${DELETED}。`);
    await expect(panel.getByTestId('suggestion')).toHaveCount(2);
    await expectSaved(reviewer);
    await shot(reviewer, 'reviewer-suggestions');

    const stored = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.bodyText).toBe(TEXT);
    const notices = await getDb().notification.findMany({ where: { kind: 'SUGGESTION_ADDED', href: `/items/${item.id}` } });
    // The item's author and every editor (the demo's too), never the reviewer who suggested.
    expect(notices.map((n) => n.userId)).toContain(editorUser.id);
    expect(notices.map((n) => n.userId)).not.toContain(reviewerUser.id);

    // The draft DOCX holds both as Word revisions with the reviewer's name.
    const docx = await reviewer.request.get(`/api/issues/${issueId}/export/docx`);
    expect(docx.status()).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!);
    const insertion = /<w:ins [^>]*>(?:(?!<\/w:ins>).)*<\/w:ins>/.exec(xml)?.[0] ?? '';
    const deletion = /<w:del [^>]*>(?:(?!<\/w:del>).)*<\/w:del>/.exec(xml)?.[0] ?? '';
    expect(insertion).toContain(`w:author="${reviewerUser.displayName}"`);
    expect(insertion).toMatch(/w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    expect(insertion).toContain('隆重的');
    expect(deletion).toContain(`w:author="${reviewerUser.displayName}"`);
    expect(deletion).toContain(`<w:delText xml:space="preserve">${DELETED}</w:delText>`);
    // The PDF never shows an open suggestion.
    await reviewer.goto(`/issues/${issueId}`);
    await expect(reviewer.getByRole('button', { name: '下载 DOCX 样稿（含修订）' })).toBeVisible();
    await expect(reviewer.getByTestId('open-suggestions')).toContainText(item.title);

    // Approval is refused while they are open, naming the item.
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await expect(reviewer.getByRole('alert').filter({ hasText: '以下稿件还有未处理的修订' })).toContainText(`《${item.title}》`);
    await expect(reviewer.getByTestId('issue-status')).toHaveText('待审核');
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByLabel('退回意见（必填）').fill('请处理修订。');
    await reviewer.getByRole('button', { name: '确认退回' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已退回');

    // Editor: accepts the insertion, rejects the deletion.
    await editor.goto(`/items/${item.id}`);
    const editorPanel = editor.getByTestId('suggestions');
    await expect(editorPanel.getByTestId('suggestion')).toHaveCount(2);
    await expect(editorPanel.getByTestId('suggestion').first()).toContainText(reviewerUser.displayName);
    await shot(editor, 'editor-suggestions');
    await editorPanel.getByRole('button', { name: '接受插入“隆重的”' }).click();
    await expect(editorPanel.getByTestId('suggestion')).toHaveCount(1);
    await editorPanel.getByRole('button', { name: `拒绝删除“${DELETED}”` }).click();
    await expect(editorPanel.getByTestId('suggestion')).toHaveCount(0);
    const decided = `市科协召开隆重的年度工作会议${DELETED}。`;
    await expect(bodyEditor(editor)).toHaveText(decided);
    await expect(bodyEditor(editor).locator('ins, del')).toHaveCount(0);
    await expectSaved(editor);
    expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe(decided);

    await editor.goto(`/issues/${issueId}`);
    await expect(editor.getByTestId('open-suggestions')).toHaveCount(0);
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

    // Reviewer: what changed since the return, then approval.
    await reviewer.goto(`/issues/${issueId}`);
    const changes = reviewer.getByTestId('changes-since-return');
    await expect(changes.getByTestId('changed-item')).toHaveCount(1);
    await expect(changes.getByRole('link', { name: item.title })).toBeVisible();
    await expect(changes.getByTestId('text-diff').locator('ins')).toHaveText('隆重的');
    await shot(reviewer, 'changes-since-return');
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');
  } finally {
    await removeIssue(issueId);
  }
});
