// 校对: findings marked in the editor as one types, fixed with one click, ignored at their
// place (and still ignored after a reload); pasted text checked at once; the admin's glossary;
// the issue page counting what is still open, for the editor and the reviewer.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createItem, createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved, paste } from './fixtures/editor';
import { createIssueThroughUi, openAs, removeIssue } from './fixtures/issues';

// Journeys across several pages and browsers; the shared test machine is slow at times.
test.describe.configure({ timeout: 120_000 });

function marks(page: Page, rule: string) {
  return bodyEditor(page).locator(`.proofread-mark[data-rule="${rule}"]`);
}

test('an error typed in the editor is marked, listed and fixed with one click; an ignored one stays ignored', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: `校对测试${Date.now() % 100000}`, paragraphs: ['原有段落。'] });
  await loginAndWait(page, editor);
  await page.goto(`/items/${item.id}`);
  const panel = page.getByTestId('proofread-panel');
  await expect(page.getByTestId('proofread-count')).toHaveText('未发现问题');

  await bodyEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('会议于昨日召开,沈洁主持的的会议。');
  await expect(marks(page, 'halfwidth-punctuation')).toHaveText(',');
  await expect(marks(page, 'repeated-word')).toHaveText('的的');
  await expect(page.getByTestId('proofread-count')).toHaveText('2 处待处理');

  await panel.getByRole('button', { name: '修正：中文中应使用全角标点“，”，不用半角“,”' }).click();
  await expect(bodyEditor(page)).toHaveText('原有段落。会议于昨日召开，沈洁主持的的会议。');
  await expect(marks(page, 'halfwidth-punctuation')).toHaveCount(0);

  await panel.getByRole('button', { name: '忽略：“的的”重复，应删去一个“的”' }).click();
  await expect(marks(page, 'repeated-word')).toHaveCount(0);
  await expect(page.getByTestId('proofread-count')).toHaveText('未发现问题');
  await expectSaved(page);
  expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe('原有段落。会议于昨日召开，沈洁主持的的会议。');

  await page.reload();
  await expect(bodyEditor(page)).toHaveText('原有段落。会议于昨日召开，沈洁主持的的会议。');
  await expect(page.getByTestId('proofread-count')).toHaveText('未发现问题');

  // Pasted text is checked too: a PDF copy with its spaces.
  await page.keyboard.press('End');
  await paste(page, { text: '8 月 9 日，市科协召开会议。\n会议要求抓好落实。' });
  await expect(marks(page, 'space-in-chinese')).toHaveCount(3);
  await panel.getByRole('button', { name: '修正：中文与数字之间不应有空格' }).first().click();
  await expect(marks(page, 'space-in-chinese')).toHaveCount(2);
  await expect(bodyEditor(page).locator('p').filter({ hasText: '日，市科协召开会议。' })).toHaveText('8月 9 日，市科协召开会议。');
});

async function postJson(request: APIRequestContext, name: string, data: unknown) {
  return request.post(`/api/actions/${name}`, { data, headers: { 'content-type': 'application/json' } });
}

test('the admin keeps the glossary; the editor sees a near miss of a title; others cannot change it', async ({ browser }) => {
  const admin = await createUser(['ADMIN']);
  const editor = await createUser(['EDITOR']);
  const name = `沈${String.fromCharCode(0x4e00 + (Date.now() % 5000))}`;
  const adminPage = await (await browser.newContext()).newPage();
  await loginAndWait(adminPage, admin);
  await adminPage.goto('/admin/glossary');
  await adminPage.getByLabel('姓名').fill(name);
  await adminPage.getByRole('button', { name: '添加词条' }).click();
  await expect(adminPage.getByText('请输入此人的准确职务')).toBeVisible();
  await adminPage.getByLabel('职务').fill('市科协党组书记、常务副主席');
  await adminPage.getByRole('button', { name: '添加词条' }).click();
  await expect(adminPage.getByTestId('glossary-entries')).toContainText(`市科协党组书记、常务副主席${name}`);

  const editorPage = await (await browser.newContext()).newPage();
  await loginAndWait(editorPage, editor);
  const refused = await postJson(editorPage.request, 'createGlossaryEntryAction', { kind: 'AVOID', term: '内鬼词' });
  expect(refused.status()).toBe(403);
  expect(await getDb().glossaryEntry.count({ where: { term: '内鬼词' } })).toBe(0);

  const item = await createItem(editor, { title: `术语测试${Date.now() % 100000}`, paragraphs: [`市科协党组书记、常务付主席${name}出席会议。`] });
  await editorPage.goto(`/items/${item.id}`);
  await expect(marks(editorPage, 'glossary-person')).toHaveText('市科协党组书记、常务付主席');
  await editorPage.getByTestId('proofread-panel').getByRole('button', { name: `修正：${name}的职务应为“市科协党组书记、常务副主席”` }).click();
  await expect(bodyEditor(editorPage)).toHaveText(`市科协党组书记、常务副主席${name}出席会议。`);
});

test('the issue page counts the open findings of its items, for the editor and the reviewer', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const reviewerUser = await createUser(['REVIEWER']);
  const stamp = Date.now() % 100000;
  const clean = await createItem(editorUser, { title: `无误稿件${stamp}`, paragraphs: ['会议召开。'], status: 'READY' });
  const faulty = await createItem(editorUser, { title: `有误稿件${stamp}`, paragraphs: ['会议于8.9召开,各单位参加。'], status: 'READY' });

  const editor = await openAs(browser, editorUser);
  // An unpublished issue left behind would hold up every later publication.
  const issueId = await createIssueThroughUi(editor);
  try {
    const issueUrl = editor.url();
    for (const item of [clean, faulty]) await editor.getByRole('checkbox', { name: item.title }).check();
    await editor.getByRole('button', { name: '加入本期' }).click();
    await expect(editor.getByTestId(`board-item-${faulty.id}`)).toBeVisible();

    const card = editor.getByTestId('issue-proofread');
    await expect(editor.getByTestId('issue-proofread-count')).toHaveText('2 处待处理');
    await expect(editor.getByTestId('decision-proofread-count')).toHaveText('校对：2 处待处理（不影响送审）');
    await expect(card.getByTestId('issue-proofread-item')).toHaveCount(1);
    await expect(card.getByTestId('issue-proofread-item')).toContainText(`有误稿件${stamp}`);
    await expect(card.getByTestId('issue-proofread-item')).toContainText('2 处');

    // Findings do not block submission.
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

    const reviewer = await openAs(browser, reviewerUser);
    await reviewer.goto(issueUrl);
    await expect(reviewer.getByTestId('decision-proofread-count')).toHaveText('校对：2 处待处理（不影响送审）');
    await reviewer.getByTestId('issue-proofread-item').locator('summary').click();
    await expect(reviewer.getByTestId('issue-proofread-item')).toContainText('日期应写作“8月9日”');
  } finally {
    await removeIssue(issueId);
  }
});
