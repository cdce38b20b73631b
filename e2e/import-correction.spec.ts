// Issue 14 in the browser: an admin imports the text of a printed issue the system has never
// seen (hard-wrapped, a search-engine redirect line, no 版记), sees in the preview what will be
// stored and what was dropped, then corrects a title afterwards; the issue page, search and the
// issue's history follow.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';

const ITEMS = path.resolve(import.meta.dirname, '../../shared/fixtures/items/2023-02-items.txt');
const REDIRECT = 'https://www.baidu.com/link?url=Qm3kX7vR2pL9sT4wZ8nB1cD6fG0hJ5yA&wd=&eqid=d41f0c2e000a6b7c';
const OLD_TITLE = '房山区科协系列科普讲座“京郊常见动物”完成录制';
const NEW_TITLE = '房山区科协科普讲座“京郊常见动物”录制完成';

/** A title as the page prints it: a break between its lines reads as a space. */
const titled = (title: string) => new RegExp(`^${Array.from(title, (char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}$`);

/** The drafted items as a real extraction gives them, under a masthead of 2015 (before every other issue). */
function writeIssueFile(): string {
  const masthead = ['科协每周动态', '', '2015年 第5期', '', '（总第8期）', '', '北京市科协办公室', '', '2015年2月6日', '', ''].join('\n');
  const body = readFileSync(ITEMS, 'utf8').replace('政策解读和服务保障。（西城区科协）', `政策解读和服务保障。（西城区科协）\n${REDIRECT}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-e2e-')), '2015-05.txt');
  writeFileSync(file, masthead + body);
  return file;
}

test.describe.configure({ mode: 'serial' });

test('an admin imports an extracted PDF with a link line and no 版记, then corrects a title', async ({ page }) => {
  // A long journey: import, issue page, correction (which prints the PDF again), search.
  test.setTimeout(180_000);
  const admin = await createUser(['ADMIN'], '赵修订');
  await loginAndWait(page, admin);
  await page.goto('/admin/import');
  await page.getByLabel('历史期次文件').setInputFiles(writeIssueFile());
  await page.getByRole('button', { name: '预览' }).click();

  const file = page.getByTestId('import-file');
  await expect(file).toContainText('可导入');
  await expect(file).toContainText('2015年 第5期（总第8期） · 2015-02-06 · 5 篇稿件 · 编辑：— · 审核：—');
  // What is dropped is listed, and never stored.
  await file.getByText('已略去 1 行').click();
  await expect(file.getByTestId('import-dropped')).toContainText(REDIRECT);
  // Everything that will be stored: each item's paragraphs and source.
  await file.getByText('将要保存的内容').click();
  const item = file.getByTestId('import-item').filter({ hasText: OLD_TITLE });
  await item.getByText(OLD_TITLE).click();
  await expect(item.locator('p')).toHaveCount(3); // two paragraphs and the source
  await expect(item).toContainText('来源：（房山区科协）');
  await page.getByRole('button', { name: '确认导入 1 期' }).click();
  await expect(page.getByTestId('import-result')).toContainText('已导入 1 期');

  const issue = await getDb().issue.findFirstOrThrow({ where: { totalNumber: 8, origin: 'IMPORTED' } });
  expect(JSON.stringify(issue.snapshot)).not.toContain('baidu');
  await page.goto(`/published/${issue.id}`);
  await expect(page.getByRole('heading', { name: titled(OLD_TITLE) })).toBeVisible();
  // No 版记 in the file: none shown (no empty 编辑：/审核：/分送： lines).
  await expect(page.getByTestId('issue-closing')).toHaveCount(0);

  // The correction.
  await page.getByRole('link', { name: '修订导入内容' }).click();
  await expect(page).toHaveURL(new RegExp(`/published/${issue.id}/correct$`));
  const text = page.getByLabel('正文');
  await text.fill((await text.inputValue()).replace(`# ${OLD_TITLE}`, `# ${NEW_TITLE}`));
  await expect(page.getByTestId('correction-item').filter({ hasText: NEW_TITLE })).toContainText('2 段 · 来源：房山区科协');
  await page.getByRole('button', { name: '保存修订' }).click();
  // Saving prints the PDF and DOCX again before it answers (slow on a loaded machine).
  await expect(page.getByTestId('correction-saved')).toContainText('已保存修订', { timeout: 90_000 });

  // The issue page, search and the history follow.
  await page.getByRole('link', { name: '查看本期' }).click();
  await expect(page.getByRole('heading', { name: titled(NEW_TITLE) })).toBeVisible();
  await page.goto(`/published/search?q=${encodeURIComponent('讲座“京郊常见动物”录制完成')}`);
  await expect(page.getByTestId('search-summary')).toHaveText('“讲座“京郊常见动物”录制完成”的搜索结果：共 1 条');
  await page.goto(`/published/search?q=${encodeURIComponent('系列科普讲座“京郊')}&year=2015`);
  await expect(page.getByTestId('search-summary')).toHaveText('“系列科普讲座“京郊”的搜索结果：共 0 条');
  await page.goto(`/published/${issue.id}/correct`);
  await expect(page.getByTestId('correction-history')).toContainText('赵修订 · 修订导入内容：稿件 5→5 篇');
  const events = await getDb().issueEvent.findMany({ where: { issueId: issue.id }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.type)).toEqual(['IMPORTED', 'CORRECTED']);
});

test('the correction page is for admins only, and only for imported issues', async ({ page }) => {
  const issue = await getDb().issue.findFirstOrThrow({ where: { totalNumber: 8, origin: 'IMPORTED' } });
  const staff = await createUser(['STAFF']);
  await loginAndWait(page, staff);
  expect((await page.goto(`/published/${issue.id}/correct`))?.status()).toBe(404);
  await page.goto(`/published/${issue.id}`);
  await expect(page.getByRole('link', { name: '修订导入内容' })).toHaveCount(0);
});
