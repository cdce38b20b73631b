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
const ITEM_FIELDS = { title: '模糊测试', subtitle: '', sectionId: NO_SUCH_ID, columnId: null, sources: ['某单位'], body: BODY, eventDate: '', status: 'DRAFT' };

const TEMPLATES: Record<string, Record<string, unknown>> = {
  // Users: a taken user name and a role that does not exist; or no such user.
  createUserAction: { username: 'admin', displayName: '模糊', roles: ['NOBODY'], password: '' },
  updateUserAction: { id: NO_SUCH_ID, displayName: '模糊', roles: ['STAFF'] },
  resetPasswordAction: { id: NO_SUCH_ID, password: '' },
  setUserDisabledAction: { id: NO_SUCH_ID, isDisabled: true },
  // Items: no such section, no such item.
  createItemAction: ITEM_FIELDS,
  saveItemAction: { ...ITEM_FIELDS, id: NO_SUCH_ID, baseVersion: 1 },
  restoreItemVersionAction: { id: NO_SUCH_ID, version: 1, baseVersion: 1 },
  // Issues: a date before the published issues (refused), no such issue.
  createIssueAction: { issueDate: '2000-01-07' },
  changeIssueDateAction: { id: NO_SUCH_ID, issueDate: '2030-01-04' },
  deleteIssueAction: { id: NO_SUCH_ID },
  addItemsToIssueAction: { id: NO_SUCH_ID, itemIds: [NO_SUCH_ID] },
  removeItemFromIssueAction: { id: NO_SUCH_ID, itemId: NO_SUCH_ID },
  orderSectionItemsAction: { id: NO_SUCH_ID, sectionId: NO_SUCH_ID, itemIds: [NO_SUCH_ID] },
  sortIssueByCatalogueAction: { id: NO_SUCH_ID },
  updateContentsAction: { id: NO_SUCH_ID, lines: ['目录'] },
  regenerateContentsAction: { id: NO_SUCH_ID },
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
