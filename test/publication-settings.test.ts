// Publication settings (刊物设置) through the server action, against a real database: the
// admin-only guard, the field rules, and the numbering start point, which is fixed once an
// issue is published while everything else stays editable.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callWithRawInput } from '@/lib/action-result';
import { db } from '@/lib/db';
import type { Role } from '@/lib/roles';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';
import { INVISIBLE_CHARACTER_HINT } from '@/lib/validations/common';

const publicationActions = await import('@/lib/actions/publication');
/** The settings form posts its fields as the browser sends them (strings, raw): the action parses them. */
const updatePublicationSettingsAction = (input: unknown) => callWithRawInput(publicationActions.updatePublicationSettingsAction, input);
const { getPublicationSettings } = await import('@/lib/data/publication');

const INITIAL = {
  name: '科协每周动态',
  publisher: '北京市科协办公室',
  distribution: ['市科协第十届委员会主席、副主席、常委、委员', '市科协驻会领导'],
  contentsOnOwnPage: false,
  contentsStyle: 'HEADLINES' as const,
  startYear: null,
  startYearNumber: 1,
  startTotalNumber: 1,
};

/** What the form sends: strings, the 分送 textarea as one string, the checked box as 'true'. */
const FORM = {
  name: '  科协每周动态（内部）  ',
  publisher: '北京市科学技术协会办公室',
  distribution: '市科协第十届委员会主席、副主席、常委、委员\r\n\r\n  市科协驻会领导  \n机关各部门及事业单位\n\n',
  contentsOnOwnPage: 'true',
  contentsStyle: 'SECTIONS',
  startYear: '2023',
  startYearNumber: '7',
  startTotalNumber: '60',
};

/** What FORM is stored as: trimmed, the 分送 lines without the empty ones (order kept), numbers parsed. */
const SAVED = {
  name: '科协每周动态（内部）',
  publisher: '北京市科学技术协会办公室',
  distribution: ['市科协第十届委员会主席、副主席、常委、委员', '市科协驻会领导', '机关各部门及事业单位'],
  contentsOnOwnPage: true,
  contentsStyle: 'SECTIONS' as const,
  startYear: 2023,
  startYearNumber: 7,
  startTotalNumber: 60,
};

/** The same, with the start point left out (what the form sends once it is locked). */
const FORM_WITHOUT_START = {
  name: FORM.name,
  publisher: FORM.publisher,
  distribution: FORM.distribution,
  contentsOnOwnPage: FORM.contentsOnOwnPage,
  contentsStyle: FORM.contentsStyle,
};

let publicationId: number;
let admin: Awaited<ReturnType<typeof createTestUser>>;

/** The columns the form edits (those of INITIAL), read straight from the table. */
async function storedSettings() {
  const select = Object.fromEntries(Object.keys(INITIAL).map((key) => [key, true])) as Record<keyof typeof INITIAL, true>;
  return db.publication.findUniqueOrThrow({ where: { id: publicationId }, select });
}

async function createIssue(fields: { issueDate: string; yearNumber: number; totalNumber: number; status?: 'PUBLISHED' }) {
  return db.issue.create({
    data: {
      publicationId,
      issueDate: new Date(`${fields.issueDate}T00:00:00Z`),
      year: Number(fields.issueDate.slice(0, 4)),
      yearNumber: fields.yearNumber,
      totalNumber: fields.totalNumber,
      status: fields.status ?? 'ASSEMBLING',
      createdById: admin.id,
    },
  });
}

beforeAll(async () => {
  publicationId = (await db.publication.create({ data: INITIAL })).id;
  admin = await createTestUser({ roles: ['ADMIN'] });
});

beforeEach(async () => {
  loginAs(admin);
  // A published issue can never be deleted (a database trigger refuses it), so only the last
  // describe block publishes one; every other test starts without issues.
  await db.issue.deleteMany({ where: { status: { not: 'PUBLISHED' } } });
  await db.publication.update({ where: { id: publicationId }, data: INITIAL });
});

describe('publication settings: saving', () => {
  it('saves what the form sends, normalized, and shows it back', async () => {
    const result = await updatePublicationSettingsAction(FORM);
    expect(result).toMatchObject({ ok: true, data: { isStartChanged: true, isStartLocked: false } });

    expect(await storedSettings()).toEqual(SAVED);
    expect(await getPublicationSettings()).toEqual({
      ...SAVED,
      id: publicationId,
      slug: expect.any(String),
      mastheadTitle: null,
      isStartLocked: false,
      firstPublished: null,
      lastPublished: null,
      lastImported: null,
      unpublishedIssueCount: 0,
    });
  });

  it('accepts a list of 分送 lines and full-width digits; an unchecked box means false', async () => {
    await db.publication.update({ where: { id: publicationId }, data: { contentsOnOwnPage: true } });
    const result = await updatePublicationSettingsAction({
      name: '科协每周动态',
      publisher: '北京市科协办公室',
      distribution: ['  甲  ', '', '乙'],
      startYear: '２０２４',
      startYearNumber: '１',
      startTotalNumber: '１００',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await storedSettings()).toMatchObject({
      distribution: ['甲', '乙'],
      contentsOnOwnPage: false,
      // Left out: kept as stored.
      contentsStyle: 'HEADLINES',
      startYear: 2024,
      startYearNumber: 1,
      startTotalNumber: 100,
    });
  });

  it('keeps the start point when the request leaves it out', async () => {
    await db.publication.update({
      where: { id: publicationId },
      data: { startYear: 2023, startYearNumber: 7, startTotalNumber: 60 },
    });
    const result = await updatePublicationSettingsAction(FORM_WITHOUT_START);
    expect(result).toMatchObject({ ok: true, data: { isStartChanged: false, name: '科协每周动态（内部）' } });
    expect(await storedSettings()).toMatchObject({ startYear: 2023, startYearNumber: 7, startTotalNumber: 60 });
  });

  it('renumbers the issues being prepared when the start point changes', async () => {
    const first = await createIssue({ issueDate: '2023-04-21', yearNumber: 1, totalNumber: 1 });
    const second = await createIssue({ issueDate: '2023-04-28', yearNumber: 2, totalNumber: 2 });
    const nextYear = await createIssue({ issueDate: '2024-01-05', yearNumber: 1, totalNumber: 3 });

    const result = await updatePublicationSettingsAction(FORM);
    expect(result).toMatchObject({ ok: true, data: { isStartChanged: true, unpublishedIssueCount: 3 } });
    const numbers = await db.issue.findMany({
      orderBy: { issueDate: 'asc' },
      select: { id: true, year: true, yearNumber: true, totalNumber: true },
    });
    expect(numbers).toEqual([
      { id: first.id, year: 2023, yearNumber: 7, totalNumber: 60 },
      { id: second.id, year: 2023, yearNumber: 8, totalNumber: 61 },
      // A new year starts again at 第1期; the cumulative number carries on.
      { id: nextYear.id, year: 2024, yearNumber: 1, totalNumber: 62 },
    ]);
  });

  it('refuses a start year after the year of an issue being prepared', async () => {
    await createIssue({ issueDate: '2023-12-29', yearNumber: 1, totalNumber: 1 });
    const result = await updatePublicationSettingsAction({ ...FORM, startYear: '2024' });
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { startYear: ['已有2023年的期正在准备中，起点年份不能晚于2023年。'] },
    });
    expect(await storedSettings()).toEqual(INITIAL);
  });
});

describe('publication settings: invalid input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['name', { name: '   ' }, '请输入刊物名称'],
    ['name', { name: undefined }, '请输入刊物名称'],
    ['name', { name: '一二三四五六七八九十一二三四五六七八九十一' }, '刊物名称不能超过20个字'],
    ['name', { name: '科协\u200b每周动态' }, `刊物名称含有不允许的字符${INVISIBLE_CHARACTER_HINT}`],
    ['publisher', { publisher: '' }, '请输入编印单位'],
    ['publisher', { publisher: '北'.repeat(31) }, '编印单位不能超过30个字'],
    ['distribution', { distribution: '\n  \n' }, '请至少填写一行分送范围'],
    ['distribution', { distribution: undefined }, '请填写分送范围'],
    [
      'distribution',
      { distribution: Array.from({ length: 13 }, (_, i) => `单位${i + 1}`).join('\n') },
      '分送最多12行，现有13行',
    ],
    ['distribution', { distribution: `甲\n${'乙'.repeat(61)}\n丙\n${'丁'.repeat(61)}` }, '第2、4行超过60个字'],
    ['distribution', { distribution: '甲\n乙\t丙' }, `第2行含有不允许的字符${INVISIBLE_CHARACTER_HINT}`],
    ['contentsOnOwnPage', { contentsOnOwnPage: 'maybe' }, '选项无效'],
    ['contentsStyle', { contentsStyle: 'TITLES' }, '请选择目录提要的生成方式'],
    ['contentsStyle', { contentsStyle: ['SECTIONS'] }, '请选择目录提要的生成方式'],
    ['startYear', { startYear: '' }, '请输入年份'],
    ['startYear', { startYear: '1999' }, '年份须在2000–2100之间'],
    ['startYear', { startYear: '2101' }, '年份须在2000–2100之间'],
    ['startYear', { startYear: '二〇二三' }, '年份须为整数'],
    ['startYear', { startYear: undefined }, '请输入年份'],
    ['startYearNumber', { startYearNumber: '0' }, '年度期号须在1–999之间'],
    ['startYearNumber', { startYearNumber: '7.5' }, '年度期号须为整数'],
    ['startTotalNumber', { startTotalNumber: '' }, '请输入总期号'],
    ['startTotalNumber', { startTotalNumber: '-3' }, '总期号须为整数'],
    ['startTotalNumber', { startTotalNumber: '6' }, '总期号不能小于年度期号'],
  ];

  it.each(cases)('refuses a bad %s (%j) with “%s” and writes nothing', async (field, change, message) => {
    const result = await updatePublicationSettingsAction({ ...FORM, ...change });
    expect(result).toMatchObject({ ok: false, status: 400, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.[field]).toContain(message);
    expect(await storedSettings()).toEqual(INITIAL);
  });

  it('reports every bad field at once', async () => {
    const result = await updatePublicationSettingsAction({ name: '', publisher: '', distribution: '', startTotalNumber: '0' });
    if (result.ok) throw new Error('unreachable');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      ['distribution', 'name', 'publisher', 'startTotalNumber', 'startYear', 'startYearNumber'].sort(),
    );
  });
});

describe('publication settings: access', () => {
  it('refuses a logged-out caller with 401', async () => {
    loginAs(null);
    expect(await updatePublicationSettingsAction(FORM)).toMatchObject({ ok: false, status: 401 });
    expect(await storedSettings()).toEqual(INITIAL);
  });

  it.each([['EDITOR'], ['STAFF'], ['REVIEWER']] as const)('refuses a %s user with 403 and changes nothing', async (role: Role) => {
    loginAs(await createTestUser({ roles: [role] }));
    const result = await updatePublicationSettingsAction(FORM);
    expect(result).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN', message: '您没有执行此操作的权限。' });
    expect(await storedSettings()).toEqual(INITIAL);
  });
});

// Last in the file: the published issue stays (see the top-level beforeEach).
describe('publication settings: the start point once an issue is published', () => {
  const START = { startYear: 2023, startYearNumber: 7, startTotalNumber: 60 };

  beforeAll(async () => {
    await db.publication.update({ where: { id: publicationId }, data: START });
    // The first issue published with the system carries the start point's numbers (the
    // trigger refuses any other number for it).
    await createIssue({ issueDate: '2023-04-28', yearNumber: 7, totalNumber: 60, status: 'PUBLISHED' });
  });

  beforeEach(async () => {
    await db.publication.update({ where: { id: publicationId }, data: START });
  });

  it('is shown as locked', async () => {
    expect(await getPublicationSettings()).toMatchObject({ isStartLocked: true, startYear: 2023, startTotalNumber: 60 });
  });

  it.each([
    ['startYear', { startYear: '2024' }],
    ['startYearNumber', { startYearNumber: '8' }],
    ['startTotalNumber', { startTotalNumber: '61' }],
  ])('refuses a change of %s with 409 and saves nothing of the request', async (_field, change) => {
    const before = await storedSettings();
    const result = await updatePublicationSettingsAction({ ...FORM, ...change });
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      code: 'CONFLICT',
      message: '已有期刊发布，编号起点已经固定，不能再修改。刊物名称、编印单位、分送和目录提要设置仍可修改。',
    });
    expect(await storedSettings()).toEqual(before);
  });

  it('still saves the other fields, with the start point left out or unchanged', async () => {
    expect(await updatePublicationSettingsAction(FORM_WITHOUT_START)).toMatchObject({
      ok: true,
      data: { isStartChanged: false, isStartLocked: true },
    });
    expect(await storedSettings()).toEqual(SAVED);

    // The same start point sent again is not a change.
    const unchanged = await updatePublicationSettingsAction({ ...FORM, name: '科协动态', contentsOnOwnPage: undefined });
    expect(unchanged).toMatchObject({ ok: true, data: { isStartChanged: false } });
    expect(await storedSettings()).toMatchObject({ name: '科协动态', contentsOnOwnPage: false, startTotalNumber: 60 });
  });
});

describe('publication settings: bodies that are not a form', () => {
  it.each([[null], [[]], ['text'], [0]])('answers %j with 400, not a crash', async (body) => {
    loginAs(await createTestUser({ roles: ['ADMIN'] }));
    expect(await updatePublicationSettingsAction(body)).toMatchObject({ ok: false, status: 400 });
  });
});
