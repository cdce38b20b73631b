// The bulletin the office actually prints (issue 9's done-when): an admin sets 目录提要 on a page
// of its own, generated from the headlines; an editor writes a lead item whose title breaks
// where she chose, assembles the issue, and the published PDF has page 1 with only the masthead
// and the contents, and the title in the two lines she chose.
//
// Named to run before issue-journey.spec.ts: issues are published in number order, and this
// one is dated like theirs.
import { expect, test } from '@playwright/test';
import { createItem, createUser, getDb } from './fixtures/data';
import { bodyEditor, expectSaved } from './fixtures/editor';
import { openAs as open, readIssuePdf } from './fixtures/issues';

const squash = (text: string) => text.replace(/\s+/g, '');

test('a two-line lead title, headline contents and a contents page, as printed', async ({ browser }) => {
  test.setTimeout(150_000);
  const stamp = String(Date.now() % 100000).padStart(5, '0');
  const adminUser = await createUser(['ADMIN'], '王晓明');
  const editorUser = await createUser(['EDITOR'], '张红波');
  const reviewerUser = await createUser(['REVIEWER'], '李金涛');

  // Admin: 目录提要 alone on page 1, generated from the headlines. The demo has published an
  // issue: the start point it fixed is shown, not “未设置”.
  const admin = await open(browser, adminUser);
  await admin.goto('/admin/publication');
  await expect(admin.getByTestId('start-point-locked')).toContainText(/编号起点（用本系统发布的第一期）：\d{4}年 第\d+期（总第\d+期）/);
  await expect(admin.getByTestId('start-point-locked')).not.toContainText('未设置');
  const settings = admin.getByRole('form', { name: '刊物设置' });
  await settings.getByLabel('目录提要单独成页').check();
  await settings.getByRole('radio', { name: '要闻标题，加各栏目第一篇稿件的标题' }).check();
  await settings.getByRole('button', { name: '保存设置' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  expect(await getDb().publication.findFirstOrThrow({ orderBy: { id: 'asc' } })).toMatchObject({ contentsOnOwnPage: true, contentsStyle: 'HEADLINES' });

  // Editor: the lead item, its title broken where she presses Enter (once: a second is refused).
  const editor = await open(browser, editorUser);
  await editor.goto('/items/new');
  const title = editor.getByLabel('标题', { exact: true });
  await title.click();
  await editor.keyboard.insertText('市科协召开2023年区科协联席会暨');
  await editor.keyboard.press('Enter');
  await editor.keyboard.insertText(`全市科协系统工作会议${stamp}`);
  await editor.keyboard.press('Enter');
  const lines = ['市科协召开2023年区科协联席会暨', `全市科协系统工作会议${stamp}`];
  await expect(title).toHaveValue(lines.join('\n'));
  await expect(editor.getByTestId('item-title-lines')).toContainText('打印为2行（按您的分行）');
  await editor.getByLabel('栏目').selectOption({ label: '市科协要闻' });
  await bodyEditor(editor).click();
  await editor.keyboard.insertText('3月9日，北京市科协召开2023年区科协联席会，总结梳理2022年亮点工作，部署2023年重点工作。');
  await editor.getByRole('radio', { name: '待编' }).check();
  await expectSaved(editor);
  await expect(editor).toHaveURL(/\/items\/\d+$/);
  const leadId = Number(new URL(editor.url()).pathname.split('/').pop());
  expect((await getDb().item.findUniqueOrThrow({ where: { id: leadId } })).title).toBe(lines.join('\n'));
  const first = await createItem(editorUser, { title: `学会头条${stamp}`, sources: ['北京作物学会'], paragraphs: ['学会头条正文。'], status: 'READY' });
  const second = await createItem(editorUser, { title: `学会次条${stamp}`, sources: ['北京土壤学会'], paragraphs: ['学会次条正文。'], status: 'READY' });

  // A new issue; the items ticked in print order land in that order.
  await editor.goto('/issues');
  await editor.getByRole('button', { name: '新建一期' }).click();
  await expect(editor).toHaveURL(/\/issues\/\d+$/);
  const issueId = Number(new URL(editor.url()).pathname.split('/').pop());
  await editor.getByRole('checkbox', { name: `全市科协系统工作会议${stamp}` }).check();
  await editor.getByRole('checkbox', { name: first.title }).check();
  await editor.getByRole('checkbox', { name: second.title }).check();
  await editor.getByRole('button', { name: '加入本期' }).click();
  await expect(editor.getByRole('region', { name: '学会动态' }).locator('li [data-title]')).toHaveText([first.title, second.title]);

  // 目录提要 from the headlines: the lead title on one line, then 学会动态's first title.
  const contents = editor.getByTestId('contents-lines').locator('input');
  const generated = [lines.join(' '), first.title];
  await expect.poll(() => contents.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(generated);
  // Editable as before, and the confirmation stays after the page has taken the saved lines.
  await contents.nth(1).fill(`${first.title}等`);
  await editor.getByRole('button', { name: '保存目录' }).click();
  await expect(editor.getByText('目录已手工修改。')).toBeVisible();
  await expect(editor.getByRole('status').filter({ hasText: '目录已保存' })).toBeVisible();
  await editor.getByRole('button', { name: '重新生成' }).click();
  await expect(editor.getByText('目录随稿件自动生成；修改后不再自动更新。')).toBeVisible();
  await expect.poll(() => contents.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(generated);

  // The preview shows page 1 as a sheet of its own, and the title in its two lines.
  await editor.goto(`/issues/${issueId}/preview`);
  await expect(editor.getByText('第1页只印版头和目录提要，正文从第2页开始')).toBeVisible();
  // (The preview shows the draft PDF's own pages; their text is read in reading order.)
  const previewPages = editor.getByTestId('preview-page-text');
  await expect(previewPages.first()).toContainText('目录提要', { timeout: 30_000 });
  const front = squash((await previewPages.first().textContent())!);
  expect(front).toContain(squash(generated.map((line) => `●${line}`).join('')));
  expect(front).not.toContain('3月9日');
  const secondPage = (await previewPages.nth(1).textContent())!.split('\n').map((line) => line.trim());
  expect(secondPage.filter((line) => line && !line.startsWith('样稿')).slice(0, 2)).toEqual(lines);

  // Review and publication, then the stored PDF as pdftotext reads it.
  await editor.goto(`/issues/${issueId}`);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('待审核');
  const reviewer = await open(browser, reviewerUser);
  await reviewer.goto(`/issues/${issueId}`);
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await expect(reviewer.getByTestId('issue-status')).toHaveText('已通过');
  await editor.reload();
  await editor.getByRole('button', { name: '发布' }).click();
  await expect(editor.getByTestId('issue-status')).toHaveText('已发布');

  const issue = await getDb().issue.findUniqueOrThrow({ where: { id: issueId } });
  const pages = (await readIssuePdf(editor, issueId)).texts.map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean));
  const [year, month, day] = issue.issueDate.toISOString().slice(0, 10).split('-').map(Number);
  // Page 1: the masthead and the contents, nothing else (the page number aside). A long
  // contents line wraps, hence the page as one text.
  expect(squash(pages[0]!.join(''))).toBe(
    squash(
      [
        '科协每周动态',
        `${issue.year}年 第${issue.yearNumber}期`,
        `（总第${issue.totalNumber}期）`,
        '北京市科协办公室',
        `${year}年${month}月${day}日`,
        '目录提要',
        ...generated.map((line) => `●${line}`),
        '-1-',
      ].join(''),
    ),
  );
  // Page 2 opens with the lead title, broken where the editor chose.
  expect(pages[1]!.slice(0, 2)).toEqual(lines);
  expect(pages[1]![2]).toMatch(/^3月9日，北京市科协召开/);
});
