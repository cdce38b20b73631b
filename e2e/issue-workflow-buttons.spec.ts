// The issue page's 操作 card offers exactly what the workflow table (lib/issues/workflow.ts)
// allows the viewer in the issue's state — editor and reviewer, through 编排中, 待审核 and
// 已通过 — on a desktop and on a phone.
import { devices, expect, test, type Page } from '@playwright/test';
import { createItem, createUser } from './fixtures/data';
import { createIssueThroughUi, openAs, removeIssue, runAction } from './fixtures/issues';

const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];
void _webkit;

const BUTTONS = ['提交审核', '审核通过', '退回修改', '解除锁定', '发布', '改期', '删除本期'] as const;

/** The buttons of the list above that the page shows, in that order. */
async function shownButtons(page: Page, issueId: number): Promise<string[]> {
  await page.goto(`/issues/${issueId}`);
  await expect(page.getByTestId('issue-status')).toBeVisible();
  const shown: string[] = [];
  for (const name of BUTTONS) if (await page.getByRole('button', { name, exact: true }).isVisible()) shown.push(name);
  return shown;
}

for (const [device, options] of [['desktop', {}], ['iPhone 13', IPHONE_13]] as const) {
  test(`the 操作 card shows what the workflow allows each role in each state (${device})`, async ({ browser }, testInfo) => {
    // Two signed-in users and three states, each page read twice: a long journey on 2 shared cores.
    test.setTimeout(120_000);
    const [editorUser, reviewerUser] = [await createUser(['EDITOR']), await createUser(['REVIEWER'])];
    const item = await createItem(editorUser, { title: `流程按钮${Date.now() % 100000}`, status: 'READY' });
    const editor = await openAs(browser, editorUser, options);
    const reviewer = await openAs(browser, reviewerUser, options);
    const issueId = await createIssueThroughUi(editor);
    try {
      await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [item.id] });
      expect(await shownButtons(editor, issueId)).toEqual(['提交审核', '改期', '删除本期']);
      expect(await shownButtons(reviewer, issueId)).toEqual([]);

      await runAction(editor, 'submitIssueAction', { id: issueId });
      expect(await shownButtons(editor, issueId)).toEqual([]);
      expect(await shownButtons(reviewer, issueId)).toEqual(['审核通过', '退回修改']);
      await reviewer.screenshot({ path: testInfo.outputPath(`reviewer-in-review-${device}.png`), fullPage: true });

      await runAction(reviewer, 'approveIssueAction', { id: issueId });
      expect(await shownButtons(editor, issueId)).toEqual(['解除锁定', '发布']);
      await editor.screenshot({ path: testInfo.outputPath(`editor-approved-${device}.png`), fullPage: true });
      expect(await shownButtons(reviewer, issueId)).toEqual(['解除锁定']);

      // What the card does not offer, the server refuses too (the same table).
      const refused = await reviewer.request.post('/api/actions/publishIssueAction', { data: { id: issueId } });
      expect(refused.status()).toBe(403);
      const stale = await editor.request.post('/api/actions/submitIssueAction', { data: { id: issueId } });
      expect(stale.status()).toBe(423);
      expect((await stale.json()) as { message: string }).toMatchObject({ message: '该期已不在编排中，不能再提交审核。' });
    } finally {
      await editor.context().close();
      await reviewer.context().close();
      await removeIssue(issueId);
    }
  });
}
