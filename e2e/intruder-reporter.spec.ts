// A 信息员 (REPORTER) sees their own unit's submissions and nothing else: no other unit's
// submission, no items, issues (published or not), archive, statistics or administration, and
// every editor's action refuses them — through pages, the JSON endpoint and file downloads.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createItem, createUser, getDb } from './fixtures/data';
import { createReporter, createUnit } from './fixtures/intake';

async function postJson(request: APIRequestContext, name: string, data: unknown) {
  return request.post(`/api/actions/${name}`, { data, headers: { 'content-type': 'application/json' } });
}

const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文。' }] }] };
const sender = { writer: '王五', writerPhone: '010-88886666', signedOffBy: '赵六' };

test('a 信息员 cannot see other units’ submissions, items, issues, the archive or admin pages', async ({ page }) => {
  test.setTimeout(300_000);
  const [own, other] = [await createUnit('本单位'), await createUnit('他单位')];
  const reporter = await createReporter(own.id);
  const stranger = await createReporter(other.id);
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '未刊发的稿件', paragraphs: ['未刊发的正文。'] });
  const published = await getDb().issue.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
  const othersSubmission = await getDb().submission.create({
    data: { unitId: other.id, authorId: stranger.id, title: '他单位的来稿', body, bodyText: '正文。', ...sender },
  });

  await loginAndWait(page, reporter);
  for (const url of [
    `/submissions/${othersSubmission.id}`,
    '/items',
    `/items/${item.id}`,
    '/issues',
    `/issues/${published.id}`,
    '/review',
    '/published',
    `/published/${published.id}`,
    '/published/search?q=科协',
    '/statistics',
    '/statistics/sources',
    '/intake',
    `/intake/${othersSubmission.id}`,
    '/intake/requests',
    '/admin/users',
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByText('他单位的来稿')).toHaveCount(0);
    await expect(page.getByText('未刊发的正文')).toHaveCount(0);
  }
  for (const url of [`/api/issues/${published.id}/export/pdf`, `/api/issues/${published.id}/export/docx`, '/api/statistics/export?format=csv']) {
    const response = await page.request.get(url);
    expect([401, 403, 404], url).toContain(response.status());
  }

  const before = await getDb().submission.count();
  const itemsBefore = await getDb().item.count();
  for (const [name, data] of [
    ['adoptSubmissionAction', { id: othersSubmission.id, version: 1, sectionId: 1 }],
    ['declineSubmissionAction', { id: othersSubmission.id, version: 1, reason: '不采用' }],
    ['mergeSubmissionsAction', { submissions: [`${othersSubmission.id}:1`, `${othersSubmission.id + 1}:1`], title: '合并', sectionId: 1 }],
    ['createSubmissionRequestAction', { topic: '约稿', details: '', deadline: '2099-01-01', unitIds: [own.id] }],
    ['saveItemAction', { id: item.id, baseVersion: 1, title: '改', sectionId: 1, body }],
    ['createItemAction', { title: '新稿', sectionId: 1, body }],
    ['createUserAction', { username: 'mole', displayName: '内鬼', roles: ['ADMIN'] }],
  ] as const) {
    const response = await postJson(page.request, name, data);
    expect(response.status(), name).toBe(403);
    expect((await response.json()).message).toBe('您没有执行此操作的权限。');
  }
  // Revising another unit's submission: not found, not revealed.
  const revise = await postJson(page.request, 'reviseSubmissionAction', { id: othersSubmission.id, version: 1, title: '改', body, ...sender });
  expect(revise.status()).toBe(404);
  // A submission is always filed under the reporter's own unit, whatever the request says.
  const sent = await postJson(page.request, 'createSubmissionAction', { title: '本单位来稿', body, ...sender, unitId: other.id });
  expect(sent.status()).toBe(200);
  const { data } = (await sent.json()) as { data: { id: number } };
  expect(await getDb().submission.findUniqueOrThrow({ where: { id: data.id } })).toMatchObject({ unitId: own.id });
  expect(await getDb().submission.count()).toBe(before + 1);
  expect(await getDb().item.count()).toBe(itemsBefore);
  expect(await getDb().submission.findUniqueOrThrow({ where: { id: othersSubmission.id } })).toMatchObject({ status: 'SUBMITTED', title: '他单位的来稿' });
});

test('an editor cannot send a submission as a unit', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  await loginAndWait(page, editor);
  const response = await postJson(page.request, 'createSubmissionAction', { title: '冒充', body, ...sender });
  expect(response.status()).toBe(403);
  expect((await page.goto('/submissions'))?.status()).toBe(404);
});
