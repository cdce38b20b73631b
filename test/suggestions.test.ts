// 修订: the body schema admits the suggestion marks, the text helpers and exports resolve them,
// the editor engine records edits as stamped marks, the DOCX carries them as Word revisions,
// and approval waits until every one is decided.
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemBodyExtensions } from '@/components/editor/extensions';
import { acceptSuggestion, transformToStoredSuggestion } from '@/components/editor/suggest-changes-engine';
import { db } from '@/lib/db';
import { renderIssueDocx } from '@/lib/export/docx';
import { getBodyText } from '@/lib/item-body-text';
import { renderBodyHtml } from '@/lib/render-body';
import { decideSuggestions, hasOpenSuggestions, listSuggestions, resolveSuggestions } from '@/lib/suggestions';
import { ZItemBody, ZItemBodyInput, type ItemBody } from '@/lib/validations/item-body';
import { buildFixturePrintIssue } from './support/print-issue-fixture';
import type { createTestUser } from './support/factories';
import { createReviewSetup } from './support/review';
import { loginAs } from './support/session';

const TIME = '2030-03-01T08:30:00.000Z';
const ins = (id: number, author = '李金涛') => ({ type: 'insertion' as const, attrs: { id, author, time: TIME } });
const del = (id: number, author = '李金涛') => ({ type: 'deletion' as const, attrs: { id, author, time: TIME } });

/** 市科协召开[隆重的]年度工作会议[，会议]。 with 隆重的 inserted and ，会议 deleted. */
const SUGGESTED: ItemBody = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '市科协召开' },
        { type: 'text', text: '隆重的', marks: [ins(1)] },
        { type: 'text', text: '年度工作会议' },
        { type: 'text', text: '，会议', marks: [del(2)] },
        { type: 'text', text: '。' },
      ],
    },
  ],
};

describe('suggestions in a body', () => {
  it('reads as if not made, and accepts or rejects each or all', () => {
    expect(getBodyText(SUGGESTED)).toBe('市科协召开年度工作会议，会议。');
    expect(renderBodyHtml(SUGGESTED)).toBe('<p>市科协召开年度工作会议，会议。</p>');
    expect(getBodyText(resolveSuggestions(SUGGESTED))).toBe('市科协召开年度工作会议，会议。');
    expect(hasOpenSuggestions(resolveSuggestions(SUGGESTED))).toBe(false);
    expect(listSuggestions(SUGGESTED)).toEqual([
      { id: 1, author: '李金涛', time: TIME, inserted: '隆重的', deleted: '' },
      { id: 2, author: '李金涛', time: TIME, inserted: '', deleted: '，会议' },
    ]);
    const acceptedAll = decideSuggestions(SUGGESTED, 'accept');
    expect(acceptedAll.content[0]!.content).toEqual([{ type: 'text', text: '市科协召开隆重的年度工作会议。' }]);
    const acceptOneRejectOther = decideSuggestions(decideSuggestions(SUGGESTED, 'accept', [1]), 'reject', [2]);
    expect(getBodyText(acceptOneRejectOther)).toBe('市科协召开隆重的年度工作会议，会议。');
    expect(hasOpenSuggestions(acceptOneRejectOther)).toBe(false);
  });

  it('is admitted by the server schema with id, author and time, and nothing else new', () => {
    expect(ZItemBodyInput.safeParse(SUGGESTED).success).toBe(true);
    const withMark = (mark: unknown) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字', marks: [mark] }] }] });
    expect(ZItemBodyInput.safeParse(withMark({ type: 'insertion', attrs: { id: 1, author: '李金涛' } })).success).toBe(false);
    expect(ZItemBodyInput.safeParse(withMark({ type: 'insertion', attrs: { id: 1, author: '李金涛', time: TIME, color: 'red' } })).success).toBe(false);
    expect(ZItemBodyInput.safeParse(withMark({ type: 'insertion', attrs: { id: 1, author: '李金涛', time: 'yesterday' } })).success).toBe(false);
    expect(ZItemBodyInput.safeParse(withMark({ type: 'modification', attrs: { id: 1 } })).success).toBe(false);
    const both = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字', marks: [ins(1), del(1)] }] }] };
    expect(ZItemBodyInput.safeParse(both).success).toBe(false);
    const boldInsertion = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字', marks: [{ type: 'bold' }, ins(1)] }] }] };
    expect(ZItemBodyInput.safeParse(boldInsertion).success).toBe(true);
  });
});

describe('the editor engine', () => {
  const schema = getSchema(itemBodyExtensions);
  const fakeEditor = (state: EditorState) => ({ state, storage: { suggestChanges: { author: '李金涛' } } }) as never;
  const start = () =>
    EditorState.create({ schema, doc: schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '市科协召开年度会议。' }] }] }) });

  it('records typing and deleting as stamped suggestions, and refuses a paragraph split', () => {
    let state = start();
    // Type 工作 before 会议 (positions count the paragraph's opening).
    const typed = transformToStoredSuggestion(state.tr.insertText('工作', 8), fakeEditor(state));
    state = state.apply(typed!);
    const deleted = transformToStoredSuggestion(state.tr.delete(1, 3), fakeEditor(state));
    state = state.apply(deleted!);
    const body = state.doc.toJSON() as ItemBody;
    expect(ZItemBodyInput.parse(body)).toEqual(body);
    const suggestions = listSuggestions(body);
    expect(suggestions.map(({ inserted, deleted: gone, author }) => ({ inserted, deleted: gone, author }))).toEqual([
      { inserted: '', deleted: '市科', author: '李金涛' },
      { inserted: '工作', deleted: '', author: '李金涛' },
    ]);
    expect(getBodyText(body)).toBe('市科协召开年度会议。');
    expect(transformToStoredSuggestion(state.tr.split(5), fakeEditor(state))).toBeNull();

    // Accepting one through the library's command keeps the other open.
    const insertionId = suggestions.find((s) => s.inserted)!.id;
    const view = { state, dispatch: (tr: never) => (view.state = view.state.apply(tr)) };
    acceptSuggestion({ get state() { return view.state; }, view } as never, insertionId);
    const after = view.state.doc.toJSON() as ItemBody;
    expect(listSuggestions(after).map((s) => s.deleted)).toEqual(['市科']);
    expect(getBodyText(after)).toBe('市科协召开年度工作会议。');
  });
});

describe('the DOCX', () => {
  it('carries open suggestions as w:ins and w:del with author and date', async () => {
    const print = buildFixturePrintIssue();
    const first = print.sections[0]!.columns[0]!.items[0]!;
    first.body = SUGGESTED;
    const docx = await renderIssueDocx(print, { isDraft: true });
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
    const insertion = xml.match(/<w:ins [^>]*>.*?<\/w:ins>/)?.[0] ?? '';
    const deletion = xml.match(/<w:del [^>]*>.*?<\/w:del>/)?.[0] ?? '';
    expect(insertion).toContain('w:author="李金涛"');
    expect(insertion).toContain('w:date="2030-03-01T08:30:00Z"');
    expect(insertion).toContain('>隆重的</w:t>');
    expect(deletion).toContain('w:author="李金涛"');
    expect(deletion).toContain('<w:delText xml:space="preserve">，会议</w:delText>');
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('saving, approving and publishing', () => {
  let sectionId: number;
  let editor: Awaited<ReturnType<typeof createTestUser>>;
  let reviewer: Awaited<ReturnType<typeof createTestUser>>;

  beforeAll(async () => {
    ({ sectionId, editor, reviewer } = await createReviewSetup());
  });

  it('refuses approval while a suggestion is open, naming the item; notifies once per session', async () => {
    const issueActions = await import('@/lib/actions/issues');
    const { saveItemAction } = await import('@/lib/actions/items');
    const plain = resolveSuggestions(SUGGESTED);
    const item = await db.item.create({
      data: { title: '年度工作会议', sectionId, sources: [], body: plain, bodyText: getBodyText(plain), status: 'READY', authorId: editor.id },
    });
    await db.itemVersion.create({ data: { itemId: item.id, version: 1, title: item.title, sectionId, sources: [], body: plain, bodyText: getBodyText(plain), status: 'READY', editorId: editor.id } });
    loginAs(editor);
    const issue = await issueActions.createIssueAction({ issueDate: '2030-03-01' });
    if (!issue.ok) throw new Error(issue.message);
    const id = issue.data.id;
    expect((await issueActions.addItemsToIssueAction({ id, itemIds: [item.id] })).ok).toBe(true);
    expect((await issueActions.submitIssueAction({ id })).ok).toBe(true);

    loginAs(reviewer);
    const fields = { id: item.id, title: item.title, subtitle: null, sectionId, columnId: null, sources: [], eventDate: null, status: 'READY' as const };
    // A suggestion signed with another name is refused.
    const forged = decideSuggestions(SUGGESTED, 'accept', [2]);
    const forgedBody = JSON.parse(JSON.stringify(forged).replace('李金涛', '张红波')) as ItemBody;
    expect(await saveItemAction({ ...fields, baseVersion: 1, body: forgedBody })).toMatchObject({ ok: false, status: 400, message: '修订的作者必须是当前用户。' });
    const saved = await saveItemAction({ ...fields, baseVersion: 1, body: SUGGESTED });
    expect(saved).toMatchObject({ ok: true });
    const stored = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.bodyText).toBe('市科协召开年度工作会议，会议。');
    expect(ZItemBody.parse(stored.body)).toEqual(SUGGESTED);
    // 待办 lists the item with its two open 修订 (one per suggestion id).
    const { listItemsWithOpenSuggestions } = await import('@/lib/data/todo');
    expect((await listItemsWithOpenSuggestions()).find((entry) => entry.id === item.id)?.count).toBe(2);
    // A second save in the same session does not notify again.
    const again = decideSuggestions(SUGGESTED, 'reject', [1]);
    expect(await saveItemAction({ ...fields, baseVersion: 2, body: { ...again, content: [...again.content, { type: 'paragraph', content: [{ type: 'text', text: '补', marks: [ins(3)] }] }] } })).toMatchObject({ ok: true });
    const notices = await db.notification.findMany({ where: { kind: 'SUGGESTION_ADDED', href: `/items/${item.id}` } });
    expect(notices.map((n) => [n.userId, n.title])).toEqual([[editor.id, '李金涛对《年度工作会议》提出了修订']]);

    const refused = await issueActions.approveIssueAction({ id });
    expect(refused).toMatchObject({ ok: false, status: 409, message: '以下稿件还有未处理的修订，请先逐条接受或拒绝：《年度工作会议》' });
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).status).toBe('IN_REVIEW');

    const decided = resolveSuggestions((await db.item.findUniqueOrThrow({ where: { id: item.id } })).body as ItemBody);
    expect(await saveItemAction({ ...fields, baseVersion: 3, body: decided })).toMatchObject({ ok: true });
    expect(await issueActions.approveIssueAction({ id })).toMatchObject({ ok: true });
  });
});
