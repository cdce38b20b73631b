import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callWithRawInput } from '@/lib/action-result';
import { db, Prisma } from '@/lib/db';
import { countBodyCharacters } from '@/lib/layout/estimate';
import { renderBodyHtml } from '@/lib/render-body';
import type { ItemBody } from '@/lib/validations/item-body';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';
import { explain } from './support/query-plan';

const { createItemAction, saveItemAction, restoreItemVersionAction } = await import('@/lib/actions/items');
const { getItemHistory, listItems, countItemsBySection } = await import('@/lib/data/items');

function body(...paragraphs: string[]): ItemBody {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

let sectionId: number;
let otherSectionId: number;
let editor: Awaited<ReturnType<typeof createTestUser>>;
let colleague: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  const publication = await db.publication.create({ data: { name: '科协每周动态', publisher: '北京市科协办公室' } });
  sectionId = (await db.section.create({ data: { publicationId: publication.id, name: '学会动态', position: 1 } })).id;
  otherSectionId = (await db.section.create({ data: { publicationId: publication.id, name: '区科协动态', position: 2 } })).id;
  editor = await createTestUser({ roles: ['EDITOR'] });
  colleague = await createTestUser({ roles: ['EDITOR'] });
});

beforeEach(() => loginAs(editor));

async function newItem(fields: Partial<Parameters<typeof createItemAction>[0] & object> = {}) {
  const result = await createItemAction({ title: '密云区科协第二次代表大会召开', sectionId, body: body('4月25日，大会召开。'), sources: ['密云区科协'], ...fields });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('saving items', () => {
  it('creates version 1 with history, plain text and sources', async () => {
    const { id, version } = await newItem();
    expect(version).toBe(1);
    const item = await db.item.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({ bodyText: '4月25日，大会召开。', sources: ['密云区科协'], status: 'DRAFT', authorId: editor.id });
    expect(await getItemHistory(id)).toHaveLength(1);
  });

  it('keeps a chosen title break, once, through saves and history', async () => {
    const { id } = await newItem({ title: '市科协召开2023年区科协联席会暨 \r\n 全市科协系统工作会议' });
    expect((await db.item.findUniqueOrThrow({ where: { id } })).title).toBe('市科协召开2023年区科协联席会暨\n全市科协系统工作会议');
    const twice = await saveItemAction({ id, baseVersion: 1, title: '一\n二\n三', sectionId, body: body('正文') });
    expect(twice).toMatchObject({ ok: false, status: 400, fieldErrors: { title: ['标题最多分两行（只能有一处换行）'] } });
    expect(await saveItemAction({ id, baseVersion: 1, title: '市科协召开\n联席会', sectionId, body: body('正文') })).toMatchObject({ ok: true });
    expect((await getItemHistory(id)).map((version) => version.title)).toEqual(['市科协召开\n联席会', '市科协召开2023年区科协联席会暨\n全市科协系统工作会议']);
  });

  it('refuses a stale save and returns the current text instead of overwriting', async () => {
    const { id } = await newItem();
    loginAs(colleague);
    const first = await saveItemAction({ id, baseVersion: 1, title: '同事的标题', sectionId, body: body('同事写的段落。') });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });

    loginAs(editor);
    const stale = await saveItemAction({ id, baseVersion: 1, title: '我的标题', sectionId, body: body('我写的段落。') });
    expect(stale).toMatchObject({ ok: false, status: 409, code: 'CONFLICT' });
    if (stale.ok) throw new Error('unreachable');
    expect(stale.details).toMatchObject({ version: 2, title: '同事的标题', bodyText: '同事写的段落。' });
    expect((await db.item.findUniqueOrThrow({ where: { id } })).title).toBe('同事的标题');

    // Having seen both, the editor keeps theirs over it: a save from version 2 goes through.
    expect(await saveItemAction({ id, baseVersion: 2, title: '我的标题', sectionId, body: body('我写的段落。') })).toMatchObject({
      ok: true,
      data: { version: 3 },
    });
    const history = await getItemHistory(id);
    expect(history.map((v) => v.bodyText)).toEqual(['我写的段落。', '同事写的段落。', '4月25日，大会召开。']);
  });

  it('lets exactly one of many concurrent saves from one version win', async () => {
    const { id } = await newItem();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => saveItemAction({ id, baseVersion: 1, title: `并发${i}`, sectionId, body: body(`内容${i}`) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(7);
    expect((await db.item.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it('folds one editor’s consecutive autosaves into one history entry', async () => {
    const { id } = await newItem();
    loginAs(colleague);
    let version = 1;
    for (const text of ['一', '一二', '一二三']) {
      const result = await saveItemAction({ id, baseVersion: version, title: '标题', sectionId, body: body(text) });
      if (!result.ok) throw new Error(result.message);
      version = result.data.version;
    }
    const history = await getItemHistory(id);
    expect(history.map((v) => [v.version, v.bodyText])).toEqual([
      [4, '一二三'],
      [1, '4月25日，大会召开。'],
    ]);
    // Another editor in between starts a new entry.
    loginAs(editor);
    expect(await saveItemAction({ id, baseVersion: 4, title: '标题', sectionId, body: body('编辑改') })).toMatchObject({ ok: true });
    expect((await getItemHistory(id)).map((v) => v.version)).toEqual([5, 4, 1]);
  });

  it('restores an old version as a new version, keeping the newer one in history', async () => {
    const { id } = await newItem();
    await saveItemAction({ id, baseVersion: 1, title: '改过的标题', sectionId, body: body('改过的正文。') });
    const restored = await restoreItemVersionAction({ id, version: 1, baseVersion: 2 });
    expect(restored).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: '密云区科协第二次代表大会召开', version: 3 });
    const history = await getItemHistory(id);
    expect(history[0]).toMatchObject({ version: 3, note: '恢复自第1版' });
    expect(history.map((v) => v.title)).toContain('改过的标题');
  });
});

describe('validation', () => {
  it.each([
    ['an empty title', { title: '   ' }, 'title', '请输入标题'],
    ['an over-long title', { title: '长'.repeat(61) }, 'title', '标题不能超过60个字'],
    ['an unknown section', { sectionId: 999_999 }, 'sectionId', '栏目不存在'],
    ['a source with brackets', { sources: ['（怀柔区科协）'] }, 'sources', undefined],
  ])('refuses %s with a message on the field and writes nothing', async (_name, patch, field, message) => {
    const before = await db.item.count();
    const result = await createItemAction({ title: '标题', sectionId, body: body('正文'), ...patch });
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (result.ok) throw new Error('unreachable');
    const errors = Object.entries(result.fieldErrors ?? {}).find(([key]) => key.startsWith(field))?.[1];
    expect(errors?.length).toBeGreaterThan(0);
    if (message) expect(errors).toContain(message);
    expect(await db.item.count()).toBe(before);
  });

  it.each([
    ['a heading', { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }] }],
    ['an image', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'http://evil/x.png' } }] }] }],
    ['a link mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }],
    ['a colour attribute', { type: 'doc', content: [{ type: 'paragraph', attrs: { style: 'color:red' }, content: [{ type: 'text', text: 'x' }] }] }],
    ['not a document', '<p>hello</p>'],
    ['a body over the size limit', body('长'.repeat(20_001))],
  ])('refuses a body with %s', async (_name, badBody) => {
    const before = await db.item.count();
    const result = await callWithRawInput(createItemAction, { title: '标题', sectionId, body: badBody });
    expect(result).toMatchObject({ ok: false, status: 400, code: 'INVALID_INPUT' });
    expect(await db.item.count()).toBe(before);
  });

  it('keeps a since-retired section on an existing item but refuses it for new ones', async () => {
    const section = await db.section.create({ data: { publicationId: (await db.publication.findFirstOrThrow()).id, name: '旧栏目', position: 9 } });
    const { id } = await newItem({ sectionId: section.id });
    await db.section.update({ where: { id: section.id }, data: { isRetired: true } });

    expect(await saveItemAction({ id, baseVersion: 1, title: '仍在旧栏目', sectionId: section.id, body: body('正文') })).toMatchObject({ ok: true });
    const fresh = await createItemAction({ title: '新稿件', sectionId: section.id, body: body('正文') });
    expect(fresh).toMatchObject({ ok: false, status: 400, fieldErrors: { sectionId: ['该栏目已停用，请选择其他栏目'] } });
    const [listed] = (await listItems({ q: '仍在旧栏目' })).items;
    expect(listed?.section).toMatchObject({ name: '旧栏目', isRetired: true });
  });

  it('shows the same character count in the list as the editor does for the body', async () => {
    // A character outside the BMP, half- and full-width spaces, a line break and an empty
    // paragraph: counted as the reader sees them, not as UTF-16 units or stored separators.
    const text: ItemBody = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '𠮷野家 2 月 22 日，' }, { type: 'hardBreak' }, { type: 'text', text: 'Hello world。', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '\u3000\u3000全角空格之后。 ' }] },
      ],
    };
    const { id } = await newItem({ title: '字数一致', body: text });
    const [listed] = (await listItems({ q: '字数一致' })).items;
    expect(listed?.id).toBe(id);
    expect(countBodyCharacters(text)).toBe(27);
    expect(listed?.characterCount).toBe(countBodyCharacters(text));
  });
});

describe('permissions', () => {
  it.each([['STAFF'], ['REVIEWER'], ['ADMIN']] as const)('refuses a %s user: no item is created or changed', async (role) => {
    const { id } = await newItem();
    loginAs(await createTestUser({ roles: [role] }));
    const before = await db.item.count();
    expect(await createItemAction({ title: '越权', sectionId, body: body('x') })).toMatchObject({ status: 403 });
    expect(await saveItemAction({ id, baseVersion: 1, title: '越权', sectionId, body: body('x') })).toMatchObject({ status: 403 });
    expect(await restoreItemVersionAction({ id, version: 1, baseVersion: 1 })).toMatchObject({ status: 403 });
    expect(await db.item.count()).toBe(before);
    expect(await db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, title: '密云区科协第二次代表大会召开' });
  });
});

describe('lists', () => {
  it('filters by section, status, author and title, and counts per section', async () => {
    loginAs(colleague);
    const mark = `筛选${Date.now()}`;
    await newItem({ title: `${mark}甲`, status: 'READY' });
    await newItem({ title: `${mark}乙`, sectionId: otherSectionId });
    expect((await listItems({ q: mark })).items.map((i) => i.title).sort()).toEqual([`${mark}乙`, `${mark}甲`]);
    expect((await listItems({ q: mark, status: 'READY' })).items.map((i) => i.title)).toEqual([`${mark}甲`]);
    expect((await listItems({ q: mark, sectionId: otherSectionId })).items.map((i) => i.title)).toEqual([`${mark}乙`]);
    expect((await listItems({ q: mark, authorId: editor.id })).items).toEqual([]);
    const counts = await countItemsBySection({ q: mark });
    expect([counts.get(sectionId), counts.get(otherSectionId)]).toEqual([1, 1]);
  });

  it('has an index in the list’s own order, so a page is read without sorting every item', async () => {
    // listItems' order. With sorting switched off, a plan that still sorts means no index gives it.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      await tx.$executeRaw`SET LOCAL enable_incremental_sort = off`;
      return explain(Prisma.sql`SELECT "id" FROM "Item" ORDER BY "updatedAt" DESC, "id" DESC LIMIT 50`, { client: tx });
    });
    expect(plan).toMatch(/Index (Only )?Scan using "Item_updatedAt_id_idx"/);
    expect(plan).not.toMatch(/Sort/);
  });
});

describe('the stage an item is at', () => {
  it('shows 已编入 and 已刊发, and leaves published items out of the default list', async () => {
    const mark = `阶段${Date.now()}`;
    await newItem({ title: `${mark}待编`, status: 'READY' });
    const placed = await newItem({ title: `${mark}已编入`, status: 'READY' });
    const published = await newItem({ title: `${mark}已刊发`, status: 'READY' });
    await newItem({ title: `${mark}草稿` });
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const issue = (status: 'ASSEMBLING' | 'PUBLISHED', number: number) =>
      db.issue.create({ data: { publicationId, issueDate: new Date(`2031-01-0${number}T00:00:00Z`), year: 2031, yearNumber: number, totalNumber: number, status, createdById: editor.id } });
    // Published in number order: the published issue comes first.
    await db.item.update({ where: { id: published.id }, data: { issueId: (await issue('PUBLISHED', 1)).id, issuePosition: 0 } });
    await db.item.update({ where: { id: placed.id }, data: { issueId: (await issue('ASSEMBLING', 2)).id, issuePosition: 0 } });

    const titles = async (status?: 'DRAFT' | 'READY' | 'PLACED' | 'PUBLISHED' | 'ALL') =>
      (await listItems({ q: mark, status })).items.map((item) => [item.title.replace(mark, ''), item.stage]).sort();
    expect(await titles()).toEqual([['已编入', 'PLACED'], ['待编', 'READY'], ['草稿', 'DRAFT']].sort());
    expect(await titles('READY')).toEqual([['待编', 'READY']]);
    expect(await titles('PLACED')).toEqual([['已编入', 'PLACED']]);
    expect(await titles('PUBLISHED')).toEqual([['已刊发', 'PUBLISHED']]);
    expect(await titles('ALL')).toHaveLength(4);
    // The section counts follow the same filter.
    expect((await countItemsBySection({ q: mark })).get(sectionId)).toBe(3);
    expect((await countItemsBySection({ q: mark, status: 'ALL' })).get(sectionId)).toBe(4);
    // An unknown stage in the address is ignored, not an error.
    const { ZItemFilters } = await import('@/lib/validations/items');
    expect(ZItemFilters.parse({ status: 'LOST' }).status).toBeUndefined();
  });
});

describe('display HTML', () => {
  it('escapes everything typed and appends the source to the last paragraph', () => {
    const html = renderBodyHtml(
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
          { type: 'paragraph' },
          { type: 'paragraph', content: [{ type: 'text', text: '加粗', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: '<img src=x onerror=alert(1)>' }] },
        ],
      },
      ['怀柔区科协', '<b>x</b>'],
    );
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' +
        '<p><strong>加粗</strong><br>&lt;img src=x onerror=alert(1)&gt;<span class="item-source">（怀柔区科协、&lt;b&gt;x&lt;/b&gt;）</span></p>',
    );
  });
});
