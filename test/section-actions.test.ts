// The section catalogue (栏目管理) through its server actions, against a real database: the
// admin-only guard, name rules, the single lead section, reordering under concurrency, and
// what retiring means for pickers and for items that already point at a section.
import type * as NextAuth from 'next-auth';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callWithRawInput } from '@/lib/action-result';
import { db } from '@/lib/db';
import type { Role } from '@/lib/roles';
import { INVISIBLE_CHARACTER_HINT } from '@/lib/validations/common';
import { createTestUser } from './support/factories';

const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number; sid: string } }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof NextAuth>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const {
  createSectionAction,
  createSectionColumnAction,
  moveSectionAction,
  moveSectionColumnAction,
  renameSectionAction,
  renameSectionColumnAction,
  setSectionColumnRetiredAction,
  setSectionRetiredAction,
} = await import('@/lib/actions/sections');
const { getActiveSectionOptions, listSections } = await import('@/lib/data/sections');

async function loginAs(user: { id: number; sessionVersion: number }) {
  session.current = { uid: user.id, sv: user.sessionVersion, sid: `test-${user.id}` };
}

async function loginAsAdmin() {
  await loginAs(await createTestUser({ roles: ['ADMIN'] }));
}

/** Creates sections through the action, in order; returns their ids. */
/** Creates the sections and gives their ids, one per spec. */
async function addSections<const S extends readonly (string | { name: string; kind: 'LEAD' | 'REGULAR' })[]>(...specs: S): Promise<{ -readonly [K in keyof S]: number }> {
  const ids: number[] = [];
  for (const spec of specs) {
    const result = await createSectionAction(typeof spec === 'string' ? { name: spec } : spec);
    if (!result.ok) throw new Error(result.message);
    ids.push(result.data.id);
  }
  return ids as { -readonly [K in keyof S]: number };
}

async function catalogue() {
  return (await listSections({ includeRetired: true })).map((s) => [s.name, s.position, s.isRetired]);
}

async function storedPositions() {
  return (await db.section.findMany({ orderBy: { position: 'asc' }, select: { position: true } })).map((s) => s.position);
}

beforeAll(async () => {
  await db.publication.create({ data: { name: '科协每周动态', publisher: '北京市科协办公室', distribution: [] } });
});

beforeEach(async () => {
  session.current = null;
  await db.item.deleteMany();
  await db.sectionColumn.deleteMany();
  await db.section.deleteMany();
});

describe('section catalogue: access', () => {
  it('refuses a logged-out caller with 401', async () => {
    expect(await createSectionAction({ name: '学会动态' })).toMatchObject({ ok: false, status: 401 });
    expect(await db.section.count()).toBe(0);
  });

  it.each([['EDITOR'], ['STAFF'], ['REVIEWER']] as const)(
    'refuses a %s user with 403 and changes nothing',
    async (role: Role) => {
      await loginAsAdmin();
      const [leadId, sectionId, otherId] = await addSections({ name: '市科协要闻', kind: 'LEAD' }, '学会动态', '区科协动态');
      const column = await createSectionColumnAction({ sectionId, name: '首都科技工作者沙龙' });
      if (!column.ok) throw new Error(column.message);
      const before = await listSections({ includeRetired: true });

      await loginAs(await createTestUser({ roles: [role] }));
      const attempts = [
        createSectionAction({ name: '入侵栏目' }),
        createSectionAction({ name: '入侵要闻', kind: 'LEAD' }),
        renameSectionAction({ id: sectionId, name: '改名' }),
        moveSectionAction({ id: otherId, direction: 'up' }),
        setSectionRetiredAction({ id: leadId, isRetired: true }),
        createSectionColumnAction({ sectionId, name: '入侵专栏' }),
        renameSectionColumnAction({ id: column.data.id, name: '改名' }),
        moveSectionColumnAction({ id: column.data.id, direction: 'down' }),
        setSectionColumnRetiredAction({ id: column.data.id, isRetired: true }),
      ];
      for (const result of await Promise.all(attempts)) {
        expect(result).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
      }
      expect(await listSections({ includeRetired: true })).toEqual(before);
    },
  );
});

describe('section catalogue: sections', () => {
  it('inserts a new section at the chosen place in the print order', async () => {
    await loginAsAdmin();
    const [, society, district] = await addSections({ name: '市科协要闻', kind: 'LEAD' }, '学会动态', '区科协动态');
    expect(await createSectionAction({ name: '基层组织动态', beforeId: String(district) })).toMatchObject({ ok: true });
    expect(await createSectionAction({ name: '科普动态', beforeId: society })).toMatchObject({ ok: true });
    expect(await createSectionAction({ name: '附录', beforeId: '' })).toMatchObject({ ok: true });
    expect(await catalogue()).toEqual([
      ['市科协要闻', 0, false],
      ['科普动态', 1, false],
      ['学会动态', 2, false],
      ['基层组织动态', 3, false],
      ['区科协动态', 4, false],
      ['附录', 5, false],
    ]);
    expect(await storedPositions()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses a place the new section cannot take, with a Chinese message and nothing written', async () => {
    await loginAsAdmin();
    const [lead, society, retired] = await addSections({ name: '市科协要闻', kind: 'LEAD' }, '学会动态', '旧栏目');
    expect(await setSectionRetiredAction({ id: retired, isRetired: true })).toMatchObject({ ok: true });
    const before = await catalogue();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '新栏目', beforeId: lead }, '要闻栏目固定排在最前，新栏目只能排在它之后'],
      [{ name: '新栏目', beforeId: retired }, '不能排在已停用的栏目之前，请重选位置'],
      [{ name: '新栏目', beforeId: 2_000_000_000 }, '所选位置的栏目不存在，请刷新后重选'],
      [{ name: '新栏目', beforeId: 'first' }, '位置无效'],
      [{ name: '新栏目', beforeId: 3_000_000_000 }, '位置无效'],
    ];
    for (const [input, message] of cases) {
      expect(await callWithRawInput(createSectionAction, input), JSON.stringify(input)).toMatchObject({ ok: false, status: 400, fieldErrors: { beforeId: [message] } });
    }
    await setSectionRetiredAction({ id: lead, isRetired: true });
    expect(await createSectionAction({ name: '新要闻', kind: 'LEAD', beforeId: society })).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { beforeId: ['要闻栏目固定排在最前，不能指定位置'] },
    });
    await setSectionRetiredAction({ id: lead, isRetired: false });
    expect(await catalogue()).toEqual(before);
  });

  it('adds, renames, reorders and retires sections; the order is the stored position', async () => {
    await loginAsAdmin();
    const [a, b, c] = await addSections('学会动态', '区科协动态', '基层组织动态');
    expect(await catalogue()).toEqual([
      ['学会动态', 0, false],
      ['区科协动态', 1, false],
      ['基层组织动态', 2, false],
    ]);

    expect(await renameSectionAction({ id: b, name: '  区科协工作  ' })).toMatchObject({ ok: true });
    expect(await moveSectionAction({ id: c, direction: 'up' })).toEqual({ ok: true, data: { isMoved: true } });
    expect(await catalogue()).toEqual([
      ['学会动态', 0, false],
      ['基层组织动态', 1, false],
      ['区科协工作', 2, false],
    ]);
    // At the edge nothing moves, and that is not an error.
    expect(await moveSectionAction({ id: a, direction: 'up' })).toEqual({ ok: true, data: { isMoved: false } });
    expect(await moveSectionAction({ id: b, direction: 'down' })).toEqual({ ok: true, data: { isMoved: false } });

    // Retired sections go below the active ones and cannot be moved until restored.
    expect(await setSectionRetiredAction({ id: a, isRetired: true })).toMatchObject({ ok: true });
    expect(await catalogue()).toEqual([
      ['基层组织动态', 0, false],
      ['区科协工作', 1, false],
      ['学会动态', 2, true],
    ]);
    expect(await moveSectionAction({ id: a, direction: 'up' })).toMatchObject({ ok: false, status: 409 });
    expect((await listSections()).map((s) => s.name)).toEqual(['基层组织动态', '区科协工作']);

    // Restored at the end of the active sections.
    expect(await setSectionRetiredAction({ id: a, isRetired: 'false' })).toMatchObject({ ok: true });
    expect(await catalogue()).toEqual([
      ['基层组织动态', 0, false],
      ['区科协工作', 1, false],
      ['学会动态', 2, false],
    ]);
    expect(await moveSectionAction({ id: 999_999, direction: 'up' })).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses invalid names with Chinese messages next to the field', async () => {
    await loginAsAdmin();
    const cases: [unknown, string][] = [
      ['   ', '请输入名称'],
      [undefined, '请输入名称'],
      ['一二三四五六七八九十一二三四五六七八九十一', '名称不能超过20个字'],
      ['【学会动态】', '名称不要带【】，印刷时会自动加上'],
      ['学会\n动态', `名称含有不允许的字符${INVISIBLE_CHARACTER_HINT}`],
      ['学会\u200b动态', `名称含有不允许的字符${INVISIBLE_CHARACTER_HINT}`],
      ['学会\u202e动态', `名称含有不允许的字符${INVISIBLE_CHARACTER_HINT}`],
    ];
    for (const [name, message] of cases) {
      const result = await callWithRawInput(createSectionAction, { name });
      expect(result, String(name)).toMatchObject({ ok: false, status: 400, fieldErrors: { name: [message] } });
    }
    // Twenty characters is fine, counted as characters.
    expect(await createSectionAction({ name: '一二三四五六七八九十一二三四五六七八九十' })).toMatchObject({ ok: true });
    expect(await callWithRawInput(createSectionAction, { name: '学会动态', kind: 'SPECIAL' })).toMatchObject({
      status: 400,
      fieldErrors: { kind: ['栏目类型无效'] },
    });
    expect(await db.section.count()).toBe(1);
  });

  it('refuses a duplicate name among active sections, but a retired name may be reused', async () => {
    await loginAsAdmin();
    const [a, b] = await addSections('学会动态', '区科协动态');

    expect(await createSectionAction({ name: ' 学会动态 ' })).toMatchObject({
      ok: false,
      status: 409,
      code: 'DUPLICATE',
      fieldErrors: { name: ['已有同名的栏目，请换一个名称'] },
    });
    expect(await renameSectionAction({ id: b, name: '学会动态' })).toMatchObject({
      status: 409,
      fieldErrors: { name: ['已有同名的栏目，请换一个名称'] },
    });
    // Renaming a section to its own name is no conflict.
    expect(await renameSectionAction({ id: a, name: '学会动态' })).toMatchObject({ ok: true });

    expect(await setSectionRetiredAction({ id: a, isRetired: true })).toMatchObject({ ok: true });
    const reused = await createSectionAction({ name: '学会动态' });
    expect(reused).toMatchObject({ ok: true });
    // The old one cannot come back while the new one holds its name.
    expect(await setSectionRetiredAction({ id: a, isRetired: false })).toMatchObject({
      status: 409,
      message: '已有启用中的同名栏目“学会动态”，请先将其中一个改名。',
    });
    expect(await db.section.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ isRetired: true });
  });

  it('keeps one active lead section, always first', async () => {
    await loginAsAdmin();
    const [regular] = await addSections('学会动态');
    const [lead] = await addSections({ name: '市科协要闻', kind: 'LEAD' });
    // Created after a regular section, the lead still sorts first.
    expect(await catalogue()).toEqual([
      ['市科协要闻', 0, false],
      ['学会动态', 1, false],
    ]);

    expect(await createSectionAction({ name: '第二要闻', kind: 'LEAD' })).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { kind: ['已有要闻栏目“市科协要闻”，只能有一个'] },
    });
    // Neither move can put a regular section above the lead.
    expect(await moveSectionAction({ id: regular, direction: 'up' })).toEqual({ ok: true, data: { isMoved: false } });
    expect(await moveSectionAction({ id: lead, direction: 'down' })).toEqual({ ok: true, data: { isMoved: false } });
    expect(await catalogue()).toEqual([
      ['市科协要闻', 0, false],
      ['学会动态', 1, false],
    ]);

    // A retired lead makes room for a new one; restoring the old one is then refused.
    expect(await setSectionRetiredAction({ id: lead, isRetired: true })).toMatchObject({ ok: true });
    const [newLead] = await addSections({ name: '本会要闻', kind: 'LEAD' });
    expect(await setSectionRetiredAction({ id: lead, isRetired: false })).toMatchObject({
      status: 409,
      message: '已有启用中的要闻栏目“本会要闻”，要闻栏目只能有一个。',
    });
    expect(await catalogue()).toEqual([
      ['本会要闻', 0, false],
      ['学会动态', 1, false],
      ['市科协要闻', 2, true],
    ]);
    // Once the new lead is retired, the old one comes back first.
    expect(await setSectionRetiredAction({ id: newLead, isRetired: true })).toMatchObject({ ok: true });
    expect(await setSectionRetiredAction({ id: lead, isRetired: false })).toMatchObject({ ok: true });
    expect((await listSections()).map((s) => [s.name, s.kind, s.position])).toEqual([
      ['市科协要闻', 'LEAD', 0],
      ['学会动态', 'REGULAR', 1],
    ]);
    expect(await db.section.count({ where: { kind: 'LEAD', isRetired: false } })).toBe(1);
  });

  it('leaves positions 0..n-1 without duplicates after concurrent moves', async () => {
    await loginAsAdmin();
    const ids = await addSections(
      { name: '市科协要闻', kind: 'LEAD' },
      '学会动态',
      '区科协动态',
      '基层组织动态',
      '科普动态',
      '企业科协动态',
      '高校科协动态',
    );
    const moves = Array.from({ length: 10 }, (_, i) =>
      moveSectionAction({ id: ids[1 + (i % 6)]!, direction: i % 3 === 0 ? 'down' : 'up' }),
    );
    const results = await Promise.all(moves);
    for (const result of results) expect(result).toMatchObject({ ok: true });

    expect(await storedPositions()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const sections = await listSections();
    expect(sections[0]).toMatchObject({ name: '市科协要闻', kind: 'LEAD' });
    expect(new Set(sections.map((s) => s.id))).toEqual(new Set(ids));
  });

  it('serializes concurrent creates: distinct positions, and one winner per name', async () => {
    await loginAsAdmin();
    const names = ['甲栏目', '乙栏目', '丙栏目', '丁栏目', '甲栏目', '乙栏目'];
    const results = await Promise.all(names.map((name) => createSectionAction({ name })));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'DUPLICATE')).toBe(true);
    expect(await storedPositions()).toEqual([0, 1, 2, 3]);
  });
});

describe('section catalogue: columns', () => {
  it('adds, renames, reorders, retires and restores columns inside a section', async () => {
    await loginAsAdmin();
    const [sectionId, otherId] = await addSections('基层组织动态', '学会动态');
    const ids: number[] = [];
    for (const name of ['首都科技工作者沙龙', '科技志愿服务', '创新驿站']) {
      const result = await createSectionColumnAction({ sectionId, name });
      if (!result.ok) throw new Error(result.message);
      ids.push(result.data.id);
    }
    const [salon, volunteers, station] = ids as [number, number, number];
    const columnsOf = async () =>
      (await listSections({ includeRetired: true }))
        .find((s) => s.id === sectionId)!
        .columns.map((c) => [c.name, c.position, c.isRetired]);

    expect(await renameSectionColumnAction({ id: volunteers, name: '科技志愿者' })).toMatchObject({ ok: true });
    expect(await moveSectionColumnAction({ id: station, direction: 'up' })).toEqual({ ok: true, data: { isMoved: true } });
    expect(await columnsOf()).toEqual([
      ['首都科技工作者沙龙', 0, false],
      ['创新驿站', 1, false],
      ['科技志愿者', 2, false],
    ]);

    // Unique within the section (active columns only), free across sections.
    expect(await createSectionColumnAction({ sectionId, name: '创新驿站' })).toMatchObject({
      status: 409,
      fieldErrors: { name: ['本栏目中已有同名的专栏，请换一个名称'] },
    });
    expect(await renameSectionColumnAction({ id: salon, name: '创新驿站' })).toMatchObject({ status: 409 });
    expect(await createSectionColumnAction({ sectionId: otherId, name: '创新驿站' })).toMatchObject({ ok: true });
    expect(await createSectionColumnAction({ sectionId, name: '【沙龙】' })).toMatchObject({
      status: 400,
      fieldErrors: { name: ['名称不要带【】，印刷时会自动加上'] },
    });

    expect(await setSectionColumnRetiredAction({ id: salon, isRetired: true })).toMatchObject({ ok: true });
    expect(await columnsOf()).toEqual([
      ['创新驿站', 0, false],
      ['科技志愿者', 1, false],
      ['首都科技工作者沙龙', 2, true],
    ]);
    expect(await moveSectionColumnAction({ id: salon, direction: 'up' })).toMatchObject({ status: 409 });
    const options = await getActiveSectionOptions();
    expect(options.find((s) => s.id === sectionId)?.columns.map((c) => c.name)).toEqual(['创新驿站', '科技志愿者']);

    expect(await setSectionColumnRetiredAction({ id: salon, isRetired: false })).toMatchObject({ ok: true });
    expect((await columnsOf()).map(([name]) => name)).toEqual(['创新驿站', '科技志愿者', '首都科技工作者沙龙']);

    // A retired section takes no new columns.
    expect(await setSectionRetiredAction({ id: otherId, isRetired: true })).toMatchObject({ ok: true });
    expect(await createSectionColumnAction({ sectionId: otherId, name: '新专栏' })).toMatchObject({ status: 409 });
  });
});

describe('section catalogue: retiring and items', () => {
  it('drops a retired section from the pickers while its items still read its name', async () => {
    await loginAsAdmin();
    const [keptId, retiredId] = (await addSections('学会动态', '区科协动态')) as [number, number];
    const column = await createSectionColumnAction({ sectionId: retiredId, name: '区域动态' });
    if (!column.ok) throw new Error(column.message);
    const author = await createTestUser({ roles: ['EDITOR'] });
    const item = await db.item.create({
      data: {
        title: '怀柔区科协召开年度工作会',
        sectionId: retiredId,
        columnId: column.data.id,
        sources: ['怀柔区科协'],
        body: { type: 'doc', content: [] },
        bodyText: '',
        authorId: author.id,
      },
    });

    expect((await getActiveSectionOptions()).map((s) => s.name)).toEqual(['学会动态', '区科协动态']);
    expect(await setSectionRetiredAction({ id: retiredId, isRetired: true })).toMatchObject({ ok: true });

    expect(await getActiveSectionOptions()).toEqual([{ id: keptId, name: '学会动态', kind: 'REGULAR', columns: [] }]);
    const stored = await db.item.findUniqueOrThrow({
      where: { id: item.id },
      select: { section: { select: { name: true } }, column: { select: { name: true } } },
    });
    expect(stored).toEqual({ section: { name: '区科协动态' }, column: { name: '区域动态' } });
  });
});
