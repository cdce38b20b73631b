// The whole life of an issue, through the UI, each role in its own browser.
import { expect, test } from '@playwright/test';
import { createItem, createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved } from './fixtures/editor';
import { openAs as open } from './fixtures/issues';

test('editor assembles and submits, reviewer returns, editor fixes, reviewer approves, editor publishes, staff reads', async ({ browser }) => {
  test.setTimeout(90_000);
  const editorUser = await createUser(['EDITOR'], '张红波');
  const reviewerUser = await createUser(['REVIEWER'], '李金涛');
  const staffUser = await createUser(['STAFF'], '赵丽');
  const stamp = Date.now() % 100000;
  const lead = await createItem(editorUser, { title: `市科协召开工作会${stamp}`, sectionName: '市科协要闻', paragraphs: ['会议召开。'], status: 'READY' });
  const first = await createItem(editorUser, { title: `学会甲${stamp}`, sources: ['北京安全技术学会'], paragraphs: ['甲正文。'], status: 'READY' });
  const second = await createItem(editorUser, { title: `学会乙${stamp}`, sources: ['北京土壤学会'], paragraphs: ['乙正文有错字。'], status: 'READY' });

  // Editor: a new issue, numbered by the system.
  const editor = await open(browser, editorUser);
  await editor.goto('/issues');
  await editor.getByRole('button', { name: '新建一期' }).click();
  await expect(editor).toHaveURL(/\/issues\/\d+$/);
  const issueId = Number(new URL(editor.url()).pathname.split('/').pop());
  const issue = await getDb().issue.findUniqueOrThrow({ where: { id: issueId } });
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(`${issue.year}年 第${issue.yearNumber}期（总第${issue.totalNumber}期）`);

  for (const item of [lead, first, second]) await editor.getByRole('checkbox', { name: item.title }).check();
  await editor.getByRole('button', { name: '加入本期' }).click();
  await expect(editor.getByTestId(`board-item-${second.id}`)).toBeVisible();
  // Keyboard-friendly reordering: the first item of the section moves down, and it sticks.
  const section = editor.getByRole('region', { name: '学会动态' });
  const before = await section.locator('li [data-title]').allTextContents();
  // In the order they were ticked.
  expect(before).toEqual([`学会甲${stamp}`, `学会乙${stamp}`]);
  await editor.getByRole('button', { name: `下移：${before[0]}` }).click();
  await expect(section.locator('li [data-title]')).toHaveText([before[1]!, before[0]!]);
  await expect(section).toHaveAttribute('aria-busy', 'false');
  await editor.reload();
  await expect(section.locator('li [data-title]')).toHaveText([before[1]!, before[0]!]);
  const contents = editor.getByTestId('contents-lines').locator('input');
  // 目录提要 from the headlines: the lead title, then the first title of 学会动态 as it now stands.
  await expect.poll(() => contents.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
    `市科协召开工作会${stamp}`,
    before[1]!,
  ]);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('待审核');

  // Reviewer: the queue, a comment on an item, and a return with a required comment.
  const reviewer = await open(browser, reviewerUser);
  await expect(reviewer.getByTestId('review-count')).toBeVisible();
  await reviewer.getByRole('link', { name: '审核' }).click();
  await reviewer.getByTestId('review-queue').getByRole('link', { name: new RegExp(`总第${issue.totalNumber}期`) }).click();
  // The queue opens the reading view; the assembly page has the item comments.
  await reviewer.getByRole('link', { name: '编排页面' }).click();
  await reviewer.getByLabel('意见针对').selectOption({ label: `稿件：学会乙${stamp}` });
  await reviewer.getByLabel('意见内容').fill('“错字”请改正。');
  await reviewer.getByRole('button', { name: '添加意见' }).click();
  await expect(reviewer.getByTestId('review-comments')).toContainText('“错字”请改正。');
  await reviewer.getByRole('button', { name: '退回修改' }).click();
  await reviewer.getByRole('button', { name: '确认退回' }).click();
  await expect(reviewer.locator('#return-comment-error')).toHaveText('退回时须填写意见');
  await reviewer.getByLabel('退回意见（必填）').fill('请修改乙稿的错字后再送审。');
  await reviewer.getByRole('button', { name: '确认退回' }).click();
  await expect(reviewer.getByTestId('issue-status')).toHaveText('已退回');
  // The reviewer's list keeps it, returned, with the comment.
  await reviewer.goto('/review');
  await expect(reviewer.getByTestId('returned-issues')).toContainText(`总第${issue.totalNumber}期`);
  await expect(reviewer.getByTestId('returned-issues')).toContainText('请修改乙稿的错字后再送审。');

  // Editor: sees it returned, and why, in the list and on the issue; fixes the item, submits again.
  await editor.goto('/issues');
  const row = editor.getByTestId('issue-list').getByRole('row').filter({ hasText: `总第${issue.totalNumber}期` });
  await expect(row.getByTestId('issue-status')).toHaveText('已退回');
  await expect(row.getByTestId('issue-return-comment')).toHaveText('李金涛：请修改乙稿的错字后再送审。');
  await editor.goto(`/issues/${issueId}`);
  await expect(editor.getByTestId('issue-return')).toContainText('请修改乙稿的错字后再送审。');
  await expect(editor.getByTestId('review-comments')).toContainText('请修改乙稿的错字后再送审。');
  await editor.goto(`/items/${second.id}`);
  await bodyEditor(editor).click();
  await editor.keyboard.press('Control+a');
  await editor.keyboard.type('乙正文已改正。');
  await expectSaved(editor);
  await editor.goto(`/issues/${issueId}`);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('待审核');
  await expect(editor.getByTestId('issue-return')).toHaveCount(0);

  // Reviewer approves: the issue and its items lock.
  await reviewer.goto(`/issues/${issueId}`);
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');
  await editor.goto(`/items/${second.id}`);
  await expect(editor.getByTestId('item-issue')).toContainText('稿件已锁定');
  await expect(bodyEditor(editor)).toHaveCount(0);

  // Editor publishes.
  await editor.goto(`/issues/${issueId}`);
  await editor.getByRole('button', { name: '发布' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('已发布');
  await expect(editor.getByTestId('issue-timeline')).toContainText('创建');
  for (const step of ['提交审核', '退回修改', '审核通过', '发布']) await expect(editor.getByTestId('issue-timeline')).toContainText(step);

  const published = await getDb().issue.findUniqueOrThrow({ where: { id: issueId } });
  expect(published).toMatchObject({ status: 'PUBLISHED', totalNumber: issue.totalNumber });
  expect(JSON.stringify(published.snapshot)).toContain('乙正文已改正。');

  // Staff: the published issue by year; nothing else.
  const staff = await open(browser, staffUser);
  await staff.goto('/published');
  await staff.getByTestId(`published-${issue.year}`).getByRole('link', { name: new RegExp(`总第${issue.totalNumber}期`) }).click();
  const view = staff.getByTestId('issue-web-view');
  await expect(view).toContainText(`${issue.year}年 第${issue.yearNumber}期`);
  await expect(view).toContainText(`（总第${issue.totalNumber}期）`);
  await expect(view).toContainText('【学会动态】');
  await expect(view).toContainText('乙正文已改正。（北京土壤学会）');
  await expect(view).toContainText('编辑：张红波');
  await expect(view).toContainText('审核：李金涛');
  expect((await staff.goto(`/issues/${issueId}`))?.status()).toBe(404);

  // The stored files: the same bytes on every download, under the Chinese file name.
  const downloads = await Promise.all([1, 2].map(() => staff.request.get(`/api/issues/${issueId}/export/pdf`)));
  const [pdfA, pdfB] = await Promise.all(downloads.map((d) => d.body()));
  expect(downloads[0]!.status()).toBe(200);
  expect(downloads[0]!.headers()['content-type']).toBe('application/pdf');
  expect(Buffer.compare(pdfA!, pdfB!)).toBe(0);
  expect(decodeURIComponent(downloads[0]!.headers()['content-disposition']!)).toContain(
    `filename*=UTF-8''科协每周动态${issue.year}年第${issue.yearNumber}期.pdf`,
  );
  const stored = await getDb().issueExport.findUniqueOrThrow({ where: { issueId_format: { issueId, format: 'PDF' } } });
  expect(downloads[0]!.headers()['x-content-sha256']).toBe(stored.sha256);
  expect((await staff.request.get(`/api/issues/${issueId}/export/docx`)).status()).toBe(200);

  // The archive's search finds the published text.
  await staff.goto('/published');
  await staff.getByRole('searchbox', { name: '搜索历期稿件' }).fill(`学会乙${stamp}`);
  await staff.getByRole('button', { name: '搜索' }).click();
  await expect(staff.getByTestId('search-results').getByRole('link', { name: `学会乙${stamp}` })).toBeVisible();

  // Readable on a phone: nothing wider than the screen, and no word in the header broken.
  await staff.setViewportSize({ width: 390, height: 844 });
  await staff.goto(`/published/${issueId}`);
  await expect(view).toBeVisible();
  expect(await view.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  for (const page of [staff, editor]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(page === staff ? '/published' : '/issues');
    const wrapped = await page.locator('header').evaluate((header) =>
      [...header.querySelectorAll('a, button, [data-testid="current-user"]')].flatMap((element) => {
        // Lines each of its texts takes: the distinct tops of the text's boxes (an icon beside
        // a badge is not a broken word).
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(text);
          const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (tops.size > 1) return [element.textContent];
        }
        return [];
      }),
    );
    expect(wrapped).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});

test('an editor cannot approve, not even by calling the action directly', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const item = await createItem(editorUser, { title: '待审稿件', status: 'READY' });
  const editor = await open(browser, editorUser);
  await editor.goto('/issues');
  await editor.getByRole('button', { name: '新建一期' }).click();
  await expect(editor).toHaveURL(/\/issues\/\d+$/);
  const issueId = Number(new URL(editor.url()).pathname.split('/').pop());
  await editor.getByRole('checkbox', { name: item.title }).check();
  await editor.getByRole('button', { name: '加入本期' }).click();
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('待审核');
  await expect(editor.getByRole('button', { name: '审核通过' })).toHaveCount(0);

  const response = await editor.request.post('/api/actions/approveIssueAction', {
    headers: { 'content-type': 'application/json' },
    data: { id: issueId },
  });
  expect(response.status()).toBe(403);
  const after = await getDb().issue.findUniqueOrThrow({ where: { id: issueId } });
  expect(after).toMatchObject({ status: 'IN_REVIEW', approvedById: null, approvedFingerprint: null });
  // Tidy up: the next spec's issues must not wait behind this one.
  await getDb().item.updateMany({ where: { issueId }, data: { issueId: null } });
  await getDb().issueEvent.deleteMany({ where: { issueId } });
  await getDb().issue.delete({ where: { id: issueId } });
});

test('staff get 404 for an issue that is not published', async ({ browser }) => {
  const editorUser = await createUser(['EDITOR']);
  const staffUser = await createUser(['STAFF']);
  const editor = await open(browser, editorUser);
  await editor.goto('/issues');
  await editor.getByRole('button', { name: '新建一期' }).click();
  await expect(editor).toHaveURL(/\/issues\/\d+$/);
  const id = Number(new URL(editor.url()).pathname.split('/').pop());
  try {
    const staff = await open(browser, staffUser);
    expect((await staff.goto(`/published/${id}`))?.status()).toBe(404);
    expect((await staff.goto(`/issues/${id}`))?.status()).toBe(404);
    expect((await staff.goto(`/issues/${id}/preview`))?.status()).toBe(404);
    expect((await staff.request.get(`/api/issues/${id}/export/pdf`)).status()).toBe(404);
    // Editors get a draft PDF of it, marked as such.
    const draft = await editor.request.get(`/api/issues/${id}/export/pdf`);
    expect(draft.status()).toBe(200);
    expect(decodeURIComponent(draft.headers()['content-disposition']!)).toContain('（样稿）.pdf');
  } finally {
    // Issues are published in number order: an unpublished one left behind would hold up
    // every later spec that publishes.
    const removed = await editor.request.post('/api/actions/deleteIssueAction', { data: { id } });
    expect(removed.status()).toBe(200);
  }
});
