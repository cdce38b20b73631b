// 修订 through the JSON endpoint, not the UI: staff cannot suggest, nobody suggests or accepts
// on an approved issue, nobody signs a suggestion with another's name, and the draft DOCX
// with its revisions is not for staff. Each refusal leaves the item as it was.
import { expect, test } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createItem, createUser, getDb } from './fixtures/data';
import { createSubmittedIssue, openAs, removeIssue, runAction } from './fixtures/issues';

const TIME = '2030-03-01T08:30:00.000Z';
const suggested = (author: string) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '原文' },
        { type: 'text', text: '插入', marks: [{ type: 'insertion', attrs: { id: 1, author, time: TIME } }] },
      ],
    },
  ],
});

test('staff, a forged author and an approved issue are refused; nothing changes', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now() % 100000;
  const editorUser = await createUser(['EDITOR'], '张红波');
  const reviewerUser = await createUser(['REVIEWER'], `审核${stamp}`);
  const staffUser = await createUser(['STAFF'], '赵丽');
  const item = await createItem(editorUser, { title: `修订越权${stamp}`, paragraphs: ['原文'], status: 'READY' });
  const sectionId = item.sectionId;
  const fields = { id: item.id, title: item.title, subtitle: '', sectionId, columnId: null, sources: [], eventDate: '', status: 'READY' };
  const before = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
  const expectUnchanged = async () => {
    const now = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
    expect({ version: now.version, body: now.body }).toEqual({ version: before.version, body: before.body });
  };

  const editor = await openAs(browser, editorUser);
  const issueId = await createSubmittedIssue(editor, [item.id]);
  try {
    // Staff cannot suggest.
    await loginAndWait(page, staffUser);
    const staffSave = await page.request.post('/api/actions/saveItemAction', { data: { ...fields, baseVersion: 1, body: suggested(staffUser.displayName) } });
    expect(staffSave.status()).toBe(403);
    expect((await staffSave.json()).message).toBe('您没有执行此操作的权限。');
    expect((await page.request.get(`/api/issues/${issueId}/export/docx`)).status()).toBe(404);
    await expectUnchanged();

    // A reviewer cannot sign a suggestion with another's name.
    const reviewer = await openAs(browser, reviewerUser);
    const forged = await reviewer.request.post('/api/actions/saveItemAction', { data: { ...fields, baseVersion: 1, body: suggested('张红波') } });
    expect(forged.status()).toBe(400);
    expect((await forged.json()).message).toBe('修订的作者必须是当前用户。');
    // A mark the bulletin does not keep is refused in Chinese.
    const modification = await reviewer.request.post('/api/actions/saveItemAction', {
      data: { ...fields, baseVersion: 1, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '原文', marks: [{ type: 'modification', attrs: { id: 1 } }] }] }] } },
    });
    expect(modification.status()).toBe(400);
    expect((await modification.json()).message).toMatch(/[\u4e00-\u9fff]/);
    await expectUnchanged();

    // Approved: nobody suggests, nobody accepts.
    await runAction(reviewer, 'approveIssueAction', { id: issueId });
    for (const [who, request, author] of [
      ['reviewer', reviewer.request, reviewerUser.displayName],
      ['editor', editor.request, editorUser.displayName],
    ] as const) {
      const locked = await request.post('/api/actions/saveItemAction', { data: { ...fields, baseVersion: 1, body: suggested(author) } });
      expect(locked.status(), who).toBe(423);
      expect((await locked.json()).message).toBe('稿件所在的期已审核通过或已发布，稿件已锁定。');
    }
    await expectUnchanged();
  } finally {
    await removeIssue(issueId);
  }
});
