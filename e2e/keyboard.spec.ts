// Keyboard and screen-reader use: the skip link, focus after 上移/下移 and in the return form,
// and the assembly board's drag announcements in Chinese.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { createItem, createUser } from './fixtures/data';
import { createIssueThroughUi, createSubmittedIssue, openAs, removeIssue } from './fixtures/issues';

test('跳到正文 comes first in the tab order, shows when focused and moves the focus to the page', async ({ browser }) => {
  const page = await openAs(browser, await createUser(['EDITOR']));
  await page.goto('/items');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const box = (await skip.boundingBox())!;
  expect(box.width).toBeGreaterThan(40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab goes to the page's own first control, not back into the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('assembly board: focus stays on the moved item, moves and drags are announced in Chinese', async ({ browser }) => {
  test.setTimeout(120_000);
  const editorUser = await createUser(['EDITOR']);
  const stamp = Date.now() % 100000;
  const titles = [`键盘甲${stamp}`, `键盘乙${stamp}`, `键盘丙${stamp}`];
  const items = [];
  for (const title of titles) items.push(await createItem(editorUser, { title, status: 'READY' }));
  const editor = await openAs(browser, editorUser);
  const issueId = await createIssueThroughUi(editor);
  try {
    for (const item of items) await editor.getByRole('checkbox', { name: item.title }).check();
    await editor.getByRole('button', { name: '加入本期' }).click();
    const section = editor.getByRole('region', { name: '学会动态' });
    const order = section.locator('li [data-title]');
    const announcement = section.locator('[data-testid^="board-announcement-"]');
    await expect(order).toHaveText(titles);
    const [a, b, c] = titles as [string, string, string];

    // 下移 by keyboard: the focus stays on the moved item's button, and the new place is said.
    await editor.getByRole('button', { name: `下移：${a}` }).focus();
    await editor.keyboard.press('Enter');
    await expect(order).toHaveText([b, a, c]);
    await expect(editor.getByRole('button', { name: `下移：${a}` })).toBeFocused();
    await expect(announcement).toHaveText(`“${a}”已下移到第 2 位。`);
    await expect(section).toHaveAttribute('aria-busy', 'false');
    // Once more: now last, its 下移 is disabled and the focus goes to its 上移.
    await editor.keyboard.press('Enter');
    await expect(order).toHaveText([b, c, a]);
    await expect(editor.getByRole('button', { name: `上移：${a}` })).toBeFocused();
    await expect(announcement).toHaveText(`“${a}”已下移到第 3 位。`);
    await expect(section).toHaveAttribute('aria-busy', 'false');
    // 上移 keeps it too.
    await editor.keyboard.press('Enter');
    await expect(order).toHaveText([b, a, c]);
    await expect(editor.getByRole('button', { name: `上移：${a}` })).toBeFocused();
    await expect(section).toHaveAttribute('aria-busy', 'false');

    // Drag with the keyboard: dnd-kit's live region speaks Chinese and names the items.
    const handle = editor.getByRole('button', { name: `拖动排序：${c}` });
    const instructionsId = await handle.getAttribute('aria-describedby');
    await expect(editor.locator(`[id="${instructionsId}"]`)).toHaveText(/按空格键拿起稿件/);
    const liveRegions = editor.locator('[id^="DndLiveRegion"]');
    await handle.focus();
    await editor.keyboard.press('Space');
    await expect(liveRegions).toContainText([`已拿起“${c}”，现在第 3 位，共 3 篇。`]);
    await editor.keyboard.press('ArrowUp');
    await expect(liveRegions).toContainText([`“${c}”移到第 2 位。`]);
    await editor.keyboard.press('Space');
    await expect(liveRegions).toContainText([`已放下“${c}”，现在第 2 位。`]);
    await expect(order).toHaveText([b, c, a]);
    await expect(section).toHaveAttribute('aria-busy', 'false');
    await expect(liveRegions).not.toContainText([/Draggable|droppable/]);
    await editor.reload();
    await expect(order).toHaveText([b, c, a]);
    await expectNoSeriousViolations(editor, 'assembly board with items');
  } finally {
    await removeIssue(issueId);
  }
});

test('退回修改 takes the focus into the form, and a refused return puts it on the comment', async ({ browser }) => {
  test.setTimeout(120_000);
  const editorUser = await createUser(['EDITOR']);
  const reviewerUser = await createUser(['REVIEWER']);
  const item = await createItem(editorUser, { title: `退回焦点${Date.now() % 100000}`, status: 'READY' });
  const editor = await openAs(browser, editorUser);
  const issueId = await createSubmittedIssue(editor, [item.id]);
  try {
    const reviewer = await openAs(browser, reviewerUser);
    await reviewer.goto(`/issues/${issueId}`);
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    const comment = reviewer.getByLabel('退回意见（必填）');
    await expect(comment).toBeFocused();
    // Refused without a comment: the message is tied to the field and the focus goes back to it.
    await reviewer.getByRole('button', { name: '确认退回' }).click();
    await expect(reviewer.locator('#return-comment-error')).toHaveText('退回时须填写意见');
    await expect(comment).toHaveAttribute('aria-invalid', 'true');
    await expect(comment).toBeFocused();
    await expectNoSeriousViolations(reviewer, 'return form refused');
    await reviewer.keyboard.type('请补充来源。');
    await reviewer.getByRole('button', { name: '确认退回' }).click();
    await expect(reviewer.getByTestId('issue-status')).toHaveText('已退回');
  } finally {
    await removeIssue(issueId);
  }
});
