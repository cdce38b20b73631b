// Two app instances on one PostgreSQL, as behind a load balancer (README: 多台服务器). Instance A
// is the e2e server; instance B is a second launcher started here on the same production build,
// with DATABASE_URL pointing at A's database and A's NEXTAUTH_SECRET. Both listen on
// localhost, so one browser context carries one session cookie to both, as a browser behind a
// load balancer does. Checked across the two: the session (and its revocation), issue numbering
// under concurrent creation, the login throttle, and the stale-save conflict.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { freePort } from '@/ops/free-port';
import { login } from './fixtures/auth';
import { createItem, createUser, getDb, getSectionId } from './fixtures/data';
import { removeIssue } from './fixtures/issues';
import { E2E_DATA_DIR, E2E_PORT, getE2eDatabaseUrl } from './fixtures/server';

const B_DATA_DIR = '.data/e2e-instance-b';
const A = `http://localhost:${E2E_PORT}`;
let B: string;
let launcher: ChildProcess;
let output = '';

// Two production servers on a shared, busy machine: the first page of each route on B is cold.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(B_DATA_DIR, { recursive: true, force: true });
  const port = await freePort();
  B = `http://localhost:${port}`;
  launcher = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: B_DATA_DIR,
      DATABASE_URL: getE2eDatabaseUrl(),
      NEXTAUTH_SECRET: readFileSync(path.join(E2E_DATA_DIR, 'auth-secret'), 'utf8').trim(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output, { timeout: 110_000 }).toContain('按 Ctrl-C 停止');
  expect(output).toContain('使用 DATABASE_URL 指定的 PostgreSQL');
  // The first sign-in of a fresh server loads its routes: do that before the timed steps.
  for (const base of [A, B]) expect((await fetch(`${base}/login`)).status).toBe(200);
});

/** Signs in through A's login form; the first sign-in on a busy machine may take a while. */
async function signIn(page: Page, user: { username: string; password: string }) {
  await login(page, user, A);
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
}

test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`instance B said:\n${output.slice(-3000)}`);
});

test.afterAll(async () => {
  if (launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
  }
  rmSync(B_DATA_DIR, { recursive: true, force: true });
});

const JSON_HEADERS = { 'content-type': 'application/json' };

function postAction(request: APIRequestContext, base: string, name: string, data: Record<string, unknown>) {
  return request.post(`${base}/api/actions/${name}`, { data, headers: { ...JSON_HEADERS, origin: base } });
}

/** Which user, if any, instance `base` sees behind the page's cookie. */
async function currentUserOn(page: Page, base: string): Promise<string | null> {
  await page.goto(`${base}/items`);
  const user = page.getByTestId('current-user');
  return (await user.count()) ? await user.innerText() : null;
}

test('a session signed in on one instance is valid on the other, and signing out ends it on both', async ({ page }) => {
  const editor = await createUser(['EDITOR'], '双机编辑');
  await signIn(page, editor);
  const cookies = await page.context().cookies();
  expect(await currentUserOn(page, B)).toContain('双机编辑');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  // The signed-out cookie, replayed against A: the revocation is in the database.
  await page.context().addCookies(cookies);
  expect(await currentUserOn(page, A)).toBeNull();
  expect(await currentUserOn(page, B)).toBeNull();
});

test('issues created at the same moment through both instances get distinct numbers', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  await signIn(page, editor);
  // Dates far ahead of anything other specs create; each instance gets every other one.
  const dates = ['2041-01-04', '2041-01-11', '2041-01-18', '2041-01-25', '2041-02-01', '2041-02-08'];
  const responses = await Promise.all(dates.map((issueDate, i) => postAction(page.request, i % 2 ? B : A, 'createIssueAction', { issueDate })));
  const ids: number[] = [];
  try {
    for (const response of responses) {
      expect(response.status(), await response.text()).toBe(200);
      ids.push(((await response.json()) as { data: { id: number } }).data.id);
    }
    const issues = await getDb().issue.findMany({ where: { id: { in: ids } }, orderBy: { issueDate: 'asc' } });
    expect(issues).toHaveLength(dates.length);
    expect(new Set(issues.map((i) => i.totalNumber)).size).toBe(dates.length);
    expect(new Set(issues.map((i) => i.yearNumber)).size).toBe(dates.length);
    // Numbered by date, without gaps, whichever instance won each race.
    const first = issues[0]!;
    expect(issues.map((i) => [i.totalNumber - first.totalNumber, i.yearNumber - first.yearNumber])).toEqual(dates.map((_, k) => [k, k]));
  } finally {
    for (const id of ids) await removeIssue(id);
  }
});

test('failed logins through one instance count on the other', async ({ page }) => {
  const user = await createUser(['STAFF']);
  try {
    // Five failures, alternating between the instances: together they lock the account.
    for (let i = 0; i < 5; i++) {
      await login(page, { username: user.username, password: `wrong-${i}` }, i % 2 ? B : A);
      await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
    }
    for (const base of [A, B]) {
      await login(page, user, base);
      await expect(page.getByTestId('login-error')).toHaveText('登录失败次数过多，请15分钟后再试。');
      await expect(page.getByTestId('current-user')).toHaveCount(0);
    }
  } finally {
    // Every spec logs in from 127.0.0.1: give the address its failures back.
    await getDb().loginFailure.deleteMany({ where: { username: user.username } });
  }
});

test('a stale save through one instance is refused after a save through the other', async ({ page }) => {
  const editor = await createUser(['EDITOR']);
  const item = await createItem(editor, { title: '双机稿件' });
  const sectionId = await getSectionId('学会动态');
  await signIn(page, editor);
  const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const save = (base: string, baseVersion: number, text: string) =>
    postAction(page.request, base, 'saveItemAction', { id: item.id, baseVersion, title: '双机稿件', sectionId, body: body(text) });

  const first = await save(A, 1, '经A保存。');
  expect(first.status(), await first.text()).toBe(200);
  const stale = await save(B, 1, '经B保存，基于旧版本。');
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ code: 'CONFLICT' });

  // Two saves from the same version at the same moment, one through each: exactly one wins.
  const raced = await Promise.all([save(A, 2, '同时经A。'), save(B, 2, '同时经B。')]);
  expect(raced.map((r) => r.status()).sort()).toEqual([200, 409]);
  const saved = await getDb().item.findUniqueOrThrow({ where: { id: item.id } });
  expect(saved.version).toBe(3);
  expect(saved.bodyText).toBe(raced[0]!.status() === 200 ? '同时经A。' : '同时经B。');
  const history = await getDb().itemVersion.findFirstOrThrow({ where: { itemId: item.id }, orderBy: { version: 'desc' } });
  expect(history).toMatchObject({ version: 3, bodyText: saved.bodyText });
});
