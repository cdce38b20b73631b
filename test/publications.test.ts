// Several publications: creating one (with its catalogue), numbering that is independent per
// publication also under concurrency, items and issues that stay in their publication, and
// the archive, search and statistics of one publication not showing another's.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const { createPublicationAction, updatePublicationSettingsAction } = await import('@/lib/actions/publication');
const { createIssueAction } = await import('@/lib/actions/issues');
const { listPublications, resolvePublication, resolvePublicationByName } = await import('@/lib/data/publication');
const { listIssues } = await import('@/lib/data/issues');
const { createIssue } = await import('@/lib/data/issue-numbering');
const { addItemsToIssue } = await import('@/lib/data/issue-assembly');
const { saveItem } = await import('@/lib/data/items');
const { listSections } = await import('@/lib/data/sections');
const { publicationHref } = await import('@/lib/publication-param');
const { ZSaveItem } = await import('@/lib/validations/items');

type Admin = Awaited<ReturnType<typeof createTestUser>>;
let admin: Admin;
let weeklyId: number;

const SECOND = {
  name: '科协专报',
  slug: 'zhuanbao',
  mastheadTitle: '北京科协工作专报',
  publisher: '北京市科协办公室',
  distribution: '市科协主要领导\n机关各部门',
  leadSection: '',
  sections: '工作专报\n【调研参考】\n',
  startYear: '2030',
  startYearNumber: '1',
  startTotalNumber: '1',
};

beforeAll(async () => {
  weeklyId = (
    await db.publication.create({
      data: {
        name: '科协每周动态',
        slug: 'weekly',
        publisher: '北京市科协办公室',
        startYear: 2030,
        startYearNumber: 7,
        startTotalNumber: 60,
        sections: { create: [{ name: '市科协要闻', kind: 'LEAD', position: 0 }, { name: '学会动态', position: 1 }] },
      },
    })
  ).id;
  admin = await createTestUser({ roles: ['ADMIN'] });
});

describe('creating a publication', () => {
  it('creates it with its section catalogue, after the default one in the switcher', async () => {
    loginAs(admin);
    const result = await createPublicationAction(SECOND);
    expect(result).toMatchObject({ ok: true, data: { slug: 'zhuanbao' } });
    const publications = await listPublications();
    expect(publications.map((p) => [p.name, p.slug, p.mastheadTitle, p.isDefault])).toEqual([
      ['科协每周动态', 'weekly', '科协每周动态', true],
      ['科协专报', 'zhuanbao', '北京科协工作专报', false],
    ]);
    const second = publications[1]!;
    expect((await listSections({ publicationId: second.id })).map((s) => [s.name, s.kind, s.position])).toEqual([
      ['工作专报', 'REGULAR', 0],
      ['调研参考', 'REGULAR', 1],
    ]);
    // The default publication's catalogue is untouched, and still what "no publication" means.
    expect((await listSections()).map((s) => s.name)).toEqual(['市科协要闻', '学会动态']);
    expect((await resolvePublication(null)).id).toBe(weeklyId);
    expect((await resolvePublication('zhuanbao')).id).toBe(second.id);
    expect((await resolvePublicationByName('科协专报')).id).toBe(second.id);
  });

  it('refuses a taken name or short code, a bad short code and other admins only, in Chinese, writing nothing', async () => {
    loginAs(admin);
    const before = await db.publication.count();
    const taken = await createPublicationAction({ ...SECOND, slug: 'other' });
    expect(taken).toMatchObject({ ok: false, status: 409, fieldErrors: { name: ['已有同名的刊物，请换一个名称。'] } });
    const slugTaken = await createPublicationAction({ ...SECOND, name: '科协简报' });
    expect(slugTaken).toMatchObject({ ok: false, fieldErrors: { slug: ['已有刊物使用这个代号，请换一个。'] } });
    const badSlug = await createPublicationAction({ ...SECOND, name: '科协简报', slug: 'Jian Bao' });
    expect(badSlug).toMatchObject({ ok: false, status: 400 });
    expect(badSlug.ok || badSlug.fieldErrors?.slug?.[0]).toMatch(/小写英文字母/);
    const noSections = await createPublicationAction({ ...SECOND, name: '科协简报', slug: 'jianbao', sections: '\n' });
    expect(noSections.ok || noSections.fieldErrors?.sections?.[0]).toBe('请至少填写一个栏目');
    loginAs(await createTestUser({ roles: ['EDITOR'] }));
    expect(await createPublicationAction({ ...SECOND, name: '科协简报', slug: 'jianbao' })).toMatchObject({ ok: false, status: 403 });
    expect(await db.publication.count()).toBe(before);
  });

  it('saves one publication’s settings without touching another’s', async () => {
    loginAs(admin);
    const second = await resolvePublication('zhuanbao');
    const result = await updatePublicationSettingsAction({
      publicationId: second.id,
      name: '科协专报',
      mastheadTitle: '科协工作专报',
      publisher: '北京市科协办公室',
      distribution: '市科协主要领导',
    });
    expect(result.ok).toBe(true);
    expect((await resolvePublication('zhuanbao')).mastheadTitle).toBe('科协工作专报');
    expect((await db.publication.findUniqueOrThrow({ where: { id: weeklyId } })).distribution).toEqual([]);
    // The default publication's name is not free for another.
    const clash = await updatePublicationSettingsAction({ publicationId: second.id, name: '科协每周动态', publisher: '北京市科协办公室', distribution: 'a' });
    expect(clash).toMatchObject({ ok: false, status: 409 });
  });
});

describe('numbering per publication', () => {
  it('numbers each publication on its own, also when both create issues at the same moment', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const second = await resolvePublication('zhuanbao');
    const dates = ['2030-03-01', '2030-03-08', '2030-03-15', '2030-03-22', '2030-03-29', '2030-04-05'];
    // Twelve creations in parallel, interleaved between the two publications.
    const results = await Promise.all(
      dates.flatMap((issueDate) => [
        createIssue({ issueDate, publicationId: weeklyId }, editor),
        createIssue({ issueDate, publicationId: second.id }, editor),
      ]),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(12);
    const numbers = async (publicationId: number) =>
      (await db.issue.findMany({ where: { publicationId }, orderBy: { issueDate: 'asc' } })).map((i) => [i.yearNumber, i.totalNumber]);
    // The weekly continues from its start point (2030 第7期, 总第60期), the 专报 starts at 第1期.
    expect(await numbers(weeklyId)).toEqual(dates.map((_, i) => [7 + i, 60 + i]));
    expect(await numbers(second.id)).toEqual(dates.map((_, i) => [1 + i, 1 + i]));
    // Each list shows its own.
    expect((await listIssues({ publicationId: second.id })).map((i) => i.totalNumber)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('the action files a new issue under the publication it names, and refuses an unknown one in Chinese', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    loginAs(editor);
    const second = await resolvePublication('zhuanbao');
    const created = await createIssueAction({ issueDate: '2030-05-03', publicationId: String(second.id) });
    expect(created.ok && (await db.issue.findUniqueOrThrow({ where: { id: created.data.id } })).publicationId).toBe(second.id);
    const unknown = await createIssueAction({ issueDate: '2030-05-10', publicationId: 999_999 });
    expect(unknown).toMatchObject({ ok: false, status: 404, message: '没有这个刊物，请从页头的刊物切换中选择。' });
  });
});

describe('items stay in their publication', () => {
  it('refuses another publication’s item in an issue and a move to another publication’s section', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const second = await resolvePublication('zhuanbao');
    const [weeklySection] = await listSections({ publicationId: weeklyId });
    const [secondSection] = await listSections({ publicationId: second.id });
    const item = await db.item.create({
      data: { title: '专报稿件', sectionId: secondSection!.id, body: { type: 'doc', content: [] }, bodyText: '', status: 'READY', authorId: editor.id },
    });
    const weeklyIssue = await createIssue({ issueDate: '2030-06-07', publicationId: weeklyId }, editor);
    await expect(addItemsToIssue({ id: weeklyIssue.id, itemIds: [item.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).issueId).toBeNull();

    const save = ZSaveItem.parse({
      id: item.id,
      baseVersion: 1,
      title: '专报稿件',
      sectionId: weeklySection!.id,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文。' }] }] },
      status: 'READY',
    });
    await expect(saveItem(save, editor)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '不能把稿件改到另一个刊物的栏目。' });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).sectionId).toBe(secondSection!.id);

    const secondIssue = await createIssue({ issueDate: '2030-06-07', publicationId: second.id }, editor);
    await addItemsToIssue({ id: secondIssue.id, itemIds: [item.id] });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).issueId).toBe(secondIssue.id);
  });
});

describe('links', () => {
  it('carry ?pub= for any publication but the default one', () => {
    const second = { slug: 'zhuanbao', isDefault: false };
    expect(publicationHref('/issues', { slug: 'weekly', isDefault: true })).toBe('/issues');
    expect(publicationHref('/issues', second)).toBe('/issues?pub=zhuanbao');
    expect(publicationHref('/published?year=2030&pub=weekly#x', second)).toBe('/published?year=2030&pub=zhuanbao#x');
    expect(publicationHref('/items?pub=zhuanbao', null)).toBe('/items');
  });
});
