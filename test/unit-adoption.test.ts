// 采用统计 per unit from the rows the intake side writes: submissions with their statuses and
// items in published issues, 约稿, 领导批示 and point-rule versions. The exact points, the rank
// and the period boundaries (Beijing days, the rules in effect on each issue's date).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { ItemBody } from '@/lib/validations/item-body';
import { quarterPeriod, yearPeriod } from '@/lib/units/points';
import { createTestUser } from './support/factories';
import { hasChromium } from './support/print-issue-fixture';
import { loginAs } from './support/session';

const issueActions = await import('@/lib/actions/issues');
const unitActions = await import('@/lib/actions/units');
const { publishIssue } = await import('@/lib/data/issue-workflow');
const { getAdoptionReport, getUnitAdoption, renderAdoptionFile } = await import('@/lib/data/unit-adoption');
const { closePdfBrowser } = await import('@/lib/export/pdf');

const body = (text: string): ItemBody => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

let editor: Awaited<ReturnType<typeof createTestUser>>;
let reviewer: Awaited<ReturnType<typeof createTestUser>>;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let sectionId: number;
const unit: Record<'district' | 'centre' | 'quiet' | 'closed', number> = { district: 0, centre: 0, quiet: 0, closed: 0 };

async function readyItem(title: string, sources: string[]) {
  const text = `${title}正文。`;
  const item = await db.item.create({ data: { title, sectionId, sources, body: body(text), bodyText: text, status: 'READY', authorId: editor.id } });
  await db.itemVersion.create({
    data: { itemId: item.id, version: 1, title, sectionId, sources, body: body(text), bodyText: text, status: 'READY', editorId: editor.id },
  });
  return item.id;
}

async function submission(unitId: number, createdAt: string, data: { status?: 'SUBMITTED' | 'ADOPTED' | 'MERGED' | 'DECLINED'; itemId?: number; requestId?: number } = {}) {
  const title = `来稿${createdAt}`;
  return db.submission.create({
    data: {
      unitId,
      authorId: editor.id,
      title,
      body: body(title),
      bodyText: title,
      writer: '执笔人',
      writerPhone: '13800000000',
      signedOffBy: '审签人',
      createdAt: new Date(createdAt),
      ...data,
    },
  });
}

async function publish(issueDate: string, itemIds: number[], isPublished = true) {
  loginAs(editor);
  const { id } = await ok(issueActions.createIssueAction({ issueDate }));
  await ok(issueActions.addItemsToIssueAction({ id, itemIds }));
  if (!isPublished) return id;
  await ok(issueActions.submitIssueAction({ id }));
  loginAs(reviewer);
  await ok(issueActions.approveIssueAction({ id }));
  await publishIssue(id, editor);
  return id;
}

beforeAll(async () => {
  const publication = await db.publication.create({
    data: { name: '科协每周动态', publisher: '北京市科协办公室', distribution: ['市科协驻会领导'], startYear: 2030, startYearNumber: 1, startTotalNumber: 100 },
  });
  sectionId = (await db.section.create({ data: { publicationId: publication.id, name: '区科协动态', position: 0 } })).id;
  editor = await createTestUser({ roles: ['EDITOR'] });
  reviewer = await createTestUser({ roles: ['REVIEWER'] });
  admin = await createTestUser({ roles: ['ADMIN'] });
  loginAs(admin);
  unit.district = (await ok(unitActions.createUnitAction({ name: '平谷区科协', kind: 'DISTRICT', shortNames: '平谷科协' }))).id;
  unit.centre = (await ok(unitActions.createUnitAction({ name: '北京科技社团服务中心', kind: 'AFFILIATE', shortNames: '科技社团服务中心' }))).id;
  unit.quiet = (await ok(unitActions.createUnitAction({ name: '北京土壤学会', kind: 'SOCIETY' }))).id;
  unit.closed = (await ok(unitActions.createUnitAction({ name: '已撤销学会', kind: 'SOCIETY', isActive: false }))).id;
  // From 2030-04-01 单独采用 counts 2.
  await ok(unitActions.createPointRuleSetAction({ effectiveFrom: '2030-04-01', singleAdoption: '2', mergedAdoption: '0.5', requestBonus: '1', instructionBonus: '2' }));

  const request = await db.submissionRequest.create({
    data: { topic: '科普月', details: '请报送科普月活动', deadline: new Date('2030-01-20'), createdById: editor.id },
  });
  // Q1: the district's answer to the 约稿, adopted on its own (1 + 1).
  const single = await readyItem('平谷区科协开展科普月活动', ['平谷区科协']);
  await submission(unit.district, '2030-01-05T10:00:00+08:00', { status: 'ADOPTED', itemId: single, requestId: request.id });
  // One item from two submissions (综合采用, 0.5 each), with a 领导批示 (+2 each).
  const merged = await readyItem('各单位开展科技周活动', ['平谷区科协', '北京科技社团服务中心']);
  await submission(unit.district, '2030-01-06T10:00:00+08:00', { status: 'MERGED', itemId: merged });
  await submission(unit.centre, '2030-01-06T11:00:00+08:00', { status: 'MERGED', itemId: merged });
  await submission(unit.centre, '2030-01-07T11:00:00+08:00', { status: 'DECLINED' });
  // Not made from submissions, printed under the centre's short name: its 批示 credits the centre.
  const history = await readyItem('社团服务中心举办培训', ['科技社团服务中心']);
  const january = await publish('2030-01-11', [single, merged, history]);
  const positions = await db.archiveItem.findMany({ where: { issueId: january }, select: { position: true, title: true } });
  const at = (title: string) => positions.find((p) => p.title === title)!.position;
  loginAs(editor);
  await ok(unitActions.recordLeaderInstructionAction({ issueId: january, position: at('各单位开展科技周活动'), leader: '张副主席', date: '2030-01-15', text: '很好，请推广。' }));
  await ok(unitActions.recordLeaderInstructionAction({ issueId: january, position: at('社团服务中心举办培训'), leader: '李主席', date: '2030-01-16', text: '阅。' }));

  // Sent at 23:30 on 31 March in Beijing (15:30 UTC): sent in Q1, printed in Q2 under the new rules.
  const april = await readyItem('平谷区科协召开年会', ['平谷区科协']);
  await submission(unit.district, '2030-03-31T23:30:00+08:00', { status: 'ADOPTED', itemId: april });
  await publish('2030-04-05', [april]);
  // Adopted, but its issue is not published yet: not counted.
  const pending = await readyItem('土壤学会学术年会', ['北京土壤学会']);
  await submission(unit.quiet, '2030-06-01T09:00:00+08:00', { status: 'ADOPTED', itemId: pending });
  await publish('2030-06-07', [pending], false);
  await submission(unit.closed, '2030-02-01T09:00:00+08:00');
});

describe('采用统计 per unit', () => {
  it('counts a quarter exactly: points, rate and shared rank', async () => {
    const { rows, totals } = await getUnitAdoption(quarterPeriod(2030, 1));
    expect(rows.map(({ unit, submitted, single, merged, requested, instructions, points, rank }) => ({ unit, submitted, single, merged, requested, instructions, points, rank }))).toEqual([
      // 1 + 1 (约稿) + 0.5 + 2 (批示) = 4.5; sent three in Q1 (the last one at 23:30 Beijing time).
      { unit: '平谷区科协', submitted: 3, single: 1, merged: 1, requested: 1, instructions: 1, points: 450, rank: 1 },
      // 0.5 + 2 + 2 (批示 on its item printed under a short name) = 4.5: the same rank.
      { unit: '北京科技社团服务中心', submitted: 2, single: 0, merged: 1, requested: 0, instructions: 2, points: 450, rank: 1 },
      { unit: '北京土壤学会', submitted: 0, single: 0, merged: 0, requested: 0, instructions: 0, points: 0, rank: 3 },
    ]);
    expect(rows[0]!.rate).toBeCloseTo(2 / 3);
    expect(rows[1]!.rate).toBe(0.5);
    expect(rows[2]!.rate).toBeNull();
    expect(totals).toMatchObject({ units: 3, submitted: 5, single: 1, merged: 2, points: 900 });
  });

  it('uses the rules in effect on the issue date and leaves unpublished issues out', async () => {
    const q2 = await getUnitAdoption(quarterPeriod(2030, 2));
    expect(q2.rows.map((r) => [r.unit, r.submitted, r.single, r.points, r.rank])).toEqual([
      ['平谷区科协', 0, 1, 200, 1],
      ['北京土壤学会', 1, 0, 0, 2],
      ['北京科技社团服务中心', 0, 0, 0, 2],
    ]);
    const year = await getUnitAdoption(yearPeriod(2030));
    expect(year.rows.map((r) => [r.unit, r.points])).toEqual([
      ['平谷区科协', 650],
      ['北京科技社团服务中心', 450],
      ['北京土壤学会', 0],
    ]);
  });

  it('refuses a 领导批示 on an unpublished issue or a missing item, and a second rule set for one date', async () => {
    const unpublished = await db.issue.findFirstOrThrow({ where: { status: { not: 'PUBLISHED' } } });
    loginAs(editor);
    expect(await unitActions.recordLeaderInstructionAction({ issueId: unpublished.id, position: 0, leader: '张', date: '2030-06-10', text: '阅' })).toMatchObject({
      status: 409,
      message: '只能为已发布期次的稿件记录领导批示。',
    });
    const published = await db.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    expect(await unitActions.recordLeaderInstructionAction({ issueId: published.id, position: 99, leader: '张', date: '2030-06-10', text: '阅' })).toMatchObject({ status: 404 });
    expect(await unitActions.recordLeaderInstructionAction({ issueId: published.id, position: 0, leader: '', date: '2030-06-10', text: '阅' })).toMatchObject({ status: 400 });
    loginAs(reviewer);
    expect(await unitActions.recordLeaderInstructionAction({ issueId: published.id, position: 0, leader: '张', date: '2030-06-10', text: '阅' })).toMatchObject({ status: 403 });
    loginAs(admin);
    expect(await unitActions.createPointRuleSetAction({ effectiveFrom: '2030-04-01', singleAdoption: 1, mergedAdoption: 1, requestBonus: 1, instructionBonus: 1 })).toMatchObject({ status: 409 });
    expect(await unitActions.createPointRuleSetAction({ effectiveFrom: '2031-01-01', singleAdoption: '0.333', mergedAdoption: 1, requestBonus: 1, instructionBonus: 1 })).toMatchObject({ status: 400 });
    expect(await db.pointRuleSet.count()).toBe(1);
  });
});

describe('采用统计 files and the 通报', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'adoption-'));

  it('writes the CSV from the command line: one row per active unit, zeros included', () => {
    const out = path.join(dir, 'q1.csv');
    const printed = execFileSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/report.ts', 'adoption', '--year', '2030', '--quarter', '1', '--format', 'csv', '--out', out],
      { encoding: 'utf8', env: { ...process.env } },
    );
    expect(printed).toContain('2030年第一季度：3 个单位，报送 5 条，单独采用 1 条，综合采用 2 条');
    expect(readFileSync(out, 'utf8')).toBe(
      '\uFEFF单位,报送,单独采用,综合采用,采用率,得分\r\n平谷区科协,3,1,1,66.7%,4.5\r\n北京科技社团服务中心,2,0,1,50%,4.5\r\n北京土壤学会,0,0,0,—,0\r\n',
    );
    expect(() => execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/report.ts', 'adoption', '--year', '2030', '--quarter', '5', '--format', 'csv', '--out', out], { stdio: 'pipe' })).toThrow('report：--quarter 须为 1、2、3 或 4');
    // Two Node processes starting tsx: slow on a busy machine.
  }, 240_000);

  it('writes the 通报 as DOCX with the title, the totals and the ranked table', async () => {
    const report = await getAdoptionReport(quarterPeriod(2030, 1), '2030-04-03');
    const xml = strFromU8(unzipSync(new Uint8Array(await renderAdoptionFile(report, 'docx')))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2030年第一季度信息采用情况通报');
    expect(text).toContain('各单位共向《科协每周动态》报送信息5篇，单独采用1篇、综合采用2篇，获领导批示3次。');
    expect(text).toContain('1平谷区科协31166.7%4.5');
    expect(text).toContain('3北京土壤学会000—0');
    expect(text).toContain('北京市科协办公室2030年4月3日');
  });

  it.skipIf(!hasChromium())('prints the 通报 as an A4 PDF through the issue pipeline', async () => {
    const report = await getAdoptionReport(quarterPeriod(2030, 1), '2030-04-03');
    const file = path.join(dir, 'q1.pdf');
    writeFileSync(file, await renderAdoptionFile(report, 'pdf'));
    await closePdfBrowser();
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('2030年第一季度信息采用情况通报');
    expect(text).toMatch(/1\s+平谷区科协\s+3\s+1\s+1\s+66\.7%\s+4\.5/);
    expect(text).toMatch(/1\s+北京科技社团服务中心\s+2\s+0\s+1\s+50%\s+4\.5/);
    expect(text).toMatch(/2030年4月3日/);
  });
});
