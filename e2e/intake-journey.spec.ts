// 信息报送 from end to end, each person in their own browser: two units' 信息员 submit (one by
// typing, one from a Word file), an editor adopts one, merges two into one item (综合采用),
// declines one with a reason; the issue is assembled and published; each unit then sees what
// became of its submissions, with the issue's number or the reason.
import { devices, expect, test, type Page } from '@playwright/test';
import { createUser, getDb } from './fixtures/data';
import { bodyEditor } from './fixtures/editor';
import { createReporter, createUnit, makeDocx } from './fixtures/intake';
import { createIssueThroughUi, openAs, runAction } from './fixtures/issues';

const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
const PHONE = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };

async function fillSender(page: Page) {
  await page.getByLabel('执笔人').fill('王五');
  await page.getByLabel('联系电话').fill('010-88886666');
  await page.getByLabel('审签人（单位负责人）').fill('赵六');
}

test('two units submit, the editor adopts, merges and declines, publishes; each unit sees the outcome', async ({ browser }) => {
  test.setTimeout(400_000);
  const stamp = Date.now() % 100000;
  const [unitA, unitB] = [await createUnit('北京测试学会'), await createUnit('测试区科协')];
  const reporterA = await createReporter(unitA.id, '信息员甲');
  const reporterB = await createReporter(unitB.id, '信息员乙');
  const editorUser = await createUser(['EDITOR'], '编辑甲');
  const reviewerUser = await createUser(['REVIEWER'], '审核甲');

  // 信息员甲 types a submission.
  const a = await openAs(browser, reporterA);
  await expect(a.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText(['信息报送']);
  await a.goto('/submissions/new');
  await a.getByLabel('标题').fill(`学会举办青少年科普讲座${stamp}`);
  await bodyEditor(a).click();
  await a.keyboard.type('6月1日，学会专家走进中学，为三百余名学生讲解人工智能基础知识。');
  await fillSender(a);
  await expect(a.getByTestId('draft-status')).toHaveText('草稿已自动保存在本机浏览器');
  await a.getByRole('button', { name: '报送', exact: true }).click();
  await expect(a).toHaveURL(/\/submissions\/\d+$/);
  await expect(a.getByTestId('submission-state')).toHaveText('已报送');
  const adoptedId = Number(new URL(a.url()).pathname.split('/').pop());

  // 信息员乙 uploads a Word file; its title and paragraphs fill the form.
  const b = await openAs(browser, reporterB);
  await b.goto('/submissions/new');
  const docx = await makeDocx(`区科协开展科普进社区活动${stamp}`, ['5月30日，区科协组织科技志愿者走进社区。', '活动发放科普资料五百余份。']);
  await b.getByLabel('从 Word 文件读取（.docx）').setInputFiles({ name: '科普进社区.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
  await expect(b.getByText('已读取“科普进社区.docx”：2段正文，标题已填入')).toBeVisible();
  await expect(b.getByLabel('标题')).toHaveValue(`区科协开展科普进社区活动${stamp}`);
  await expect(bodyEditor(b)).toContainText('活动发放科普资料五百余份。');
  await fillSender(b);
  await b.getByRole('button', { name: '报送', exact: true }).click();
  await expect(b).toHaveURL(/\/submissions\/\d+$/);
  const mergedB = Number(new URL(b.url()).pathname.split('/').pop());
  expect(await getDb().submission.findUniqueOrThrow({ where: { id: mergedB } })).toMatchObject({ unitId: unitB.id, fileName: '科普进社区.docx', bodyText: '5月30日，区科协组织科技志愿者走进社区。\n\n活动发放科普资料五百余份。' });

  // Two more, through the same action the form calls.
  const sender = { writer: '王五', writerPhone: '010-88886666', signedOffBy: '赵六' };
  const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  await runAction(a, 'createSubmissionAction', { title: `学会科普日活动${stamp}`, body: body('学会在科普日开放实验室。'), ...sender });
  await runAction(b, 'createSubmissionAction', { title: `区科协机关学习会${stamp}`, body: body('机关干部集中学习。'), ...sender });
  const declinedB = (await getDb().submission.findFirstOrThrow({ where: { title: `区科协机关学习会${stamp}` } })).id;

  // The editor: 来稿 lists them; adopts 甲's first one into 学会动态.
  const editor = await openAs(browser, editorUser);
  await editor.goto('/intake');
  const list = editor.getByTestId('intake-list');
  for (const title of [`学会举办青少年科普讲座${stamp}`, `区科协开展科普进社区活动${stamp}`]) await expect(list).toContainText(title);
  await editor.screenshot({ path: 'test-results/intake-list-desktop.png', fullPage: true });
  await list.getByRole('link', { name: `学会举办青少年科普讲座${stamp}` }).click();
  await expect(editor).toHaveURL(`/intake/${adoptedId}`);
  await editor.getByLabel('编入栏目').selectOption({ label: '学会动态' });
  await editor.getByRole('button', { name: '采用为稿件' }).click();
  await expect(editor.getByTestId('submission-state')).toHaveText('已采用');
  await editor.getByRole('link', { name: '打开采用后的稿件' }).click();
  await expect(editor.getByTestId('item-origin')).toContainText(`${unitA.name}《学会举办青少年科普讲座${stamp}》`);
  const adoptedItem = await getDb().item.findFirstOrThrow({ where: { submissions: { some: { id: adoptedId } } } });
  expect(adoptedItem.sources).toEqual([unitA.name]);

  // 综合采用: 乙's Word submission and 甲's second one become one item crediting both units.
  await editor.goto(`/intake`);
  await editor.getByRole('checkbox', { name: `选择“区科协开展科普进社区活动${stamp}”综合采用` }).check();
  await editor.getByRole('checkbox', { name: `选择“学会科普日活动${stamp}”综合采用` }).check();
  await editor.getByLabel('稿件标题').fill(`各单位开展科普活动${stamp}`);
  await editor.locator('#merge-section').selectOption({ label: '学会动态' });
  await editor.getByRole('button', { name: '综合采用' }).click();
  await expect(editor).toHaveURL(/\/items\/\d+$/);
  await expect(editor.getByTestId('item-origin')).toContainText('综合采用自来稿');
  const mergedItem = await getDb().item.findFirstOrThrow({ where: { title: `各单位开展科普活动${stamp}` } });
  expect(new Set(mergedItem.sources)).toEqual(new Set([unitA.name, unitB.name]));
  const merged = await getDb().submission.findMany({ where: { itemId: mergedItem.id }, orderBy: { id: 'asc' } });
  expect(merged.map((s) => [s.id, s.status])).toEqual([[mergedB, 'MERGED'], [merged[1]!.id, 'MERGED']]);
  expect(merged[1]!.title).toBe(`学会科普日活动${stamp}`);

  // 不采用 with a reason.
  await editor.goto(`/intake/${declinedB}`);
  await editor.getByLabel('理由（单位会看到）').fill('机关内部学习，不在本刊报道范围。');
  await editor.getByRole('button', { name: '不采用' }).click();
  await expect(editor.getByTestId('submission-state')).toHaveText('未采用');

  // Assembled and published (the assembly board has its own journey).
  const issueId = await createIssueThroughUi(editor);
  await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [adoptedItem.id, mergedItem.id] });
  await runAction(editor, 'submitIssueAction', { id: issueId });
  const reviewer = await openAs(browser, reviewerUser);
  await runAction(reviewer, 'approveIssueAction', { id: issueId });
  await runAction(editor, 'publishIssueAction', { id: issueId });
  const issue = await getDb().issue.findUniqueOrThrow({ where: { id: issueId } });
  const printed = `（刊于${issue.year}年第${issue.yearNumber}期）`;

  // Each unit sees what became of its submissions.
  await a.goto('/submissions');
  const rowOf = (page: Page, title: string) => page.getByTestId('submission-list').locator('li').filter({ hasText: title });
  await expect(rowOf(a, `学会举办青少年科普讲座${stamp}`).getByTestId('submission-state')).toHaveText(`已采用${printed}`);
  await expect(rowOf(a, `学会科普日活动${stamp}`).getByTestId('submission-state')).toHaveText(`综合采用${printed}`);
  await expect(a.getByTestId('submission-list')).not.toContainText('区科协');
  await a.screenshot({ path: 'test-results/submissions-desktop.png', fullPage: true });

  await b.goto('/submissions');
  await expect(rowOf(b, `区科协开展科普进社区活动${stamp}`).getByTestId('submission-state')).toHaveText(`综合采用${printed}`);
  await expect(rowOf(b, `区科协机关学习会${stamp}`).getByTestId('submission-state')).toHaveText('未采用');
  await expect(rowOf(b, `区科协机关学习会${stamp}`)).toContainText('理由：机关内部学习，不在本刊报道范围。');
  // Told in the app, too.
  const told = await getDb().notification.findMany({ where: { userId: reporterB.id }, select: { kind: true, title: true } });
  expect(told.map((n) => n.kind).sort()).toEqual(['SUBMISSION_ADOPTED', 'SUBMISSION_ADOPTED', 'SUBMISSION_DECLINED']);
  expect(told.some((n) => n.title.includes(`刊于${issue.year}年第${issue.yearNumber}期`))).toBe(true);

  // On a phone: the 信息员's list, the form and the editor's 来稿.
  const phoneB = await openAs(browser, reporterB, PHONE);
  for (const [url, name] of [['/submissions', 'submissions'], ['/submissions/new', 'submission-new'], [`/submissions/${declinedB}`, 'submission-declined']] as const) {
    await phoneB.goto(url);
    await expect(phoneB.locator('main')).toBeVisible();
    expect(await phoneB.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phoneB.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
  }
  const phoneEditor = await openAs(browser, editorUser, PHONE);
  for (const [url, name] of [['/intake?status=ALL', 'intake-phone'], [`/intake/${declinedB}`, 'intake-detail-phone'], ['/intake/requests', 'requests-phone']] as const) {
    await phoneEditor.goto(url);
    await expect(phoneEditor.locator('main')).toBeVisible();
    await phoneEditor.screenshot({ path: `test-results/${name}.png`, fullPage: true });
  }
  await b.goto('/submissions/new');
  await b.screenshot({ path: 'test-results/submission-new-desktop.png', fullPage: true });
});
