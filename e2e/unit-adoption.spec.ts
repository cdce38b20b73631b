// Units as data and the 采用统计 points, as the office uses them: the admin imports the unit
// catalogue from a CSV (a bad file is refused whole, with its rows), maps a printed source
// name onto a unit and sets the points; submissions (written as the intake side writes them)
// are adopted into a published issue; an editor records a 领导批示 on the published page;
// 采用统计 then shows each unit's exact points, and the 通报 PDF prints them.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devices, expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { createItem, createUser, getDb, type TestUser } from './fixtures/data';
import { createIssueThroughUi, openAs, runAction } from './fixtures/issues';

const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
const PHONE = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };
const SHOTS = process.env.SCREENSHOT_DIR;

async function shoot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('admin keeps the units and points, editor records a 领导批示, 采用统计 and the 通报 show the points', async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = randomBytes(3).toString('hex');
  const district = `测试${tag}区科协`;
  const centre = `北京测试${tag}服务中心`;
  const printedAs = `测试${tag}中心`;
  const admin = await createUser(['ADMIN'], '管理员');
  const editor = await createUser(['EDITOR'], '编辑甲');
  const reviewer = await createUser(['REVIEWER'], '审核乙');
  const staff: TestUser = await createUser(['STAFF']);
  const db = getDb();

  // The admin imports the catalogue. A file with a bad row changes nothing and names the row.
  const adminPage = await openAs(browser, admin);
  await adminPage.goto('/admin/units');
  const csv = (rows: string[]) => ({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF单位名称,类别,简称\n${rows.join('\n')}\n`) });
  await adminPage.getByLabel('名录文件（.csv 或 .xlsx）').setInputFiles(csv([`${district},区科协,`, `${centre},协会,`]));
  await adminPage.getByRole('button', { name: '导入' }).click();
  await expect(adminPage.getByTestId('unit-import-problems')).toHaveText('第3行：类别须为区科协、学会、直属单位、机关部门之一');
  expect(await db.unit.count({ where: { name: { in: [district, centre] } } })).toBe(0);
  await adminPage.getByLabel('名录文件（.csv 或 .xlsx）').setInputFiles(csv([`${district},区科协,`, `${centre},直属单位,${tag}服务中心`]));
  await adminPage.getByRole('button', { name: '导入' }).click();
  await expect(adminPage.getByText('导入完成：新增 2 个单位，更新 0 个。')).toBeVisible();
  await expect(adminPage.getByTestId('unit-list')).toContainText(centre);
  await expectNoSeriousViolations(adminPage);
  await shoot(adminPage, 'admin-units-desktop');
  const units = await db.unit.findMany({ where: { name: { in: [district, centre] } } });
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;

  // Items and submissions as the intake side leaves them: one adopted, two merged into one
  // item, one printed under a name the catalogue does not know yet.
  const single = await createItem(editor, { title: `${tag}区科协开展科普活动`, sources: [district], status: 'READY' });
  const merged = await createItem(editor, { title: `${tag}各单位开展科技周活动`, sources: [district, centre], status: 'READY' });
  const printed = await createItem(editor, { title: `${tag}中心举办培训`, sources: [printedAs], status: 'READY' });

  // The admin maps the printed name onto the centre.
  await adminPage.goto('/admin/units/sources');
  const row = adminPage.getByTestId('unmatched-sources').getByRole('listitem').filter({ hasText: printedAs });
  await row.getByLabel(`“${printedAs}”对应的单位`).selectOption({ label: centre });
  await row.getByRole('button', { name: '对应' }).click();
  // Mapped: the name leaves the list of unmatched names (or shows 已对应 until the list reloads).
  await expect(row.getByRole('button', { name: '对应', exact: true })).toHaveCount(0);
  expect((await db.unit.findUniqueOrThrow({ where: { id: unitId(centre) } })).aliases).toEqual([printedAs]);

  // The issue: made by the editor, approved, published.
  const editorPage = await openAs(browser, editor);
  const issueId = await createIssueThroughUi(editorPage);
  const issue = await db.issue.findUniqueOrThrow({ where: { id: issueId } });
  const issueDate = issue.issueDate.toISOString().slice(0, 10);
  const year = Number(issueDate.slice(0, 4));
  const quarter = Math.ceil(Number(issueDate.slice(5, 7)) / 3);
  const sentAt = new Date(`${issueDate}T09:00:00+08:00`);
  const submission = (unit: string, status: 'ADOPTED' | 'MERGED', itemId: number) =>
    db.submission.create({
      data: { unitId: unitId(unit), authorId: editor.id, title: '来稿', body: { type: 'doc', content: [] }, bodyText: '', writer: '执笔人', writerPhone: '13800000000', signedOffBy: '审签人', status, itemId, createdAt: sentAt },
    });
  await submission(district, 'ADOPTED', single.id);
  await submission(district, 'MERGED', merged.id);
  await submission(centre, 'MERGED', merged.id);

  // The admin sets 单独采用 to 3 from the issue's date on.
  await adminPage.goto('/admin/points');
  await adminPage.getByLabel('生效日期').fill(issueDate);
  await adminPage.getByLabel('单独采用（分）').fill('3');
  await adminPage.getByRole('button', { name: '保存新规则' }).click();
  await expect(adminPage.getByText(/新规则已保存/)).toBeVisible();
  await expect(adminPage.getByTestId('point-rule-sets')).toContainText(`${year}年${Number(issueDate.slice(5, 7))}月${Number(issueDate.slice(8, 10))}日`);
  await shoot(adminPage, 'admin-points-desktop');

  await runAction(editorPage, 'addItemsToIssueAction', { id: issueId, itemIds: [single.id, merged.id, printed.id] });
  await runAction(editorPage, 'submitIssueAction', { id: issueId });
  const reviewerPage = await openAs(browser, reviewer);
  await runAction(reviewerPage, 'approveIssueAction', { id: issueId });
  await runAction(editorPage, 'publishIssueAction', { id: issueId });

  // The editor records a 领导批示 on the item printed under the mapped name.
  await editorPage.goto(`/published/${issueId}`);
  const form = editorPage.getByRole('form', { name: '记录领导批示' });
  await form.getByLabel('稿件').selectOption({ label: `${tag}中心举办培训` });
  await form.getByLabel('批示领导').fill('张副主席');
  // The issue is dated ahead (the Friday after the latest one); a 批示 cannot predate it.
  await form.getByLabel('批示日期').fill(issueDate);
  await form.getByLabel('批示内容').fill('很好，请各单位学习。');
  await form.getByRole('button', { name: '记录批示' }).click();
  await expect(editorPage.getByTestId('leader-instructions')).toContainText(`张副主席（${year}年`);
  await expect(editorPage.getByTestId('leader-instructions')).toContainText(`批示“${tag}中心举办培训”：很好，请各单位学习。`);
  await shoot(editorPage, 'published-instructions-desktop');

  // 采用统计: the district sent two (one adopted alone, one merged): 3 (单独) + 0.5 (综合) = 3.5;
  // the centre sent one (merged): 0.5 + 2 (批示) = 2.5.
  await editorPage.goto(`/statistics?year=${year}&quarter=${quarter}`);
  const table = editorPage.getByTestId('unit-adoption');
  const cells = async (name: string) => (await table.getByRole('row').filter({ hasText: name }).getByRole('cell').allInnerTexts()).slice(1);
  expect(await cells(district)).toEqual(['2', '1', '1', '100%', '3.5']);
  expect(await cells(centre)).toEqual(['1', '0', '1', '100%', '2.5']);
  await expectNoSeriousViolations(editorPage);
  await shoot(editorPage, 'statistics-desktop');

  const csvText = (await (await editorPage.request.get(`/api/statistics/units?format=csv&year=${year}&quarter=${quarter}`)).text()).replace(/^\uFEFF/, '');
  expect(csvText.split('\r\n')[0]).toBe('单位,报送,单独采用,综合采用,采用率,得分');
  expect(csvText).toContain(`\r\n${district},2,1,1,100%,3.5\r\n`);
  expect(csvText).toContain(`\r\n${centre},1,0,1,100%,2.5\r\n`);

  const pdf = await editorPage.request.get(`/api/statistics/units?format=pdf&year=${year}&quarter=${quarter}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-')), 'report.pdf');
  writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const quarterName = ['一', '二', '三', '四'][quarter - 1];
  expect(text.replace(/\s+/g, '')).toContain(`${year}年第${quarterName}季度信息采用情况通报`);
  expect(text).toMatch(new RegExp(`\\d+\\s+${district}\\s+2\\s+1\\s+1\\s+100%\\s+3\\.5`));
  expect(text).toMatch(new RegExp(`\\d+\\s+${centre}\\s+1\\s+0\\s+1\\s+100%\\s+2\\.5`));

  // Phones: the same pages fit the width.
  for (const [user, url, name] of [
    [admin, '/admin/units', 'admin-units'],
    [editor, `/statistics?year=${year}&quarter=${quarter}`, 'statistics'],
    [editor, `/published/${issueId}`, 'published-instructions'],
  ] as const) {
    const phone = await openAs(browser, user, PHONE);
    await phone.goto(url);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shoot(phone, `${name}-iphone`);
    await phone.context().close();
  }

  // Who may not: staff gets neither the files nor the actions.
  const staffPage = await openAs(browser, staff);
  expect((await staffPage.request.get(`/api/statistics/units?format=csv&year=${year}`)).status()).toBe(403);
  const refused = await staffPage.request.post('/api/actions/recordLeaderInstructionAction', {
    data: { issueId, position: 0, leader: '某', date: issueDate, text: '阅' },
  });
  expect(refused.status()).toBe(403);
  expect((await staffPage.request.post('/api/actions/createUnitAction', { data: { name: '闯入者学会', kind: 'SOCIETY' } })).status()).toBe(403);
  expect(await db.leaderInstruction.count({ where: { issueId } })).toBe(1);
});
