import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { PrintIssue } from '@/lib/export/print-issue';
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
  const item = await db.item.create({
    data: { title, sectionId: section, sources, body: body(`${title}正文。`), bodyText: `${title}正文。`, status: 'READY', authorId: editor.id },
  });
  await db.itemVersion.create({
    data: { itemId: item.id, version: 1, title, sectionId: section, sources, body: body(`${title}正文。`), bodyText: `${title}正文。`, status: 'READY', editorId: editor.id },
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

  it('generates the contents from lead titles and section names until they are edited', async () => {
    const lead = await readyItem('市科协召开会议', leadId, []);
    const other = await readyItem('学会活动');
    const id = await newIssueWith(other.id, lead.id);
    const { getPrintIssueWithStatus } = await import('@/lib/data/issues');
    expect((await getPrintIssueWithStatus(id))!.print.contentsLines).toEqual(['市科协召开会议', '学会动态']);
    await ok(issueActions.updateContentsAction({ id, lines: ['学会动态', '手写的一行'] }));
    expect((await getPrintIssueWithStatus(id))!.print.contentsLines).toEqual(['学会动态', '手写的一行']);
    expect(await issueActions.updateContentsAction({ id, lines: ['<script>'] })).toMatchObject({ status: 400 });
    await ok(issueActions.regenerateContentsAction({ id }));
    expect((await getPrintIssueWithStatus(id))!.print.contentsLines).toEqual(['市科协召开会议', '学会动态']);
  });

  it('orders a section only with exactly its items', async () => {
    const a = await readyItem('甲');
    const b = await readyItem('乙');
    const id = await newIssueWith(a.id, b.id);
    await ok(issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [b.id, a.id] }));
    const { getPrintIssueWithStatus } = await import('@/lib/data/issues');
    expect((await getPrintIssueWithStatus(id))!.print.sections[0]!.columns[0]!.items.map((i) => i.title)).toEqual(['乙', '甲']);
    expect(await issueActions.orderSectionItemsAction({ id, sectionId, itemIds: [a.id] })).toMatchObject({ status: 409 });
  });
});

describe('review and publication', () => {
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
    const snapshot = issue.snapshot as unknown as PrintIssue;
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
