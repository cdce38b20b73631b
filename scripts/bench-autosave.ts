// `npm run bench:autosave`: the autosave round trip and typing latency on a 5,000-character
// item, against the production build on the embedded PostgreSQL. Prints figures; asserts nothing.
//
//   autosave_p50_ms / p95 / max — POST of a whole item (title, sources, 5,000-character body)
//     to the save action over HTTP, logged in, from request to parsed response;
//   typing_* — from each key press to the next painted frame while typing into that item.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { createPrismaClient } from '@/lib/db';
import { hashPassword } from '@/lib/password';
import { ensureBuilt } from '@/ops/build';
import { getToolEnv } from '@/lib/env';
import { percentile, signIn } from './bench/http';

const SAVES = 200;
const root = process.cwd();
const port = 3300 + Math.floor(Math.random() * 500);
const pgPort = 56_000 + Math.floor(Math.random() * 500);
const dataDir = await mkdtemp(path.join(tmpdir(), 'kexie-bench-'));

function paragraphOf(length: number, seed: number) {
  const text = '北京市科协组织召开工作交流学习会，推进学习年建设，深化科协系统改革和高端智库工作。';
  return Array.from({ length }, (_, i) => text[(i + seed) % text.length]).join('');
}

await ensureBuilt(root);
const server = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('已启动') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
});

const baseUrl = `http://127.0.0.1:${port}`;
const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
const prisma = createPrismaClient(`postgresql://kexie:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/kexie`);
try {
  const user = await prisma.user.create({
    data: { username: 'bench', displayName: '压测', roles: ['EDITOR'], passwordHash: await hashPassword('bench-password') },
  });
  const section = await prisma.section.findFirstOrThrow({ where: { name: '学会动态' } });
  const paragraphs = Array.from({ length: 10 }, (_, i) => paragraphOf(500, i));
  const bodyOf = (ps: string[]) => ({ type: 'doc', content: ps.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
  const item = await prisma.item.create({
    data: { title: '压测稿件', sectionId: section.id, sources: ['办公室'], body: bodyOf(paragraphs), bodyText: paragraphs.join('\n\n'), authorId: user.id },
  });
  await prisma.itemVersion.create({
    data: { itemId: item.id, version: 1, title: item.title, sectionId: section.id, sources: item.sources, body: item.body ?? {}, bodyText: item.bodyText, status: 'DRAFT', editorId: user.id },
  });

  const cookie = await signIn(baseUrl, 'bench', 'bench-password');

  const timings: number[] = [];
  for (let version = 1; version <= SAVES; version++) {
    const edited = [...paragraphs];
    edited[version % 10] = paragraphOf(500, version);
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/actions/saveItemAction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
      body: JSON.stringify({ id: item.id, baseVersion: version, title: '压测稿件', sectionId: section.id, sources: ['办公室'], body: bodyOf(edited) }),
    });
    const result = (await response.json()) as { ok: boolean; message?: string };
    timings.push(performance.now() - started);
    if (!result.ok) throw new Error(`save ${version} failed: ${result.message}`);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(`autosave_saves=${SAVES} body_chars=${paragraphs.join('').length}`);
  console.log(`autosave_p50_ms=${percentile(sorted, 50).toFixed(1)}`);
  console.log(`autosave_p95_ms=${percentile(sorted, 95).toFixed(1)}`);
  console.log(`autosave_max_ms=${sorted.at(-1)!.toFixed(1)}`);

  // Typing: Chromium's own measurement of how long each key press took to handle and paint.
  const browser = await chromium.launch({
    executablePath: getToolEnv().CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill('bench');
  await page.getByLabel('密码').fill('bench-password');
  await page.getByRole('button', { name: '登录' }).click();
  // Signed in: the login page sends the user on (to 待办 at /).
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${baseUrl}/items/${item.id}`);
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    // Input to the frame after it: handling, React, Tiptap and layout all included (CJK text
    // arrives as input events, not key presses, as from an IME).
    const latencies: number[] = [];
    (window as unknown as { __latencies: number[] }).__latencies = latencies;
    document.addEventListener(
      'beforeinput',
      (event) => requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - event.timeStamp))),
      true,
    );
  });
  const typingStarted = performance.now();
  await page.keyboard.type('科协每周动态'.repeat(17), { delay: 30 });
  const typingMs = performance.now() - typingStarted;
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  const latencies = (await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)).sort(
    (a, b) => a - b,
  );
  console.log(`typing_keys=${latencies.length} typing_wall_ms=${typingMs.toFixed(0)}`);
  console.log(`typing_key_to_frame_p50_ms=${percentile(latencies, 50).toFixed(1)}`);
  console.log(`typing_key_to_frame_p95_ms=${percentile(latencies, 95).toFixed(1)}`);
  await browser.close();
} finally {
  await prisma.$disconnect();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
