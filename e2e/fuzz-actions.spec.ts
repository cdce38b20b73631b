// Every action of the registry, posted malformed to the running app by a user who holds every
// role (so no role check stops a body before its validation). Each body must get a 4xx with a
// Chinese message, never a 500, and the database must not change at all.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';

/** Valid in shape but refused anyway: every record named does not exist, or two fields are wrong. */
const NO_SUCH_ID = 2_147_483_000;
const BODY = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文。' }] }] };
// A body with an open 修订, so the fuzzed saves also carry the suggestion marks.
const SUGGESTED_BODY = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: '修订', marks: [{ type: 'insertion', attrs: { id: 1, author: '模糊', time: '2030-01-04T08:00:00Z' } }] }] }],
};
const ITEM_FIELDS = { title: '模糊测试', subtitle: '', sectionId: NO_SUCH_ID, columnId: null, sources: ['某单位'], body: BODY, eventDate: '', status: 'DRAFT' };

const TEMPLATES: Record<string, Record<string, unknown>> = {
  // Users: a taken user name and a role that does not exist; or no such user.
  createUserAction: { username: 'admin', displayName: '模糊', roles: ['NOBODY'], password: '' },
  updateUserAction: { id: NO_SUCH_ID, displayName: '模糊', roles: ['STAFF'] },
  resetPasswordAction: { id: NO_SUCH_ID, password: '' },
  setUserDisabledAction: { id: NO_SUCH_ID, isDisabled: true },
  // Items: no such section, no such item.
  createItemAction: ITEM_FIELDS,
  saveItemAction: { ...ITEM_FIELDS, body: SUGGESTED_BODY, id: NO_SUCH_ID, baseVersion: 1 },
  restoreItemVersionAction: { id: NO_SUCH_ID, version: 1, baseVersion: 1 },
  // Issues: a date before the published issues (refused), no such issue.
  createIssueAction: { issueDate: '2000-01-07' },
  changeIssueDateAction: { id: NO_SUCH_ID, issueDate: '2030-01-04' },
  deleteIssueAction: { id: NO_SUCH_ID },
  addItemsToIssueAction: { id: NO_SUCH_ID, itemIds: [NO_SUCH_ID] },
  removeItemFromIssueAction: { id: NO_SUCH_ID, itemId: NO_SUCH_ID },
  putItemBackInIssueAction: { id: NO_SUCH_ID, itemId: NO_SUCH_ID, sectionItemIds: [NO_SUCH_ID] },
  orderSectionItemsAction: { id: NO_SUCH_ID, sectionId: NO_SUCH_ID, itemIds: [NO_SUCH_ID] },
  sortIssueByCatalogueAction: { id: NO_SUCH_ID },
  updateContentsAction: { id: NO_SUCH_ID, lines: ['目录'] },
  regenerateContentsAction: { id: NO_SUCH_ID },
  checkSubmitIssueAction: { id: NO_SUCH_ID },
  submitIssueAction: { id: NO_SUCH_ID },
  returnIssueAction: { id: NO_SUCH_ID, comment: '退回' },
  approveIssueAction: { id: NO_SUCH_ID },
  unlockIssueAction: { id: NO_SUCH_ID },
  publishIssueAction: { id: NO_SUCH_ID },
  addReviewCommentAction: { id: NO_SUCH_ID, itemId: null, body: '意见' },
  // Sections: a name in use and a kind that does not exist; or no such section/column.
  createSectionAction: { name: '学会动态', kind: 'NONE', beforeId: NO_SUCH_ID },
  renameSectionAction: { id: NO_SUCH_ID, name: '改名' },
  moveSectionAction: { id: NO_SUCH_ID, direction: 'up' },
  setSectionRetiredAction: { id: NO_SUCH_ID, isRetired: true },
  createSectionColumnAction: { sectionId: NO_SUCH_ID, name: '专栏' },
  renameSectionColumnAction: { id: NO_SUCH_ID, name: '改名' },
  moveSectionColumnAction: { id: NO_SUCH_ID, direction: 'down' },
  setSectionColumnRetiredAction: { id: NO_SUCH_ID, isRetired: false },
  // Imports: an empty file, and a preview fingerprint that matches nothing.
  previewImportAction: { files: [{ name: '空.txt', base64: '' }] },
  importIssuesAction: { files: [{ name: '空.txt', base64: '' }], fingerprints: ['0'.repeat(64)] },
  // Correcting an imported issue: no such issue, a stale version.
  correctImportedIssueAction: { id: NO_SUCH_ID, text: '# 标题\n正文。', version: '0'.repeat(64) },
  // Publication settings: two fields empty.
  updatePublicationSettingsAction: { name: '', publisher: '北京市科协办公室', distribution: '', contentsOnOwnPage: false, contentsStyle: 'HEADLINES' },
  // A new publication: no name and a short code that is not one (two faults, so no single change makes it valid).
  createPublicationAction: { name: '', slug: 'Not A Code', publisher: '北京市科协办公室', distribution: '', sections: '工作专报', contentsOnOwnPage: false, contentsStyle: 'HEADLINES' },
  // 校对: a kind that does not exist and no term; no such entry; no such item and a key of no rule.
  createGlossaryEntryAction: { kind: 'NONE', term: '', title: '职务', variants: '', note: '' },
  deleteGlossaryEntryAction: { id: NO_SUCH_ID },
  ignoreFindingAction: { itemId: NO_SUCH_ID, key: 'no-rule|[x]' },
  // 信息报送 (as an editor: no unit to report for); 来稿: no such submission; 约稿: no such unit.
  createSubmissionAction: { title: '来稿', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] }, writer: '张三', writerPhone: '010-1234567', signedOffBy: '李四' },
  reviseSubmissionAction: { id: NO_SUCH_ID, version: 1, title: '来稿', body: { type: 'doc', content: [] }, writer: '张三', writerPhone: '010-1234567', signedOffBy: '李四' },
  readSubmissionFileAction: { file: { name: '空.docx', base64: '' } },
  adoptSubmissionAction: { id: NO_SUCH_ID, version: 1, sectionId: NO_SUCH_ID },
  mergeSubmissionsAction: { submissions: [`${NO_SUCH_ID}:1`, '1:1'], title: '综合', sectionId: NO_SUCH_ID },
  returnSubmissionAction: { id: NO_SUCH_ID, version: 1, reason: '退回' },
  declineSubmissionAction: { id: NO_SUCH_ID, version: 1, reason: '不采用' },
  createSubmissionRequestAction: { topic: '约稿', details: '', deadline: '2099-01-01', unitIds: [NO_SUCH_ID] },
  // 批注: no such issue or item, no such 批注; notifications: none of them is the user's.
  addAnnotationAction: { issueId: NO_SUCH_ID, itemId: NO_SUCH_ID, quote: '正文', startOffset: 0, body: '批注' },
  replyToAnnotationAction: { id: NO_SUCH_ID, body: '回复' },
  setAnnotationResolvedAction: { id: NO_SUCH_ID, isResolved: true },
  markNotificationsReadAction: { ids: [NO_SUCH_ID] },
  // Units: no name and a kind that does not exist; an empty file; no name and no such unit;
  // a date that is none and negative points; no leader and no such issue; no such 批示.
  createUnitAction: { name: '', kind: 'NONE', shortNames: '', aliases: '', isActive: true },
  updateUnitAction: { id: NO_SUCH_ID, name: '', kind: 'NONE', shortNames: '', aliases: '', isActive: false },
  importUnitsAction: { file: { name: '空.csv', base64: '' } },
  mapSourceNameAction: { name: '', unitId: NO_SUCH_ID },
  createPointRuleSetAction: { effectiveFrom: '2030-02-30', singleAdoption: -1, mergedAdoption: 0.5, requestBonus: 1, instructionBonus: 2 },
  recordLeaderInstructionAction: { issueId: NO_SUCH_ID, position: 0, leader: '', date: '2030-01-01', text: '阅' },
  deleteLeaderInstructionAction: { id: NO_SUCH_ID },
};

/** JSON nested `depth` deep, written as text (JSON.stringify would overflow the stack). */
function nestedJson(depth: number, asObject = false): string {
  return asObject ? '{"a":'.repeat(depth) + '0' + '}'.repeat(depth) : '['.repeat(depth) + '0' + ']'.repeat(depth);
}

const MEGABYTE = 'x'.repeat(1024 * 1024);
const ALMOST_A_MEGABYTE = '科'.repeat(300_000);

/** What a field is replaced with: every type JSON allows, at its edges. */
const FIELD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2_147_483_648,
  -2_147_483_649,
  1e21,
  '1e0',
  '',
  '   ',
  '\u0000',
  '科\u0000协',
  '\ud800',
  '\udfff科',
  'a\u202eb',
  '科\u200b协',
  '\ufeff',
  '２',
  'NaN',
  '<script>alert(1)</script>',
  ALMOST_A_MEGABYTE,
  [],
  [1, '2', null],
  {},
  JSON.parse(nestedJson(200)),
  { __proto__: null, constructor: { prototype: { polluted: true } } },
];

/** Whole bodies, as sent, that are not what any action takes. */
const BODIES: string[] = [
  ...[null, true, 0, 2_147_483_648, 'text', '', [], [{ id: 1 }], {}, MEGABYTE, '\u0000'].map((body) => JSON.stringify(body)),
  nestedJson(100_000),
  nestedJson(5_000, true),
  '{"__proto__": {"id": 1, "roles": ["ADMIN"]}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
];

/** The actions declared in lib/actions/*.ts, the registry's sources. */
function declaredActions(): string[] {
  return readdirSync('lib/actions')
    .filter((file) => file.endsWith('.ts') && file !== 'registry.ts')
    .flatMap((file) => [...readFileSync(`lib/actions/${file}`, 'utf8').matchAll(/export const (\w+Action) = action\(/g)].map((m) => m[1]!));
}

function* malformedBodies(template: Record<string, unknown>): Generator<string> {
  yield* BODIES;
  for (const field of Object.keys(template)) {
    for (const value of FIELD_VALUES) yield JSON.stringify({ ...template, [field]: value });
    yield JSON.stringify(Object.fromEntries(Object.entries(template).filter(([key]) => key !== field)));
  }
  // A literal __proto__ key would set the prototype here; in JSON it is an ordinary key.
  yield JSON.stringify(template).replace(/^\{/, '{"__proto__":{"id":1,"roles":["ADMIN"]},"unexpected":"\\ud800",');
  // Not JSON at all, and JSON cut short.
  yield '{"id": 1,';
  yield '\u0000';
}

/** A digest of every table, to prove that nothing was written. */
async function databaseFingerprint(): Promise<string> {
  const tables = await getDb().$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const digests: string[] = [];
  for (const { name } of tables) {
    const [row] = await getDb().$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM "${name.replaceAll('"', '""')}" t`,
    );
    digests.push(`${name}:${row?.digest ?? 'empty'}`);
  }
  return digests.join('\n');
}

async function post(request: APIRequestContext, name: string, body: string) {
  const response = await request.post(`/api/actions/${name}`, { data: body, headers: { 'content-type': 'application/json' } });
  const text = await response.text();
  return { status: response.status(), text };
}

test('every action answers every malformed body with a Chinese 4xx and writes nothing', async ({ page }) => {
  test.setTimeout(600_000);
  const names = declaredActions();
  expect(names.length).toBeGreaterThan(20);
  expect(names.filter((name) => !TEMPLATES[name]), 'actions without a fuzz template').toEqual([]);

  const everyone = await createUser(['ADMIN', 'EDITOR', 'REVIEWER', 'STAFF'], '模糊测试员');
  await loginAndWait(page, everyone);
  const before = await databaseFingerprint();

  let requests = 0;
  const failures: string[] = [];
  for (const name of names) {
    const bodies = [...malformedBodies(TEMPLATES[name]!)];
    // Ten at a time: concurrent like real traffic, without queueing the whole corpus.
    for (let i = 0; i < bodies.length; i += 10) {
      const results = await Promise.all(bodies.slice(i, i + 10).map((body) => post(page.request, name, body)));
      for (const [j, { status, text }] of results.entries()) {
        requests++;
        const isChinese = /[\u4e00-\u9fff]/.test(text);
        if (status < 400 || status >= 500 || !isChinese) failures.push(`${name} ${status} ${bodies[i + j]!.slice(0, 120)} → ${text.slice(0, 200)}`);
      }
    }
  }
  const responses500 = failures.filter((f) => / 5\d\d /.test(f)).length;
  console.log(`fuzz: ${requests} requests over ${names.length} actions, ${responses500} responses 500, ${failures.length} not a Chinese 4xx`);
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThanOrEqual(900);
  expect(await databaseFingerprint()).toBe(before);
});

/** Raw Server Action bodies React cannot decode, as a browser-less client can send them. */
const RAW_ACTION_BODIES: { contentType: string; body: string | Buffer }[] = [
  ...['garbage', '[', '', '["$Q1"]', '["$W1"]', '["$@1"]', '["$1"]', '["$K1"]', '["$B1"]', '["$h1"]', '["$T"]', '["$o1"]', `["$n${'9'.repeat(400)}"]`, 'null', '{}', '"$Q1"', '\u0000', '[1,', nestedJson(5_000), nestedJson(5_000, true), `[${nestedJson(5_000)}]`].map(
    (body) => ({ contentType: 'text/plain;charset=UTF-8', body }),
  ),
  { contentType: 'multipart/form-data; boundary=X', body: '--X\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--X' },
  { contentType: 'multipart/form-data; boundary=X', body: '--X\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$Q1"]\r\n--X--\r\n' },
  { contentType: 'multipart/form-data; boundary=X', body: '--X\r\nContent-Disposition: form-data; name="1"\r\n\r\n[]\r\n--X--\r\n' },
  { contentType: 'multipart/form-data', body: 'garbage' },
  { contentType: 'multipart/form-data; boundary=X', body: '' },
  { contentType: 'application/json', body: '[' },
];

/** Action ids no build of ours has: random, empty, too long, not hex. */
const UNKNOWN_ACTION_IDS = ['0'.repeat(40), 'f'.repeat(42), '', 'x', 'a'.repeat(5000), '../../etc/passwd', '$ACTION_ID_1'];

function serverActionIds(): string[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, unknown> };
  return Object.keys(manifest.node);
}

test('raw Server Action requests that React cannot decode, and unknown action ids, get a Chinese 4xx, signed in or not', async ({ page, playwright }) => {
  test.setTimeout(600_000);
  const ids = serverActionIds();
  expect(ids.length).toBeGreaterThan(20);
  const everyone = await createUser(['ADMIN', 'EDITOR', 'REVIEWER', 'STAFF'], '模糊测试员');
  await loginAndWait(page, everyone);
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const before = await databaseFingerprint();

  let requests = 0;
  let responses500 = 0;
  let english = 0;
  const failures: string[] = [];
  const send = async (request: APIRequestContext, who: string, id: string, { contentType, body }: (typeof RAW_ACTION_BODIES)[number]) => {
    const response = await request.post('/items', {
      headers: { 'next-action': id, 'content-type': contentType, accept: 'text/x-component', origin: new URL(page.url()).origin },
      data: body,
      maxRedirects: 0,
    });
    const text = await response.text();
    requests++;
    const status = response.status();
    if (status >= 500) responses500++;
    if (!/[\u4e00-\u9fff]/.test(text)) english++;
    if (status < 400 || status >= 500 || !/[\u4e00-\u9fff]/.test(text)) {
      failures.push(`${who} ${id.slice(0, 12)} ${status} ${String(body).slice(0, 40)} → ${text.slice(0, 120)}`);
    }
  };
  for (const [who, request] of [['anonymous', anonymous], ['signed-in', page.request]] as const) {
    for (const id of ids) {
      for (let i = 0; i < RAW_ACTION_BODIES.length; i += 10) {
        await Promise.all(RAW_ACTION_BODIES.slice(i, i + 10).map((raw) => send(request, who, id, raw)));
      }
    }
    for (const id of UNKNOWN_ACTION_IDS) {
      await Promise.all([{ contentType: 'text/plain;charset=UTF-8', body: '[]' }, ...RAW_ACTION_BODIES.slice(0, 3)].map((raw) => send(request, who, id, raw)));
    }
  }
  await anonymous.dispose();
  console.log(`raw actions: ${requests} requests over ${ids.length} action ids and ${UNKNOWN_ACTION_IDS.length} unknown ids, ${responses500} responses 500, ${english} answers without Chinese`);
  expect(failures).toEqual([]);
  expect(await databaseFingerprint()).toBe(before);
});

test('a Server Action body over the upload limit gets a Chinese 413', async ({ page }) => {
  const admin = await createUser(['ADMIN']);
  await loginAndWait(page, admin);
  const id = serverActionIds()[0]!;
  const twentyMegabytes = Buffer.alloc(20 * 1024 * 1024, 0x61);
  const response = await page.request.post('/admin/import', {
    headers: { 'next-action': id, 'content-type': 'multipart/form-data; boundary=X', origin: new URL(page.url()).origin },
    data: Buffer.concat([Buffer.from('--X\r\nContent-Disposition: form-data; name="_1_files"; filename="a.docx"\r\n\r\n'), twentyMegabytes, Buffer.from('\r\n--X--\r\n')]),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).message).toMatch(/过大/);
});
