// What an editor sees on first use (issue 13, items 1, 2, 4 and 5): the body's placeholder
// never covers text, 目录提要 edits reach the submitted issue, 移出 can be undone, a new issue
// gets a free date, and the 操作 card says what happens and what is refused.
import { devices, expect, test, type Page } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createItem, createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved } from './fixtures/editor';
import { openAs as open, removeIssue } from './fixtures/issues';

// The phone's viewport, scale and touch in the project's Chromium (not its WebKit default).
const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];
void _webkit;
const PLACEHOLDER = /^在此输入正文/;

async function newIssueWith(page: Page, titles: string[]): Promise<number> {
  await page.goto('/issues');
  await page.getByRole('button', { name: '新建一期' }).click();
  await expect(page).toHaveURL(/\/issues\/\d+$/);
  for (const title of titles) await page.getByRole('checkbox', { name: title }).check();
  if (titles.length) {
    await page.getByRole('button', { name: '加入本期' }).click();
    await expect(page.getByText(titles.at(-1)!, { exact: true }).first()).toBeVisible();
  }
  return Number(new URL(page.url()).pathname.split('/').pop());
}

const boxesOverlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [device, options] of [['desktop', {}], ['iPhone 13', IPHONE_13]] as const) {
  test(`the body placeholder shows only on an empty body, never over text (${device})`, async ({ browser }) => {
    const editorUser = await createUser(['EDITOR']);
    const item = await createItem(editorUser, { title: `占位测试${Date.now() % 100000}`, paragraphs: ['第一行正文，不能被提示文字遮住。', '第二段。'] });
    const reopened = await open(browser, editorUser, options);
    await reopened.goto(`/items/${item.id}`);
    const firstLine = bodyEditor(reopened).locator('p').first();
    await expect(firstLine).toHaveText('第一行正文，不能被提示文字遮住。');
    const placeholder = reopened.getByText(PLACEHOLDER);
    // Drawn over the text on main: visible, and on top of the first line.
    if (await placeholder.isVisible()) {
      expect(boxesOverlap((await placeholder.boundingBox())!, (await firstLine.boundingBox())!)).toBe(false);
    }
    await expect(placeholder).toBeHidden();
    await reopened.context().close();
    // A new item starts empty, with the placeholder.
    const page = await open(browser, editorUser, options);
    await page.goto('/items/new');
    await expect(page.getByText(PLACEHOLDER)).toBeVisible();
    await page.context().close();
  });

  test(`a reviewer reopening an item of an issue in review sees its text, not the placeholder (${device})`, async ({ browser }) => {
    const [editorUser, reviewerUser] = [await createUser(['EDITOR']), await createUser(['REVIEWER'])];
    const text = '审核人打开的稿件，第一行不能被提示文字遮住。';
    const item = await createItem(editorUser, { title: `审核占位${Date.now() % 100000}`, paragraphs: [text], status: 'READY' });
    const editor = await open(browser, editorUser);
    const issueId = await newIssueWith(editor, [item.title]);
    try {
      await editor.getByRole('button', { name: '提交审核' }).click();
      await expect(editor.getByTestId('issue-status')).toHaveText('待审核');
      const reviewer = await open(browser, reviewerUser, options);
      await reviewer.goto(`/items/${item.id}`);
      await expect(reviewer.getByRole('heading', { name: '编辑稿件' })).toBeVisible();
      await expect(bodyEditor(reviewer).locator('p').first()).toHaveText(text);
      await expect(reviewer.getByText(PLACEHOLDER)).toBeHidden();
      await reviewer.context().close();
    } finally {
      await editor.context().close();
      await removeIssue(issueId);
    }
  });
}

test('a 目录提要 edit followed at once by 提交审核 is in the submitted issue; the card says what comes next', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const stamp = Date.now() % 100000;
  const item = await createItem(editorUser, { title: `目录稿件${stamp}`, status: 'READY' });
  const page = await open(browser, editorUser);
  const issueId = await newIssueWith(page, [item.title]);
  try {
    const line = page.getByRole('textbox', { name: '目录第1行', exact: true });
    await expect(line).toHaveValue(item.title);
    await line.fill(`改过的目录${stamp}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByTestId('issue-status')).toHaveText('待审核');
    const issue = await getDb().issue.findUniqueOrThrow({ where: { id: issueId } });
    expect(issue).toMatchObject({ status: 'IN_REVIEW', contentsLines: [`改过的目录${stamp}`], isContentsEdited: true });
    await expect(page.getByTestId('contents-lines')).toContainText(`改过的目录${stamp}`);
    await expect(page.getByTestId('issue-next-step')).toContainText('已提交审核，正在等待审核人审阅');
  } finally {
    await removeIssue(issueId);
  }
});

test('a 目录提要 edit saves itself, and leaving with it unsaved asks first', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const item = await createItem(editorUser, { title: `自动保存目录${Date.now() % 100000}`, status: 'READY' });
  const page = await open(browser, editorUser);
  const issueId = await newIssueWith(page, [item.title]);
  try {
    await page.getByRole('textbox', { name: '目录第1行', exact: true }).fill('自动保存的目录');
    await expect(page.getByRole('status').filter({ hasText: '目录已保存' })).toBeVisible();
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issueId } })).contentsLines).toEqual(['自动保存的目录']);
    // Unsaved (typed a moment ago) and the page is closed: the browser asks.
    await page.getByRole('textbox', { name: '目录第1行', exact: true }).fill('还没保存的目录');
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    expect((await asked).type()).toBe('beforeunload');
  } finally {
    await removeIssue(issueId);
  }
});

test('移出 offers 撤销 for more than 5 seconds, which puts the item back in its place', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const stamp = Date.now() % 100000;
  const items = await Promise.all(['甲', '乙', '丙'].map((name) => createItem(editorUser, { title: `撤销${name}${stamp}`, status: 'READY' })));
  const page = await (await browser.newContext()).newPage();
  await page.clock.install();
  await loginAndWait(page, editorUser);
  const issueId = await newIssueWith(page, items.map((i) => i.title));
  try {
    const titles = page.getByRole('region', { name: '学会动态' }).locator('li [data-title]');
    await expect(titles).toHaveText(items.map((i) => i.title));
    await page.getByRole('button', { name: `移出本期：${items[1]!.title}` }).click();
    await expect(titles).toHaveText([items[0]!.title, items[2]!.title]);
    const notice = page.getByTestId('undo-remove');
    await expect(notice).toContainText(`已将“${items[1]!.title}”移出本期`);
    await page.clock.fastForward(5_500);
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: '撤销' }).click();
    await expect(titles).toHaveText(items.map((i) => i.title));
    await expect(notice).toBeHidden();
    const placed = await getDb().item.findMany({ where: { issueId }, orderBy: { issuePosition: 'asc' } });
    expect(placed.map((i) => i.id)).toEqual(items.map((i) => i.id));
    // Not undone, the notice goes after a while and the item stays out.
    await page.getByRole('button', { name: `移出本期：${items[0]!.title}` }).click();
    await expect(notice).toBeVisible();
    await page.clock.fastForward(11_000);
    await expect(notice).toBeHidden();
    expect(await getDb().item.count({ where: { issueId } })).toBe(2);
  } finally {
    await removeIssue(issueId);
  }
});

/** The first Friday after an ISO date. */
function fridayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + (((5 - date.getUTCDay() + 7) % 7) || 7));
  return date.toISOString().slice(0, 10);
}

test('a new issue is offered the Friday after the latest issue; a date already taken is refused', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const page = await open(browser, editorUser);
  // The latest issue, published or not, is in the future here: the offer follows it.
  const first = await newIssueWith(page, []);
  try {
    const taken = (await getDb().issue.findUniqueOrThrow({ where: { id: first } })).issueDate.toISOString().slice(0, 10);
    const latest = (await getDb().issue.findFirstOrThrow({ orderBy: { issueDate: 'desc' } })).issueDate.toISOString().slice(0, 10);
    await page.goto('/issues');
    const date = page.getByLabel('出刊日期');
    await expect(date).toHaveValue(fridayAfter(latest));
    await date.fill(taken);
    await page.getByRole('button', { name: '新建一期' }).click();
    const [y, m, d] = taken.split('-').map(Number);
    await expect(page.getByText(`${y}年${m}月${d}日已有一期`)).toBeVisible();
    await expect(page).toHaveURL(/\/issues$/);
    expect(await getDb().issue.count({ where: { issueDate: new Date(`${taken}T00:00:00Z`) } })).toBe(1);
  } finally {
    await removeIssue(first);
  }
});

test('the 操作 card: an empty issue is refused before any confirmation; 删除本期 stands apart, in red', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const page = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await loginAndWait(page, editorUser);
  const issueId = await newIssueWith(page, []);
  try {
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '本期还没有稿件，不能提交审核' })).toBeVisible();
    expect(dialogs).toEqual([]);
    await expect(page.getByTestId('issue-status')).toHaveText('编排中');

    const submit = (await page.getByRole('button', { name: '提交审核' }).boundingBox())!;
    const remove = page.getByTestId('issue-danger-zone').getByRole('button', { name: '删除本期' });
    const removeBox = (await remove.boundingBox())!;
    expect(removeBox.y).toBeGreaterThan(submit.y + submit.height + 24);
    const [background, danger] = await remove.evaluate((button) => {
      const probe = document.createElement('span');
      probe.className = 'bg-danger';
      document.body.append(probe);
      const colours = [getComputedStyle(button).backgroundColor, getComputedStyle(probe).backgroundColor];
      probe.remove();
      return colours;
    });
    expect(background).toBe(danger);
    await remove.click();
    await expect(page).toHaveURL(/\/issues$/);
    expect(dialogs).toEqual(['删除本期？其中的稿件会回到待编状态，之后各期自动重新编号。']);
  } finally {
    if (await getDb().issue.findUnique({ where: { id: issueId } })) await removeIssue(issueId);
  }
});

test('publishing shows its progress, and an approved issue tells the editor what 发布 does', async ({ browser }) => {
  test.setTimeout(90_000);
  const editorUser = await createUser(['EDITOR']);
  const reviewerUser = await createUser(['REVIEWER']);
  const item = await createItem(editorUser, { title: `发布进度${Date.now() % 100000}`, status: 'READY' });
  const editor = await open(browser, editorUser);
  const issueId = await newIssueWith(editor, [item.title]);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('待审核');
  const reviewer = await open(browser, reviewerUser);
  await reviewer.goto(`/issues/${issueId}`);
  await expect(reviewer.getByTestId('issue-next-step')).toContainText('本期等待审核');
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');
  await editor.reload();
  await expect(editor.getByTestId('issue-next-step')).toContainText('点“发布”后期号和内容固定');
  await editor.getByRole('button', { name: '发布' }).click();
  await expect(editor.getByTestId('action-progress')).toContainText('正在发布');
  await expect(editor.getByTestId('issue-status')).toHaveText('已发布');
  await expect(editor.getByTestId('action-progress')).toBeHidden();
});

test('a session that ends while writing: the message links to 登录, the text is kept and saved after signing in', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const item = await createItem(editorUser, { title: `会话过期${Date.now() % 100000}`, paragraphs: ['原文。'] });
  const page = await open(browser, editorUser);
  await page.goto(`/items/${item.id}`);
  await expect(bodyEditor(page)).toContainText('原文。');
  await page.context().clearCookies();
  await bodyEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('补一句。');
  const notice = page.getByTestId('signed-out');
  await expect(notice).toContainText('已保存在本机浏览器中');
  await expect(notice.getByRole('link', { name: '登录' })).toHaveAttribute('href', '/login');
  // Signing in (in another tab, as the link does) lets the waiting save through.
  const login = await page.context().newPage();
  await loginAndWait(login, editorUser);
  await expectSaved(page);
  await expect(notice).toBeHidden();
  expect((await getDb().item.findUniqueOrThrow({ where: { id: item.id } })).bodyText).toBe('原文。补一句。');
});
