// The embedded PostgreSQL dies under a running app: the launcher notices and says so, requests
// meanwhile get a Chinese 503 (never a 500), PostgreSQL is started again and the app carries on
// with its data. The web server killed during autosaves is started again by the launcher within
// seconds, with PostgreSQL left running and every acknowledged save kept; one of its worker
// processes killed is replaced while the other answers. Runs its own `npm start` with two web
// worker processes (the e2e server's database is left alone).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createPrismaClient } from '@/lib/db';
import { hashPassword } from '@/lib/password';
import { freePort } from '@/ops/free-port';
import { findMissingGlyphs } from './fixtures/glyphs';

const DATA_DIR = '.data/e2e-database-loss';
// Ports the system has free right now: the next ports after the e2e server's may be another
// checkout's on a shared machine.
let PORT: number;
let PG_PORT: number;
let BASE: string;

let launcher: ChildProcess;
let output = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  [PORT, PG_PORT] = [await freePort(), await freePort()];
  BASE = `http://127.0.0.1:${PORT}`;
  launcher = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(PG_PORT), DATA_DIR, DATABASE_URL: '', SEED_DEMO: '0', WEB_CONCURRENCY: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output, { timeout: 150_000 }).toContain('按 Ctrl-C 停止');
});

test.afterAll(async () => {
  if (launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
});

/**
 * The status of a GET on a connection of its own: the workers take connections in turn, so
 * requests in a row reach each of them (fetch would keep reusing one connection, one worker).
 */
function statusOnNewConnection(pathname: string): Promise<number> {
  return new Promise((resolve) => {
    const call = request(`${BASE}${pathname}`, { agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // No answer within 10 s, or none at all: 0.
    call.on('timeout', () => call.destroy()).on('error', () => resolve(0));
    call.end();
  });
}

/** The web server's worker processes: the children of the process the launcher last said it started. */
function webWorkerPids(): number[] {
  const serverPid = [...output.matchAll(/进程 (\d+)）/g)].at(-1)?.[1];
  return readFileSync(`/proc/${serverPid}/task/${serverPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function postmasterPid(): number {
  return Number(readFileSync(path.join(DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

test('a killed PostgreSQL gives 503s in Chinese, is restarted, and the app carries on', async ({ page }) => {
  test.setTimeout(120_000);
  const adminPassword = /admin\s+密码 (\S+)/.exec(output)?.[1];
  expect(adminPassword).toBeTruthy();
  const firstPid = postmasterPid();
  expect((await fetch(`${BASE}/login`)).status).toBe(200);

  process.kill(firstPid, 'SIGKILL');
  await expect.poll(() => output).toContain('内置数据库意外停止');

  // Whatever is asked while the database is gone: a 503 with a Chinese message.
  const statuses: number[] = [];
  let page503 = '';
  let api503: { code?: string; message?: string } = {};
  let fontStatus = 0;
  await expect
    .poll(async () => {
      const [html, api, font] = await Promise.all([
        fetch(`${BASE}/items`),
        fetch(`${BASE}/api/actions/createItemAction`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
        fetch(`${BASE}/fonts/ui.css`),
      ]);
      statuses.push(html.status, api.status);
      if (html.status === 503) {
        page503 = await html.text();
        fontStatus = font.status;
      }
      if (api.status === 503) api503 = await api.json();
      return page503 !== '' && api503.code !== undefined;
    })
    .toBe(true);
  expect(statuses).not.toContain(500);
  expect(page503).toContain('暂时无法访问');
  // Its Chinese web font needs no database: the page reads as Chinese also where no Chinese font is installed.
  expect(fontStatus).toBe(200);
  expect(api503).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('数据库暂时无法连接') });
  // Every worker was told (not only the one that answered above).
  const meanwhile = await Promise.all(Array.from({ length: 6 }, () => statusOnNewConnection('/items')));
  expect(meanwhile).not.toContain(500);
  if (meanwhile.some((status) => status !== 503)) await expect.poll(() => output, { timeout: 5_000 }).toContain('内置数据库已重新启动');

  await expect.poll(() => output, { timeout: 60_000 }).toContain('内置数据库已重新启动');
  expect(postmasterPid()).not.toBe(firstPid);
  expect(launcher.exitCode).toBeNull();

  // The 503 page as a browser drew it: every Chinese character in a Chinese font.
  await page.route(`${BASE}/items`, (route) => route.fulfill({ status: 503, contentType: 'text/html; charset=utf-8', body: page503 }));
  await page.goto(`${BASE}/items`);
  await expect(page.getByRole('heading', { name: '暂时无法访问' })).toBeVisible();
  expect(await findMissingGlyphs(page, '503')).toEqual([]);
  await page.unrouteAll();

  // The same data, through the real login.
  await page.goto(`${BASE}/login`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(adminPassword!);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`${BASE}/admin/users`);
  await expect(page.getByRole('main')).toContainText('admin');
});

test('a web server killed with SIGKILL during autosaves is restarted within 15 s and no acknowledged save is lost', async ({ page }) => {
  test.setTimeout(120_000);
  const password = readFileSync(path.join(DATA_DIR, 'postgres-password'), 'utf8').trim();
  const db = createPrismaClient(`postgresql://kexie:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/kexie`);
  try {
    const editor = { username: `crash${randomBytes(3).toString('hex')}`, password: `pw-${randomBytes(6).toString('hex')}` };
    await db.user.create({ data: { username: editor.username, displayName: '崩溃测试', roles: ['EDITOR'], passwordHash: await hashPassword(editor.password) } });
    const sectionId = (await db.section.findFirstOrThrow({ where: { isRetired: false } })).id;
    const postmaster = postmasterPid();

    await page.goto(`${BASE}/login`);
    await page.getByLabel('用户名').fill(editor.username);
    await page.getByLabel('密码').fill(editor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible();

    const headers = { 'content-type': 'application/json', origin: BASE };
    const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const created = await page.request.post(`${BASE}/api/actions/createItemAction`, { headers, data: { title: '自动保存', sectionId, body: doc('第0版') } });
    expect(created.status()).toBe(200);
    const itemId = ((await created.json()) as { data: { id: number } }).data.id;

    const serverPid = Number(/网页服务进程 (\d+)/.exec(output)?.[1]);
    expect(serverPid).toBeGreaterThan(0);
    let acknowledged = { version: 1, text: '第0版' };
    const statuses: number[] = [];
    let n = 0;
    /** One autosave from the version last acknowledged; its status (0: no answer at all). */
    const save = async () => {
      const text = `第${++n}版`;
      const response = await page.request
        .post(`${BASE}/api/actions/saveItemAction`, { headers, data: { id: itemId, baseVersion: acknowledged.version, title: '自动保存', sectionId, body: doc(text) }, timeout: 5_000 })
        .catch(() => null);
      if (response?.status() === 200) acknowledged = { version: ((await response.json()) as { data: { version: number } }).data.version, text };
      statuses.push(response?.status() ?? 0);
      return response?.status() ?? 0;
    };
    for (let i = 0; i < 5; i++) expect(await save()).toBe(200);
    process.kill(serverPid, 'SIGKILL');
    const killedAt = Date.now();
    // Autosaves keep coming; within 15 s they are acknowledged again.
    await expect.poll(save, { timeout: 15_000, intervals: [100, 250] }).toBe(200);
    const backAfterMs = Date.now() - killedAt;
    console.log(`web server back ${(backAfterMs / 1000).toFixed(1)} s after kill -9`);
    expect(await save()).toBe(200);
    expect(statuses, 'no 500 while the web server is away').not.toContain(500);
    await expect.poll(() => output).toContain('网页服务已重新启动');
    expect(launcher.exitCode).toBeNull();
    expect(postmasterPid()).toBe(postmaster);

    const stored = await db.item.findUniqueOrThrow({ where: { id: itemId }, select: { version: true, bodyText: true } });
    expect(stored).toEqual({ version: acknowledged.version, bodyText: acknowledged.text });
    expect((await fetch(`${BASE}/login`)).status).toBe(200);
  } finally {
    await db.$disconnect();
  }
});

test('a web worker process killed with SIGKILL is replaced while the other one answers every request', async () => {
  test.setTimeout(60_000);
  const workers = webWorkerPids();
  expect(workers).toHaveLength(2);
  const [killed, survivor] = workers as [number, number];
  const logBefore = output.length;
  process.kill(killed, 'SIGKILL');
  // Once the server has seen the worker go (node:cluster hands no more connections to it; one
  // handed over in the instant it died would be lost with it), the other answers everything
  // while the replacement starts.
  await expect.poll(() => output).toContain(`网页服务子进程 ${killed} 意外退出`);
  const statuses = [];
  for (let i = 0; i < 10; i++) statuses.push(await statusOnNewConnection('/login'));
  expect(statuses).toEqual(Array(10).fill(200));
  await expect.poll(() => webWorkerPids().length, { timeout: 15_000 }).toBe(2);
  expect(webWorkerPids()).toContain(survivor);
  expect(webWorkerPids()).not.toContain(killed);
  expect(launcher.exitCode).toBeNull();
  expect(output.slice(logBefore), 'the web server as a whole never went away').not.toContain('网页服务意外退出');
});
