// Done-when of issue 10 in the browser: the real printed issues are imported by an admin
// (preview first, then one import, a second one skipped), their text is found by search, the
// statistics page counts their sources, and the archive's tools stay with their roles.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';

const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/issues');
const FILES = [path.join(FIXTURES, '2023-14.txt'), path.join(FIXTURES, '2023-07.md')];

test.describe.configure({ mode: 'serial' });

test('an admin imports the printed issues after a preview; importing them again changes nothing', async ({ page }) => {
  const admin = await createUser(['ADMIN'], '王晓明');
  await loginAndWait(page, admin);
  await page.goto('/admin/import');
  await page.getByLabel('历史期次文件').setInputFiles(FILES);
  await page.getByRole('button', { name: '预览' }).click();

  const files = page.getByTestId('import-file');
  await expect(files).toHaveCount(2);
  await expect(files.nth(0)).toContainText('可导入');
  await expect(files.nth(0)).toContainText('2023年 第14期（总第67期） · 2023-04-28 · 7 篇稿件 · 编辑：张红波 · 审核：李金涛');
  await expect(files.nth(1)).toContainText('2023年 第7期（总第60期） · 2023-03-10 · 6 篇稿件');
  await files.nth(1).getByText('将要保存的内容').click();
  await expect(files.nth(1)).toContainText('专栏：首都科技工作者沙龙');
  await expect(files.nth(1)).toContainText('来源：北京科技社团服务中心、中关村认同应用技术跨界创新联盟');
  // Every paragraph that will be stored, behind the item's title.
  const item = files.nth(1).getByTestId('import-item').filter({ hasText: '北京作物学会对接服务通州区生态农场' });
  await item.getByText('北京作物学会对接服务通州区生态农场').click();
  await expect(item.locator('p')).toHaveCount(4); // 3 paragraphs and the source
  await expect(files.nth(0).getByTestId('import-doubt')).toHaveCount(0);
  // Nothing is written by the preview.
  expect(await getDb().issue.count({ where: { origin: 'IMPORTED' } })).toBe(0);

  await page.getByRole('button', { name: '确认导入 2 期' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('已导入 2 期');
  await expect(result.getByRole('link', { name: '2023年第14期（总第67期）' })).toBeVisible();
  expect(await getDb().issue.count({ where: { origin: 'IMPORTED', status: 'PUBLISHED' } })).toBe(2);

  // The same files again: recognised as imported, nothing to do.
  await page.reload();
  await page.getByLabel('历史期次文件').setInputFiles(FILES);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('import-file').first()).toContainText('已导入，将跳过');
  await expect(page.getByRole('button', { name: /确认导入/ })).toBeDisabled();
  await expect(page.getByText('没有需要导入的新期次。')).toBeVisible();
  expect(await getDb().issue.count({ where: { origin: 'IMPORTED' } })).toBe(2);
});

test('staff find the imported text by search, highlighted, and land on the item in its issue', async ({ page }) => {
  const staff = await createUser(['STAFF']);
  await loginAndWait(page, staff);
  await page.goto('/published');
  // The PDF's line-break space in the title does not get in the way.
  await page.getByRole('searchbox', { name: '搜索历期稿件' }).fill('嘉年华暨云岗');
  await page.getByRole('button', { name: '搜索' }).click();
  const results = page.getByTestId('search-results');
  await expect(page.getByTestId('search-summary')).toHaveText('“嘉年华暨云岗”的搜索结果：共 1 条');
  const hit = results.getByRole('link', { name: '丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行' });
  await expect(hit.locator('mark')).toHaveText('嘉年华暨 云岗');
  await expect(results).toContainText('2023年第14期（总第67期） · 2023年4月28日 · 区科协动态 · 来源：丰台区科协');
  await hit.click();
  await expect(page).toHaveURL(/\/published\/\d+#item-6$/);
  await expect(page.getByTestId('imported-note')).toContainText('2023-14.txt');
  await expect(page.locator('#item-6')).toContainText('云岗中学900多名同学分批次参与各种科普体验活动');

  // One and two characters, a filter by source.
  await page.goto(`/published/search?q=${encodeURIComponent('密云')}&year=2023`);
  await expect(page.getByTestId('search-summary')).toHaveText('“密云”的搜索结果：共 2 条');
  await page.goto(`/published/search?q=${encodeURIComponent('北京')}&source=${encodeURIComponent('北京科技社团服务中心')}`);
  await expect(page.getByTestId('search-summary')).toHaveText('“北京”的搜索结果：共 3 条');
  await page.goto(`/published/search?q=${encodeURIComponent('院')}&year=2023&section=${encodeURIComponent('学会动态')}`);
  await expect(page.getByTestId('search-results').getByRole('listitem').first()).toContainText('学会动态');
});

test('the statistics page counts the fixtures’ sources, and exports them', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  await loginAndWait(page, editor);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '采用统计' }).click();
  await page.getByRole('navigation', { name: '采用统计' }).getByRole('link', { name: '按来源署名统计' }).click();
  await expect(page).toHaveURL(/\/statistics\/sources/);
  await page.getByLabel('起始年份').selectOption('2023');
  await page.getByLabel('截止年份').selectOption('2023');
  await page.getByLabel('统计周期').selectOption('quarter');
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await expect(page.getByTestId('statistics-summary')).toHaveText('2023年共采用稿件 13 篇（其中 3 篇未署来源单位，均为市科协要闻），来源单位 12 个。');
  const table = page.getByTestId('statistics-by-period');
  const row = (unit: string) => table.getByRole('row', { name: new RegExp(`^${unit}`) });
  await expect(row('北京科技社团服务中心').getByRole('cell')).toHaveText(['3', '', '', '', '3']);
  await expect(row('密云区科协').getByRole('cell')).toHaveText(['', '1', '', '', '1']);
  await expect(page.getByTestId('statistics-by-section').getByRole('row', { name: /^北京科技社团服务中心/ }).getByRole('cell')).toHaveText(['2', '', '1', '3']);
  await expect(page.getByTestId('adoption-chart')).toBeVisible();

  const csv = await page.request.get('/api/statistics/export?format=csv&fromYear=2023&toYear=2023&granularity=quarter');
  expect(csv.status()).toBe(200);
  expect(decodeURIComponent(csv.headers()['content-disposition']!)).toContain('信息采用统计2023年按季度.csv');
  const text = (await csv.body()).toString('utf8');
  expect(text.startsWith('\ufeff来源单位,2023年第1季度,2023年第2季度,2023年第3季度,2023年第4季度,合计')).toBe(true);
  expect(text).toContain('\r\n北京科技社团服务中心,3,0,0,0,3\r\n');
  const xlsx = await page.request.get('/api/statistics/export?format=xlsx&fromYear=2023&toYear=2023&granularity=month');
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
});

test('the archive’s tools stay with their roles', async ({ page }) => {
  const staff = await createUser(['STAFF']);
  await loginAndWait(page, staff);
  expect((await page.goto('/statistics'))?.status()).toBe(404);
  expect((await page.goto('/statistics/sources'))?.status()).toBe(404);
  expect((await page.goto('/admin/import'))?.status()).toBe(404);
  expect((await page.request.get('/api/statistics/export?format=csv')).status()).toBe(403);
  const imported = await page.request.post('/api/actions/previewImportAction', {
    data: { files: [{ name: 'a.txt', base64: Buffer.from('2023年 第1期').toString('base64') }] },
    headers: { 'content-type': 'application/json' },
  });
  expect(imported.status()).toBe(403);

  const editor = await createUser(['EDITOR']);
  await page.context().clearCookies();
  await loginAndWait(page, editor);
  const asEditor = await page.request.post('/api/actions/importIssuesAction', {
    data: { files: [{ name: 'a.txt', base64: 'AA==' }], fingerprints: [] },
    headers: { 'content-type': 'application/json' },
  });
  expect(asEditor.status()).toBe(403);
  expect((await page.request.get('/api/statistics/export?format=pdf')).status()).toBe(400);
});

test('an admin’s import through the JSON endpoint: a bad file gets a Chinese 4xx, a preview is required', async ({ page }) => {
  const admin = await createUser(['ADMIN']);
  await loginAndWait(page, admin);
  const post = (name: string, data: unknown) =>
    page.request.post(`/api/actions/${name}`, { data, headers: { 'content-type': 'application/json' } });
  const noFiles = await post('previewImportAction', { files: [] });
  expect(noFiles.status()).toBe(400);
  const unreadable = await post('previewImportAction', { files: [{ name: '旧文件.doc', base64: Buffer.from('xx').toString('base64') }] });
  expect(unreadable.status()).toBe(200);
  expect((await unreadable.json()).data.files[0]).toMatchObject({ status: 'invalid', messages: [expect.stringContaining('另存为 .docx')] });
  const withoutPreview = await post('importIssuesAction', { files: [{ name: 'a.txt', base64: Buffer.from('2023年 第1期').toString('base64') }] });
  expect(withoutPreview.status()).toBe(400);
  expect((await withoutPreview.json()).message).toBe('请先预览，确认无误后再导入。');
  for (const files of ['x', [1], [{ name: 'a.txt' }], [{ name: 'a.txt', base64: 'AA==', extra: 1 }]]) {
    expect((await post('previewImportAction', { files })).status()).toBe(400);
  }
});
