import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readPrintSnapshot } from '@/lib/export/print-issue';
import type { ItemBody } from '@/lib/validations/item-body';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const issueActions = await import('@/lib/actions/issues');
const { saveItemAction } = await import('@/lib/actions/items');
const { getItemHistory } = await import('@/lib/data/items');

const body = (text: string): ItemBody => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let leadId: number;
let sectionId: number;
let editor: Awaited<ReturnType<typeof createTestUser>>;
let reviewer: Awaited<ReturnType<typeof createTestUser>>;
let date = 10;

beforeAll(async () => {
  const publication = await db.publication.create({
    data: { name: '科协每周动态', publisher: '北京市科协办公室', distribution: ['市科协驻会领导'], startYear: 2030, startYearNumber: 1, startTotalNumber: 100 },
  });
  leadId = (await db.section.create({ data: { publicationId: publication.id, name: '市科协要闻', kind: 'LEAD', position: 0 } })).id;
  sectionId = (await db.section.create({ data: { publicationId: publication.id, name: '学会动态', position: 1 } })).id;
  editor = await createTestUser({ roles: ['EDITOR'] });
  await db.user.update({ where: { id: editor.id }, data: { displayName: '张红波' } });
  reviewer = await createTestUser({ roles: ['REVIEWER'] });
  await db.user.update({ where: { id: reviewer.id }, data: { displayName: '李金涛' } });
});

async function readyItem(title: string, section = sectionId, sources: string[] = ['北京土壤学会']) {
  const text = `${title.replace('\n', '')}正文。`;
  const item = await db.item.create({
    data: { title, sectionId: section, sources, body: body(text), bodyText: text, status: 'READY', authorId: editor.id },
  });
  await db.itemVersion.create({
    data: { itemId: item.id, version: 1, title, sectionId: section, sources, body: body(text), bodyText: text, status: 'READY', editorId: editor.id },
  });
  return item;
}

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

async function newIssueWith(...itemIds: number[]) {
  loginAs(editor);
  const { id } = await ok(issueActions.createIssueAction({ issueDate: `2030-01-${String(date++).padStart(2, '0')}` }));
  await ok(issueActions.addItemsToIssueAction({ id, itemIds }));
  return id;
}

describe('assembly', () => {
  it('puts an item in at most one issue and refuses drafts', async () => {
    const item = await readyItem('唯一');
    const first = await newIssueWith(item.id);
    loginAs(editor);
    const second = await ok(issueActions.createIssueAction({ issueDate: '2030-01-31' }));
    expect(await issueActions.addItemsToIssueAction({ id: second.id, itemIds: [item.id] })).toMatchObject({ status: 409, message: '“唯一”已编入其他期。' });
    const draft = await db.item.create({ data: { title: '草稿', sectionId, sources: [], body: body('x'), bodyText: 'x', authorId: editor.id } });
    expect(await issueActions.addItemsToIssueAction({ id: second.id, itemIds: [draft.id] })).toMatchObject({ status: 409 });
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).issueId).toBe(first);
    await ok(issueActions.deleteIssueAction({ id: second.id }));
  });

  it('generates the contents from the headlines, or the section names as the admin chooses, until they are edited', async () => {
    const lead = await readyItem('市科协召开\n年度工作会议', leadId, []);
    const other = await readyItem('学会活动');
    const second = await readyItem('学会第二篇');
    const id = await newIssueWith(other.id, lead.id, second.id);
    const { getPrintIssueWithStatus } = await import('@/lib/data/issue-print');
    const contents = async () => (await getPrintIssueWithStatus(id))!.print.contentsLines;
    // Headlines (the default): every lead title, then each section's first item; a chosen title
    // break reads as a space.
    expect(await contents()).toEqual(['市科协召开 年度工作会议', '学会活动']);
    await ok(issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [second.id, other.id] }));
    expect(await contents()).toEqual(['市科协召开 年度工作会议', '学会第二篇']);
    await db.publication.updateMany({ data: { contentsStyle: 'SECTIONS' } });
    expect(await contents()).toEqual(['市科协召开 年度工作会议', '学会动态']);
    await db.publication.updateMany({ data: { contentsStyle: 'HEADLINES' } });

    await ok(issueActions.updateContentsAction({ id, lines: ['学会动态', '手写的一行'] }));
    expect(await contents()).toEqual(['学会动态', '手写的一行']);
    await db.publication.updateMany({ data: { contentsStyle: 'SECTIONS' } });
    expect(await contents()).toEqual(['学会动态', '手写的一行']);
    await db.publication.updateMany({ data: { contentsStyle: 'HEADLINES' } });
    expect(await issueActions.updateContentsAction({ id, lines: ['<script>'] })).toMatchObject({ status: 400 });
    await ok(issueActions.regenerateContentsAction({ id }));
    expect(await contents()).toEqual(['市科协召开 年度工作会议', '学会第二篇']);
  });

  it('orders a section only with exactly its items', async () => {
    const a = await readyItem('甲');
    const b = await readyItem('乙');
    const id = await newIssueWith(a.id, b.id);
    await ok(issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [b.id, a.id] }));
    const { getPrintIssueWithStatus } = await import('@/lib/data/issue-print');
    expect((await getPrintIssueWithStatus(id))!.print.sections[0]!.columns[0]!.items.map((i) => i.title)).toEqual(['乙', '甲']);
    expect(await issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [a.id] })).toMatchObject({ status: 409 });
  });
});

describe('order without clicks', () => {
  let sectionWithColumns: number;
  let columnA: number;
  let columnB: number;

  beforeAll(async () => {
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const section = await db.section.create({
      data: { publicationId, name: '基层组织动态', position: 2, columns: { create: [{ name: '甲专栏', position: 0 }, { name: '乙专栏', position: 1 }] } },
      include: { columns: { orderBy: { position: 'asc' } } },
    });
    sectionWithColumns = section.id;
    [columnA, columnB] = section.columns.map((column) => column.id) as [number, number];
  });

  async function placed(issueId: number, section: number) {
    const { getIssueDetail } = await import('@/lib/data/issues');
    return (await getIssueDetail(issueId))!.items.filter((item) => item.sectionId === section).map((item) => item.title);
  }

  async function columnItem(title: string, columnId: number | null) {
    const item = await readyItem(title, sectionWithColumns);
    return columnId === null ? item : db.item.update({ where: { id: item.id }, data: { columnId } });
  }

  it('places added items in catalogue order, then in the order they were ticked', async () => {
    const b = await columnItem('乙专栏稿', columnB);
    const plain1 = await columnItem('普通一', null);
    const a = await columnItem('甲专栏稿', columnA);
    const plain2 = await columnItem('普通二', null);
    const lead = await readyItem('要闻稿', leadId, []);
    const id = await newIssueWith(b.id, plain2.id, a.id, lead.id, plain1.id);
    expect(await placed(id, sectionWithColumns)).toEqual(['普通二', '普通一', '甲专栏稿', '乙专栏稿']);
    // Added later: after the items of its own group, before the columns.
    const plain3 = await columnItem('普通三', null);
    const a2 = await columnItem('甲专栏二', columnA);
    await ok(issueActions.addItemsToIssueAction({ id, itemIds: [a2.id, plain3.id] }));
    expect(await placed(id, sectionWithColumns)).toEqual(['普通二', '普通一', '普通三', '甲专栏稿', '甲专栏二', '乙专栏稿']);
    // The board's order is the print's order.
    const { getPrintIssueWithStatus } = await import('@/lib/data/issue-print');
    const print = (await getPrintIssueWithStatus(id))!.print.sections.find((section) => section.name === '基层组织动态')!;
    expect(print.columns.flatMap((column) => column.items.map((item) => item.title))).toEqual(await placed(id, sectionWithColumns));
  });

  it('sorts every section by catalogue in one step, keeping the order within each group', async () => {
    const b = await columnItem('乙专栏排', columnB);
    const plain1 = await columnItem('普通排一', null);
    const a = await columnItem('甲专栏排', columnA);
    const plain2 = await columnItem('普通排二', null);
    const id = await newIssueWith(plain1.id, plain2.id, a.id, b.id);
    await ok(issueActions.orderSectionItemsAction({ id, sectionId: sectionWithColumns, itemIds: [b.id, plain2.id, a.id, plain1.id] }));
    expect(await placed(id, sectionWithColumns)).toEqual(['乙专栏排', '普通排二', '甲专栏排', '普通排一']);
    const version = (await db.issue.findUniqueOrThrow({ where: { id } })).version;
    await ok(issueActions.sortIssueByCatalogueAction({ id }));
    expect(await placed(id, sectionWithColumns)).toEqual(['普通排二', '普通排一', '甲专栏排', '乙专栏排']);
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).version).toBe(version + 1);
    loginAs(reviewer);
    expect(await issueActions.sortIssueByCatalogueAction({ id })).toMatchObject({ status: 403 });
    loginAs(editor);
    await ok(issueActions.submitIssueAction({ id }));
    expect(await issueActions.sortIssueByCatalogueAction({ id })).toMatchObject({ status: 409 });
  });

  it('does not change an item’s 修改时间 when it is placed, moved, sorted or released', async () => {
    const first = await readyItem('时间甲');
    const second = await readyItem('时间乙');
    const stamps = async () => (await db.item.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { id: 'asc' } })).map((item) => item.updatedAt.getTime());
    const before = await stamps();
    const id = await newIssueWith(first.id, second.id);
    await ok(issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [second.id, first.id] }));
    await ok(issueActions.sortIssueByCatalogueAction({ id }));
    await ok(issueActions.removeItemFromIssueAction({ id, itemId: first.id }));
    await ok(issueActions.deleteIssueAction({ id }));
    expect(await stamps()).toEqual(before);
    expect(await db.item.count({ where: { id: { in: [first.id, second.id] }, issueId: null } })).toBe(2);
  });
});

describe('review and publication', () => {
  it('shows 已退回 with the reviewer’s comment until the issue is submitted again', async () => {
    const { listIssues, getIssueDetail } = await import('@/lib/data/issues');
    const { findStandingReturn } = await import('@/lib/issues/returns');
    const item = await readyItem('退回稿');
    const id = await newIssueWith(item.id);
    const returnOf = async () => (await listIssues()).find((issue) => issue.id === id)!.returned;
    expect(await returnOf()).toBeNull();
    await ok(issueActions.submitIssueAction({ id }));
    loginAs(reviewer);
    await ok(issueActions.returnIssueAction({ id, comment: '请补充来源单位。' }));
    expect(await returnOf()).toMatchObject({ comment: '请补充来源单位。', reviewerName: '李金涛' });
    const detail = (await getIssueDetail(id))!;
    expect(findStandingReturn(detail.status, detail.events)).toMatchObject({ comment: '请补充来源单位。' });
    // Still returned while the editor works on it; cleared by the next submission.
    loginAs(editor);
    await ok(issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [item.id] }));
    expect(await returnOf()).not.toBeNull();
    await ok(issueActions.submitIssueAction({ id }));
    expect(await returnOf()).toBeNull();
    expect((await listIssues({ statuses: ['IN_REVIEW'] })).find((issue) => issue.id === id)).toMatchObject({ status: 'IN_REVIEW', returned: null });
    loginAs(reviewer);
    await ok(issueActions.returnIssueAction({ id, comment: '第二次退回。' }));
    expect(await returnOf()).toMatchObject({ comment: '第二次退回。' });
  });

  it('lets only the reviewer edit items in review, records it, and locks everything on approval', async () => {
    const item = await readyItem('送审稿');
    const id = await newIssueWith(item.id);
    await ok(issueActions.submitIssueAction({ id }));
    const save = (version: number, text: string) =>
      saveItemAction({ id: item.id, baseVersion: version, title: '送审稿', sectionId, sources: ['北京土壤学会'], body: body(text), status: 'READY' });

    loginAs(editor);
    expect(await save(1, '编辑想改')).toMatchObject({ status: 423 });
    loginAs(reviewer);
    expect(await save(1, '审核人改过')).toMatchObject({ ok: true });
    expect((await getItemHistory(item.id))[0]).toMatchObject({ bodyText: '审核人改过' });
    expect((await getItemHistory(item.id))[0]!.editor.displayName).toBe('李金涛');

    loginAs(editor);
    expect(await issueActions.approveIssueAction({ id })).toMatchObject({ status: 403 });
    loginAs(reviewer);
    expect(await issueActions.returnIssueAction({ id, comment: '  ' })).toMatchObject({ status: 400, fieldErrors: { comment: ['退回时须填写意见'] } });
    await ok(issueActions.approveIssueAction({ id }));
    expect(await save(2, '通过后再改')).toMatchObject({ status: 423 });
    loginAs(editor);
    expect(await issueActions.removeItemFromIssueAction({ id, itemId: item.id })).toMatchObject({ status: 423 });

    const events = await db.issueEvent.findMany({ where: { issueId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['CREATED', 'SUBMITTED', 'APPROVED']);
    // Unlocking sends it back to assembly and needs a new approval.
    await ok(issueActions.unlockIssueAction({ id }));
    expect(await db.issue.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'ASSEMBLING', approvedFingerprint: null });
    expect(await issueActions.publishIssueAction({ id })).toMatchObject({ status: 409, message: '该期正在编排中。' });
  });

  it('freezes a snapshot at publication that later renames do not touch', async () => {
    // Publish whatever is still in the way, oldest first, so this issue can go out.
    await db.item.updateMany({ where: { issue: { status: { not: 'PUBLISHED' } } }, data: { issueId: null } });
    await db.issueEvent.deleteMany({ where: { issue: { status: { not: 'PUBLISHED' } } } });
    await db.issue.deleteMany({ where: { status: { not: 'PUBLISHED' } } });
    const item = await readyItem('发布稿');
    const id = await newIssueWith(item.id);
    await ok(issueActions.submitIssueAction({ id }));
    loginAs(reviewer);
    await ok(issueActions.approveIssueAction({ id }));
    // Content changed behind the approval's back (not possible through the app): refused.
    await db.item.update({ where: { id: item.id }, data: { title: '偷改的标题' } });
    loginAs(editor);
    expect(await issueActions.publishIssueAction({ id })).toMatchObject({ status: 409 });
    await db.item.update({ where: { id: item.id }, data: { title: '发布稿' } });
    await ok(issueActions.publishIssueAction({ id }));

    await db.user.update({ where: { id: editor.id }, data: { displayName: '改名后' } });
    await db.section.update({ where: { id: sectionId }, data: { name: '改名的栏目' } });
    await db.publication.updateMany({ data: { distribution: ['新的分送'] } });
    const issue = await db.issue.findUniqueOrThrow({ where: { id } });
    expect(issue.snapshot).toMatchObject({ version: 1 });
    const snapshot = readPrintSnapshot(issue.snapshot);
    expect(snapshot).toMatchObject({ editorName: '张红波', reviewerName: '李金涛', distribution: ['市科协驻会领导'], year: 2030, totalNumber: issue.totalNumber });
    expect(snapshot.sections[0]).toMatchObject({ name: '学会动态', isLead: false });
    expect(await issueActions.addReviewCommentAction({ id, body: '发布后的意见' })).toMatchObject({ status: 423 });
  });

  it('publishing puts the issue into the archive’s search, as printed', async () => {
    const { searchArchive } = await import('@/lib/data/archive');
    const result = await searchArchive({ query: '发布稿 正文' });
    expect(result.hits.map((h) => h.title.map((s) => s.text).join(''))).toEqual(['发布稿']);
    // The section was renamed after publication: the archive keeps the printed name.
    expect(result.hits[0]).toMatchObject({ year: 2030, sectionName: '学会动态' });
    expect(result.hits[0]!.excerpt.map((s) => s.text).join('')).toContain('发布稿正文');
    // Items of unpublished issues and loose items stay out of the archive's search.
    expect((await searchArchive({ query: '送审稿' })).total).toBe(0);
    expect((await searchArchive({ query: '   ' })).total).toBe(0);
  });
});

describe('dates of new issues, and 撤销 after 移出', () => {
  it('offers the Friday after the latest issue and refuses a date another issue has', async () => {
    const { getDefaultIssueDate } = await import('@/lib/data/issue-numbering');
    const { getFridayAfter } = await import('@/lib/issues/schedule');
    expect(getFridayAfter('2030-03-06')).toBe('2030-03-08');
    expect(getFridayAfter('2030-03-08')).toBe('2030-03-15');
    loginAs(editor);
    // A Wednesday, later than every other issue here: the next offer is the Friday after it,
    // even though this week's Friday (of the clock below) is long before.
    const latest = await ok(issueActions.createIssueAction({ issueDate: '2030-03-06' }));
    expect(await getDefaultIssueDate(new Date('2026-12-06T04:00:00Z'))).toBe('2030-03-08');
    const taken = '2030年3月6日已有一期';
    expect(await issueActions.createIssueAction({ issueDate: '2030-03-06' })).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { issueDate: [expect.stringContaining(taken)] },
    });
    const other = await ok(issueActions.createIssueAction({ issueDate: '2030-03-08' }));
    expect(await issueActions.changeIssueDateAction({ id: other.id, issueDate: '2030-03-06' })).toMatchObject({ ok: false, status: 400 });
    // Its own date again is no change, not a clash.
    await ok(issueActions.changeIssueDateAction({ id: other.id, issueDate: '2030-03-08' }));
    expect(await db.issue.count({ where: { issueDate: new Date('2030-03-06T00:00:00Z') } })).toBe(1);
    await ok(issueActions.deleteIssueAction({ id: other.id }));
    await ok(issueActions.deleteIssueAction({ id: latest.id }));
  });

  it('puts an item taken out back in its place, or last if the section changed since', async () => {
    const [a, b, c] = [await readyItem('撤销甲'), await readyItem('撤销乙'), await readyItem('撤销丙')];
    const id = await newIssueWith(a.id, b.id, c.id);
    const order = async () => (await db.item.findMany({ where: { issueId: id }, orderBy: { issuePosition: 'asc' } })).map((i) => i.id);
    expect(await order()).toEqual([a.id, b.id, c.id]);
    await ok(issueActions.removeItemFromIssueAction({ id, itemId: b.id }));
    expect(await order()).toEqual([a.id, c.id]);
    await ok(issueActions.putItemBackInIssueAction({ id, itemId: b.id, sectionItemIds: [a.id, b.id, c.id] }));
    expect(await order()).toEqual([a.id, b.id, c.id]);
    // Back in the issue already: a second 撤销 is refused, nothing changes.
    expect(await issueActions.putItemBackInIssueAction({ id, itemId: b.id, sectionItemIds: [a.id, b.id, c.id] })).toMatchObject({ status: 409 });
    await ok(issueActions.removeItemFromIssueAction({ id, itemId: a.id }));
    await ok(issueActions.removeItemFromIssueAction({ id, itemId: c.id }));
    await ok(issueActions.putItemBackInIssueAction({ id, itemId: a.id, sectionItemIds: [a.id, b.id, c.id] }));
    expect(await order()).toEqual([b.id, a.id]);
    // Only editors, only while the issue is being assembled.
    loginAs(reviewer);
    expect(await issueActions.putItemBackInIssueAction({ id, itemId: c.id, sectionItemIds: [c.id] })).toMatchObject({ status: 403 });
    loginAs(editor);
    await ok(issueActions.deleteIssueAction({ id }));
  });
});
