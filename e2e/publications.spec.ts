// A second publication's journey: an admin creates it with its sections; an editor switches to
// it in the header, writes an item and assembles 第1期 of its own numbering; a reviewer
// approves; the editor publishes; the PDF's masthead is the new publication's; the first
// publication's lists and search do not show any of it.
import { devices, expect, test, type Page } from '@playwright/test';
import { createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved } from './fixtures/editor';
import { openAs, readIssuePdf } from './fixtures/issues';

const SCREENSHOTS = 'test-results/publications';

/** Nothing on the page is wider than the window (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('a second publication: created by an admin, written, numbered 第1期, approved, published, kept apart', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now() % 100_000;
  const name = `专报${stamp}`;
  const slug = `zb${stamp}`;
  const masthead = `北京科协工作专报${stamp}`;
  const title = `专报稿件标题${stamp}`;
  const [adminUser, editorUser, reviewerUser] = await Promise.all([
    createUser(['ADMIN']),
    createUser(['EDITOR'], '张红波'),
    createUser(['REVIEWER'], '李金涛'),
  ]);

  // Admin: 新建刊物 with its sections; lands on its settings.
  const admin = await openAs(browser, adminUser);
  await admin.goto('/admin/publication');
  const form = admin.getByRole('form', { name: '新建刊物' });
  await form.getByLabel('刊物名称').fill(name);
  await form.getByLabel('刊物代号').fill(slug);
  await form.getByLabel('版头名称').fill(masthead);
  await form.getByLabel('栏目', { exact: true }).fill('工作专报\n调研参考');
  await form.getByLabel('分送').fill('市科协主要领导\n机关各部门');
  await form.getByRole('button', { name: '新建刊物' }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/publication\\?pub=${slug}$`));
  await expect(admin.locator('#publication-name')).toHaveValue(name);
  await admin.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '栏目' }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/sections\\?pub=${slug}$`));
  await expect(admin.getByRole('list', { name: '栏目顺序' }).getByRole('listitem')).toHaveCount(2);
  await expect(admin.getByRole('list', { name: '栏目顺序' })).toContainText('工作专报');
  await expect(admin.getByRole('list', { name: '栏目顺序' })).not.toContainText('学会动态');

  // Editor: switches in the header; the navigation keeps the publication.
  const editor = await openAs(browser, editorUser);
  await editor.goto('/items');
  const switcher = editor.getByLabel('切换刊物');
  await expect(switcher).toHaveValue('weekly');
  await switcher.selectOption({ label: name });
  await expect(editor).toHaveURL(new RegExp(`/items\\?pub=${slug}$`));
  await expect(switcher).toHaveValue(slug);
  await editor.screenshot({ path: `${SCREENSHOTS}/switcher-desktop.png` });

  await editor.getByRole('link', { name: '新建稿件' }).click();
  await expect(editor).toHaveURL(new RegExp(`/items/new\\?pub=${slug}$`));
  // Only this publication's sections are offered.
  await expect(editor.getByLabel('栏目').locator('option')).toContainText(['工作专报', '调研参考']);
  await expect(editor.getByLabel('栏目').locator('option')).not.toContainText(['学会动态']);
  await editor.getByLabel('栏目').selectOption({ label: '工作专报' });
  await editor.getByLabel('标题', { exact: true }).fill(title);
  await bodyEditor(editor).click();
  await editor.keyboard.type('市科协推进科技志愿服务，覆盖社区居民十余万人次。');
  await editor.getByRole('radio', { name: '待编' }).check();
  await expect(editor).toHaveURL(/\/items\/\d+$/);
  await expectSaved(editor);
  const itemId = Number(new URL(editor.url()).pathname.split('/').pop());
  // On the item's page (as loaded) the header is in the item's publication.
  await editor.reload();
  await expect(switcher).toHaveValue(slug);

  await editor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '编排' }).click();
  await expect(editor).toHaveURL(new RegExp(`/issues\\?pub=${slug}$`));
  await editor.getByRole('button', { name: '新建一期' }).click();
  await expect(editor).toHaveURL(/\/issues\/\d+$/);
  const issueId = Number(new URL(editor.url()).pathname.split('/').pop());
  const issue = await getDb().issue.findUniqueOrThrow({ where: { id: issueId }, include: { publication: true } });
  expect(issue.publication.slug).toBe(slug);
  // 第1期 of its own numbering, whatever the first publication is at.
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(`${issue.year}年 第1期（总第1期）`);
  await editor.getByRole('checkbox', { name: title }).check();
  await editor.getByRole('button', { name: '加入本期' }).click();
  await expect(editor.getByTestId(`board-item-${itemId}`)).toBeVisible();
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

  // Reviewer: the queue of this publication has it; approves.
  const reviewer = await openAs(browser, reviewerUser);
  await reviewer.goto(`/review?pub=${slug}`);
  await reviewer.getByTestId('review-queue').getByRole('link', { name: /总第1期/ }).click();
  // The queue leads a reviewer to the reading view; the issue page has the same 审核通过.
  await expect(reviewer).toHaveURL(new RegExp(`/review/${issueId}$`));
  await reviewer.goto(`/issues/${issueId}`);
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');

  // Editor publishes; the PDF's masthead is this publication's.
  await editor.goto(`/issues/${issueId}`);
  await editor.getByRole('button', { name: '发布' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('已发布');
  const pdf = await readIssuePdf(editor, issueId);
  const firstPage = pdf.texts[0]!.replace(/\s/g, '');
  expect(firstPage).toContain(masthead);
  expect(firstPage).toContain(`${issue.year}年第1期`);
  expect(firstPage).not.toContain('科协每周动态');

  // The first publication's lists and search do not show it; its own do.
  await editor.goto('/published');
  await expect(editor.locator(`a[href="/published/${issueId}"]`)).toHaveCount(0);
  await editor.goto(`/published?pub=${slug}`);
  await expect(editor.locator(`a[href="/published/${issueId}"]`)).toHaveCount(1);
  await editor.goto(`/published/search?q=${encodeURIComponent(title)}`);
  await expect(editor.getByTestId('search-summary')).toContainText('共 0 条');
  await editor.goto(`/published/search?q=${encodeURIComponent(title)}&pub=${slug}`);
  await expect(editor.getByTestId('search-summary')).toContainText('共 1 条');
  await editor.goto('/items?status=ALL');
  await expect(editor.getByRole('link', { name: title })).toHaveCount(0);
  await editor.goto('/issues');
  await expect(editor.locator(`a[href="/issues/${issueId}"]`)).toHaveCount(0);
  await expect(editor.getByLabel('切换刊物')).toHaveValue('weekly');

  // An unknown publication is a 404, not the default one.
  expect((await editor.goto('/issues?pub=no-such-publication'))?.status()).toBe(404);

  // On a phone: the switcher fits in the header without sideways scrolling.
  const phone = await openAs(browser, editorUser, { ...devices['iPhone 13'] });
  await phone.goto(`/issues?pub=${slug}`);
  await expect(phone.getByLabel('切换刊物')).toBeVisible();
  await expect(phone.getByLabel('切换刊物')).toHaveValue(slug);
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: `${SCREENSHOTS}/switcher-iphone.png` });
});
