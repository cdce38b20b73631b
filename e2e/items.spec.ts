import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createItem, createUser, getDb, getSectionId } from './fixtures/data';
import { bodyEditor, expectSaved, paste } from './fixtures/editor';

test('an editor writes an item that autosaves and survives a reload', async ({ page }) => {
  const editor = await createUser(['EDITOR'], '张红波');
  await loginAndWait(page, editor);
  await page.goto('/items');
  await page.getByRole('link', { name: '新建稿件' }).click();
  await expect(page).toHaveURL(/\/items\/new$/);

  await page.getByLabel('标题', { exact: true }).fill('市科协召开4月工作交流学习会');
  await page.getByLabel('栏目').selectOption({ label: '市科协要闻' });
  await bodyEditor(page).click();
  await page.keyboard.type('4月28日，北京市科协组织召开4月工作交流、学习会。');
  await page.keyboard.press('Enter');
  await page.keyboard.type('会议第一阶段为学习培训。');
  await page.getByLabel('来源单位').fill('办公室、科普部');
  await expectSaved(page);
  await expect(page).toHaveURL(/\/items\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByTestId('item-counts')).toContainText('正文 38 字');

  await page.reload();
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue('市科协召开4月工作交流学习会');
  await expect(bodyEditor(page).locator('p')).toHaveText([
    '4月28日，北京市科协组织召开4月工作交流、学习会。',
    '会议第一阶段为学习培训。',
  ]);
  await expect(page.getByLabel('来源单位')).toHaveValue('办公室、科普部');

  await page.goto('/items');
  await expect(page.getByTestId('item-list').locator(`a[href="/items/${id}"]`)).toHaveText('市科协召开4月工作交流学习会');
  expect(await getDb().item.findUniqueOrThrow({ where: { id } })).toMatchObject({ sources: ['办公室', '科普部'], authorId: editor.id });
});

test('text typed while the server is unreachable is offered back after the tab dies', async ({ page, context }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '离线测试', paragraphs: ['原有段落。'] });
  await loginAndWait(page, editor);
  await page.goto(`/items/${item.id}`);
  // Saves fail from now on, as with a dropped connection.
  await page.route(`**/items/${item.id}`, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await bodyEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('断网时写下的文字。');
  await expect(page.getByTestId('save-status')).toHaveText('未保存');
  await page.close(); // a crashed tab: no chance to save

  const again = await context.newPage();
  await again.goto(`/items/${item.id}`);
  await expect(bodyEditor(again)).toHaveText('原有段落。');
  await again.getByRole('button', { name: '恢复本地内容' }).click();
  await expect(bodyEditor(again)).toHaveText('原有段落。断网时写下的文字。');
  await expectSaved(again);
  expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe('原有段落。断网时写下的文字。');
});

test('two editors on one item: the later save is stopped and no text is lost', async ({ browser }) => {
  const [alice, bob] = [await createUser(['EDITOR'], '甲编辑'), await createUser(['EDITOR'], '乙编辑')];
  const item = await createItem(alice, { title: '共同编辑', paragraphs: ['第一段。'] });
  const pageA = await (await browser.newContext()).newPage();
  const pageB = await (await browser.newContext()).newPage();
  await loginAndWait(pageA, alice);
  await loginAndWait(pageB, bob);
  await pageA.goto(`/items/${item.id}`);
  await pageB.goto(`/items/${item.id}`);

  await bodyEditor(pageA).click();
  await pageA.keyboard.press('End');
  await pageA.keyboard.type('甲补充的内容。');
  await expectSaved(pageA);

  await bodyEditor(pageB).click();
  await pageB.keyboard.press('End');
  await pageB.keyboard.type('乙补充的内容。');
  await expect(pageB.getByTestId('save-status')).toHaveText('冲突');
  await expect(pageB.getByTestId('conflict-mine')).toContainText('第一段。乙补充的内容。');
  await expect(pageB.getByTestId('conflict-theirs')).toContainText('第一段。甲补充的内容。');
  await expect(pageB.getByRole('alertdialog')).toContainText('甲编辑');

  // Bob takes Alice's text; his own stays on screen to copy from.
  await pageB.getByRole('button', { name: '采用对方的版本' }).click();
  await expect(bodyEditor(pageB)).toHaveText('第一段。甲补充的内容。');
  await expect(pageB.getByTestId('replaced-text')).toHaveText('第一段。乙补充的内容。');
  await pageB.keyboard.press('End');
  await bodyEditor(pageB).click();
  await pageB.keyboard.press('Control+End');
  await pageB.keyboard.type('乙补充的内容。');
  await expectSaved(pageB);

  const saved = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
  expect(saved.bodyText).toBe('第一段。甲补充的内容。乙补充的内容。');
  const history = await getDb().itemVersion.findMany({ where: { itemId: item.id }, orderBy: { version: 'asc' } });
  expect(history.map((v) => v.bodyText)).toEqual(['第一段。', '第一段。甲补充的内容。', '第一段。甲补充的内容。乙补充的内容。']);
});

test('pasting from Word keeps the paragraphs and drops the styling', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '粘贴测试', paragraphs: [] });
  await loginAndWait(page, editor);
  await page.goto(`/items/${item.id}`);
  await paste(page, { html: readFileSync('test/fixtures/word-clipboard.html', 'utf8'), text: 'ignored' });
  const html = await bodyEditor(page).innerHTML();
  expect(html).not.toMatch(/style=|class="Mso|<span|<font|仿宋|color/);
  const paragraphs = await bodyEditor(page).locator('p').allTextContents();
  expect(paragraphs.length).toBeGreaterThanOrEqual(2);
  expect(paragraphs.every((p) => p.trim().length > 0)).toBe(true);
  await expect(bodyEditor(page).locator('strong').first()).toBeVisible();
  await expectSaved(page);
  const saved = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
  expect(JSON.stringify(saved.body)).not.toMatch(/style|font|color/);
});

test('pasting hard-wrapped plain text joins the lines and offers the closing source', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '纯文本粘贴', paragraphs: [] });
  await loginAndWait(page, editor);
  await page.goto(`/items/${item.id}`);
  const text = [
    '2 月 22 日，北京市科协召开 2023 年党建工作会暨党建工作',
    '述职会。党组书记沈洁主持会议。',
    '',
    '党组成员、副主席田文、刘晓勘、孟凡兴就深入推进市科协',
    '“作风年”“学习年”“制度年”建设分别进行工作部署。（北京',
    '科技社团服务中心、平谷区科协）',
  ].join('\n');
  await paste(page, { text });
  await expect(bodyEditor(page).locator('p')).toHaveCount(2);
  await expect(bodyEditor(page).locator('p').first()).toHaveText('2 月 22 日，北京市科协召开 2023 年党建工作会暨党建工作述职会。党组书记沈洁主持会议。');
  await page.getByRole('button', { name: '设为来源' }).click();
  await expect(page.getByLabel('来源单位')).toHaveValue('北京科技社团服务中心、平谷区科协');
  await expect(bodyEditor(page).locator('p').last()).toHaveText('党组成员、副主席田文、刘晓勘、孟凡兴就深入推进市科协“作风年”“学习年”“制度年”建设分别进行工作部署。');
  await expectSaved(page);
});

test('markup in titles, sources and bodies is shown as text and never runs', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const attack = {
    title: '<script>window.__xss=1</script>标题',
    sources: ['<img src=x onerror="window.__xss=2">'],
    paragraphs: ['<img src=x onerror="window.__xss=3">', 'javascript:window.__xss=4', '<iframe src="javascript:window.__xss=5"></iframe>'],
  };
  const item = await createItem(editor, attack);
  await loginAndWait(page, editor);
  for (const url of ['/items', `/items/${item.id}`, `/items/${item.id}/preview`, `/items/${item.id}/history`]) {
    await page.goto(url);
    await expect(page.getByText('标题', { exact: false }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss), url).toBeUndefined();
    expect(await page.locator('main img, main iframe, main script').count(), url).toBe(0);
  }
  await page.goto(`/items/${item.id}/preview`);
  await expect(page.getByTestId('item-preview')).toContainText('<script>window.__xss=1</script>标题');
  await expect(page.getByTestId('item-preview')).toContainText('（<img src=x onerror="window.__xss=2">）');
  await page.goto(`/items/${item.id}`);
  await expect(bodyEditor(page)).toContainText('<img src=x onerror="window.__xss=3">');
});

test('a server-side refusal shows next to the field and nothing is written', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '原标题' });
  await loginAndWait(page, editor);
  await page.goto(`/items/${item.id}`);
  await page.getByLabel('标题', { exact: true }).fill('长'.repeat(61));
  await expect(page.locator('#item-title-error')).toHaveText('标题不能超过60个字');
  await expect(page.getByLabel('标题', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).title).toBe('原标题');
});

test('staff can neither open nor change items, even by calling the actions', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '不可改' });
  const staff = await createUser(['STAFF']);
  await loginAndWait(page, staff);
  expect((await page.goto('/items/new'))?.status()).toBe(404);
  expect((await page.goto(`/items/${item.id}`))?.status()).toBe(404);
  const headers = { 'content-type': 'application/json' };
  const sectionId = await getSectionId('学会动态');
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '篡改' }] }] };
  const create = await page.request.post('/api/actions/createItemAction', { headers, data: { title: '越权', sectionId, body } });
  expect(create.status()).toBe(403);
  const save = await page.request.post('/api/actions/saveItemAction', {
    headers,
    data: { id: item.id, baseVersion: 1, title: '篡改', sectionId, body },
  });
  expect(save.status()).toBe(403);
  const saved = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
  expect(saved).toMatchObject({ title: '不可改', version: 1 });
  expect(await getDb().item.count({ where: { title: '越权' } })).toBe(0);
});

test('an item keeps the name of a section retired after it was written', async ({ page }) => {
  const admin = await createUser(['ADMIN']);
  const editor = await createUser(['EDITOR']);
  const db = getDb();
  const publication = await db.publication.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const section = await db.section.create({ data: { publicationId: publication.id, name: `旧栏目${Date.now() % 10000}`, position: 50 } });
  const item = await createItem(editor, { title: '旧栏目的稿件', sectionName: section.name });

  await loginAndWait(page, admin);
  await page.goto('/admin/sections');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId(`section-row-${section.id}`).getByRole('button', { name: '停用' }).click();
  await expect(page.getByTestId(`section-row-${section.id}`)).toContainText('已停用');

  await page.context().clearCookies();
  await loginAndWait(page, editor);
  await page.goto('/items');
  await expect(page.getByRole('row', { name: /旧栏目的稿件/ })).toContainText(section.name);
  await page.goto('/items/new');
  await expect(page.getByLabel('栏目').locator('option')).not.toContainText([section.name]);
  await page.goto(`/items/${item.id}`);
  await expect(page.getByLabel('栏目').locator('option:checked')).toHaveText(`${section.name}（已停用）`);
});
