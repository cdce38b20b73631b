// A new item is created by its first autosave, and the address becomes /items/N. Typing goes
// on through that moment on a slow network: every character must reach the server, the editor
// must keep the focus, and nothing may be lost on the way.
import { expect, test, type Page } from '@playwright/test';
import { readFixtureIssue } from '../test/support/issue-fixture';
import { loginAndWait } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved, paste } from './fixtures/editor';

const NETWORK_DELAY_MS = 1_500;

/** Every save (a POST to the item's page) takes NETWORK_DELAY_MS to leave the browser. */
async function slowDownSaves(page: Page) {
  await page.route(/\/items\/(new|\d+)$/, async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, NETWORK_DELAY_MS));
    await route.continue();
  });
}

/** 400 characters of a real item (2023-14), without spaces or line breaks. */
function fourHundredCharacters(): string {
  const text = readFixtureIssue('2023-14.txt')
    .items.flatMap((item) => item.paragraphs)
    .join('')
    .replace(/\s/g, '');
  return [...text].slice(0, 400).join('');
}

test('400 characters typed through the creating autosave on a slow network all arrive', async ({ page }) => {
  test.setTimeout(180_000);
  const text = fourHundredCharacters();
  expect([...text]).toHaveLength(400);
  const editor = await createUser(['EDITOR']);
  await loginAndWait(page, editor);
  await page.goto('/items/new');
  await slowDownSaves(page);
  await page.getByLabel('栏目').selectOption({ label: '学会动态' });
  await page.getByLabel('标题', { exact: true }).fill('连续输入测试');
  await bodyEditor(page).click();

  const status = page.getByTestId('save-status');
  const chunks = [text.slice(0, 60), text.slice(60, 160), text.slice(160, 280), text.slice(280)];
  // 1: type, then pause until the creating save is on its way; 2: type on while it is in
  // flight; 3: type on through the moment the address changes; 4: type on through later saves.
  await page.keyboard.type(chunks[0]!, { delay: 30 });
  await expect(status).toHaveText('保存中');
  expect(page.url()).toMatch(/\/items\/new$/);
  await page.keyboard.type(chunks[1]!, { delay: 30 });
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await page.keyboard.type(chunks[2]!, { delay: 30 });
  await expect(status).toHaveText('保存中');
  await page.keyboard.type(chunks[3]!, { delay: 30 });
  await expect(bodyEditor(page)).toBeFocused();
  await expect(bodyEditor(page)).toHaveText(text);
  await expect(status).toHaveText('已保存', { timeout: 20_000 });

  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const saved = await getDb().item.findUniqueOrThrow({ where: { id } });
  expect(saved.bodyText).toBe(text);
  expect(await getDb().item.count({ where: { authorId: editor.id } })).toBe(1);

  await page.reload();
  await expect(bodyEditor(page)).toHaveText(text);
  await expect(page.getByRole('button', { name: '恢复本地内容' })).toHaveCount(0);
});

test('设为来源 clicked while the item is being created is kept', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  await loginAndWait(page, editor);
  await page.goto('/items/new');
  await slowDownSaves(page);
  await page.getByLabel('栏目').selectOption({ label: '区科协动态' });
  await page.getByLabel('标题', { exact: true }).fill('来源测试');
  await paste(page, { text: '怀柔区科协开展科普活动。\n\n活动吸引了众多市民参与。（怀柔区科协）' });
  await expect(page.getByTestId('save-status')).toHaveText('保存中');
  await page.getByRole('button', { name: '设为来源' }).click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await expect(page.getByLabel('来源单位')).toHaveValue('怀柔区科协');
  await expectSaved(page);

  const id = Number(new URL(page.url()).pathname.split('/').pop());
  expect(await getDb().item.findUniqueOrThrow({ where: { id } })).toMatchObject({
    sources: ['怀柔区科协'],
    bodyText: '怀柔区科协开展科普活动。\n\n活动吸引了众多市民参与。',
  });
});
