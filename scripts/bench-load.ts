// `npm run bench:load [-- --seconds 60 --think-ms 1000 --sizes 6000,60000 --keep-data DIR --trace PREFIX]`: the system under
// load with ten years of archive. For each data size it generates the archive into a fresh
// embedded database (weekly issues of 12 items; 6,000 items = 500 issues over ten years, all
// published in the system; 60,000 = the same plus 4,500 imported older issues), starts the
// production build on it, signs in 20 users and lets them work for a fixed time over the
// dashboard (稿件), the item editor, the assembly page of the issue being prepared, the archive
// (one year, and a published issue), 信息采用统计 (one year) and the search, each user pausing
// about --think-ms between pages. --keep-data keeps each size's database in DIR/<size> and uses
// it again next time instead of generating. Prints p50/p95/max per page and the errors (any
// answer but 200), each page alone (one request at a time, after the load), the search query's
// own time in the database, and the editor route's first-load JavaScript (gzip). Figures, not
// pass/fail. Targets (issue 10, on 2 cores): pages p95 ≤ 150 ms, search p95 ≤ 50 ms at 6,000
// items and ≤ 100 ms at 60,000, 0 errors, editor first-load JS ≤ 300 KB gzip.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { migrateDatabase } from '@/ops/migrate';
import { ensureBuilt } from '@/ops/build';
import { freePort } from '@/ops/free-port';
import { startEmbeddedPostgres } from '@/ops/embedded-postgres';
import { createRandom, SEARCH_QUERIES } from './bench/corpus';
import { ensureBenchUsers, generateArchive } from './bench/generate';
import { generateIntake } from './bench/intake';
import { percentile, signIn } from './bench/http';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    // The same load, unmeasured, before the measured seconds: a server that has just started
    // compiles its code as it goes (V8 optimises what runs often), and a real one has long done so.
    'warmup-seconds': { type: 'string', default: '30' },
    'think-ms': { type: 'string', default: '1000' },
    sizes: { type: 'string', default: '6000,60000' },
    users: { type: 'string', default: '20' },
    // Write every measured request (start and duration in ms, page) to PREFIX-<size>.json: shows
    // whether slow answers come alone or in bursts.
    trace: { type: 'string' },
    // Keep the generated archive in this folder and use it again on the next run of that size
    // (generating 60,000 items takes 5–12 minutes on 2 busy cores).
    'keep-data': { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const WARMUP_SECONDS = Number(values['warmup-seconds']);
const THINK_MS = Number(values['think-ms']);
const USERS = Number(values.users);
const SIZES = values.sizes!.split(',').map(Number);
const PASSWORD = 'bench-password-load';
const root = process.cwd();

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
/**
 * The JavaScript a first visit of the page loads: every script the HTML names, gzip-compressed.
 * Not the `noModule` polyfills (39 KB) that only browsers without ES modules load.
 */
async function firstLoadJsGzip(baseUrl: string, pagePath: string, cookie: string): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } })).text();
  const tags = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((tag) => !/\snomodule[\s=>]/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => /\ssrc="([^"]+\.js[^"]*)"/.exec(tag)?.[1]?.replaceAll('&amp;', '&') ?? []));
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return { kb: bytes / 1024, files: sources.size };
}

interface PageSpec {
  name: string;
  weight: number;
  url: () => string;
}

/** Every user going through the pages for `seconds`; the answers' times and errors per page. */
async function runLoad(baseUrl: string, cookies: string[], pages: PageSpec[], seconds: number) {
  const timings = new Map(pages.map((p) => [p.name, [] as number[]]));
  const trace: [start: number, ms: number, page: string][] = [];
  const errors = new Map(pages.map((p) => [p.name, [] as string[]]));
  const schedule = pages.flatMap((p) => Array.from({ length: p.weight }, () => p));
  const random = createRandom(7);
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie, user) => {
      // Users start spread over the first think time, not all in the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, (user / cookies.length) * THINK_MS));
      for (let k = user; performance.now() < end; k++) {
        const page = schedule[k % schedule.length]!;
        const url = page.url();
        const started = performance.now();
        try {
          const response = await fetch(`${baseUrl}${url}`, { headers: { cookie }, redirect: 'manual' });
          await response.arrayBuffer();
          timings.get(page.name)!.push(performance.now() - started);
          trace.push([Math.round(started), Math.round(performance.now() - started), page.name]);
          if (response.status !== 200) errors.get(page.name)!.push(`${response.status} ${url}`);
        } catch (error) {
          errors.get(page.name)!.push(`${error instanceof Error ? error.message : String(error)} ${url}`);
        }
        await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + random.next())));
      }
    }),
  );
  return { timings, errors, trace };
}

/**
 * Each page on its own, one request after another (after the load, so the server is warm): the
 * page's own time on this machine, without waiting behind other requests. It shows how much of
 * a p95 under load is the page and how much is the machine (whose speed changes from hour to hour).
 */
async function timeAlone(baseUrl: string, cookie: string, pages: PageSpec[], rounds = 20): Promise<Map<string, number>> {
  const medians = new Map<string, number>();
  for (const page of pages) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      await (await fetch(`${baseUrl}${page.url()}`, { headers: { cookie }, redirect: 'manual' })).arrayBuffer();
      times.push(performance.now() - started);
    }
    medians.set(page.name, percentile(times.sort((a, b) => a - b), 50));
  }
  return medians;
}

type ArchiveData = Omit<Awaited<ReturnType<typeof generateArchive>>, 'db'>;

/** The archive of this size: generated into a fresh database, or the one kept by an earlier run (--keep-data). */
async function prepareArchive(databaseUrl: string, totalItems: number, keptFile: string | null): Promise<ArchiveData> {
  await migrateDatabase(databaseUrl);
  if (keptFile && existsSync(keptFile)) {
    const kept = JSON.parse(await readFile(keptFile, 'utf8')) as ArchiveData;
    process.env.DATABASE_URL = databaseUrl;
    console.log(`\n== ${totalItems.toLocaleString('en')} items: the archive kept in ${path.dirname(keptFile)} (load ${load()})`);
    return kept;
  }
  console.log(`\n== ${totalItems.toLocaleString('en')} items: generating (load ${load()}) …`);
  const { db: generatedDb, ...data } = await generateArchive(databaseUrl, totalItems, { users: USERS, password: PASSWORD });
  void generatedDb;
  console.log(
    `generated ${data.publishedIds.length} published issues, ${data.archiveItems} archive items, ${data.draftIds.length} drafts in ${data.seconds.toFixed(0)} s`,
  );
  if (keptFile) await writeFile(keptFile, JSON.stringify(data));
  return data;
}

async function benchSize(totalItems: number) {
  const keptDir = values['keep-data'] ? path.resolve(values['keep-data'], String(totalItems)) : null;
  if (keptDir) await mkdir(keptDir, { recursive: true });
  const dataDir = keptDir ?? (await mkdtemp(path.join(tmpdir(), 'kexie-bench-load-')));
  const pgPort = await freePort();
  const port = await freePort();
  let server: ChildProcess | undefined;
  const database = await startEmbeddedPostgres({ dir: dataDir, port: pgPort, database: 'kexie' });
  try {
    const data = await prepareArchive(database.url, totalItems, keptDir && path.join(keptDir, 'bench-data.json'));
    const { db } = await import('@/lib/db');
    // A kept database may come from a run with fewer users, or one stopped while signing in
    // (its failed logins would throttle this run's).
    await ensureBenchUsers(db, USERS, PASSWORD);
    await db.loginFailure.deleteMany({});
    const intake = await generateIntake(db);
    console.log(`intake: ${intake.unitIds.length} units, ${intake.submissions} submissions (${intake.adopted} adopted), ${intake.instructions} 领导批示 in ${intake.seconds.toFixed(0)} s`);

    server = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(24).toString('hex') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('已启动') && resolve());
      server!.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    const cookies = await Promise.all(Array.from({ length: USERS }, (_, i) => signIn(baseUrl, `bench${i}`, PASSWORD)));

    const random = createRandom(42);
    const pages: PageSpec[] = [
      { name: 'dashboard /items', weight: 2, url: () => '/items' },
      { name: 'item editor', weight: 2, url: () => `/items/${random.pick(data.draftIds)}` },
      { name: 'assembly /issues/N', weight: 2, url: () => `/issues/${data.assemblingId}` },
      { name: '来稿 /intake', weight: 2, url: () => '/intake' },
      { name: '来稿 by unit, all', weight: 1, url: () => `/intake?status=ALL&unitId=${random.pick(intake.unitIds)}&page=${1 + Math.floor(random.next() * 3)}` },
      { name: 'archive /published', weight: 1, url: () => `/published?year=${random.pick(data.years)}` },
      { name: 'archive issue', weight: 1, url: () => `/published/${random.pick(data.publishedIds)}` },
      { name: 'statistics by source', weight: 1, url: () => `/statistics/sources?fromYear=${random.pick(data.years)}` },
      { name: '采用统计 /statistics', weight: 1, url: () => `/statistics?year=${random.pick(intake.years)}${random.next() < 0.5 ? `&quarter=${random.int(1, 4)}` : ''}` },
      {
        name: 'search page',
        weight: 3,
        url: () => `/published/search?q=${encodeURIComponent(random.pick(SEARCH_QUERIES))}${random.next() < 0.2 ? `&year=${random.pick(data.years)}` : ''}`,
      },
    ];
    // Warm up every page once per user (compiled routes, caches, connections).
    for (const page of pages) await Promise.all(cookies.slice(0, 4).map((cookie) => fetch(`${baseUrl}${page.url()}`, { headers: { cookie } }).then((r) => r.arrayBuffer())));

    if (WARMUP_SECONDS > 0) {
      const warmup = await runLoad(baseUrl, cookies, pages, WARMUP_SECONDS);
      const count = [...warmup.timings.values()].reduce((n, t) => n + t.length, 0);
      const all = [...warmup.timings.values()].flat().sort((a, b) => a - b);
      console.log(`warm-up: ${WARMUP_SECONDS} s of the same load, ${count} requests, p95 ${percentile(all, 95).toFixed(1)} ms (not counted below)`);
    }
    const loadBefore = load();
    const { timings, errors, trace } = await runLoad(baseUrl, cookies, pages, SECONDS);
    if (values.trace) await writeFile(`${values.trace}-${totalItems}.json`, JSON.stringify(trace));
    const total = [...timings.values()].reduce((n, t) => n + t.length, 0);
    console.log(`${USERS} users, ${SECONDS} s, think time ~${THINK_MS} ms: ${total} requests (${(total / SECONDS).toFixed(1)}/s); load average before ${loadBefore}, after ${load()}`);
    const alone = await timeAlone(baseUrl, cookies[0]!, pages);
    console.log(`${'page'.padEnd(22)} ${'n'.padStart(6)} ${'p50_ms'.padStart(8)} ${'p95_ms'.padStart(8)} ${'max_ms'.padStart(8)} ${'errors'.padStart(7)} ${'alone_ms'.padStart(9)}`);
    let worstPageP95 = 0;
    for (const page of pages) {
      const sorted = [...timings.get(page.name)!].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      if (page.name !== 'search page') worstPageP95 = Math.max(worstPageP95, p95);
      console.log(
        `${page.name.padEnd(22)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(8)} ${String(errors.get(page.name)!.length).padStart(7)} ${alone.get(page.name)!.toFixed(1).padStart(9)}`,
      );
      for (const message of errors.get(page.name)!.slice(0, 3)) console.log(`    error: ${message}`);
    }
    const search = [...timings.get('search page')!].sort((a, b) => a - b);
    const errorCount = [...errors.values()].reduce((n, e) => n + e.length, 0);

    // The search query alone, in the database, one at a time (no other load).
    const { searchArchive } = await import('@/lib/data/archive');
    const queryTimes: number[] = [];
    const perQuery = new Map<string, number[]>();
    const publicationId = (await db.publication.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
    for (let round = 0; round < 5; round++) {
      for (const query of SEARCH_QUERIES) {
        const started = performance.now();
        await searchArchive({ query, publicationId });
        const elapsed = performance.now() - started;
        queryTimes.push(elapsed);
        perQuery.set(query, [...(perQuery.get(query) ?? []), elapsed]);
      }
    }
    queryTimes.sort((a, b) => a - b);
    const medians = [...perQuery].map(([query, times]) => `${query}:${percentile([...times].sort((a, b) => a - b), 50).toFixed(0)}`);
    console.log(`search_query_median_ms_by_query ${medians.join(' ')}`);
    const size = `${totalItems}`;
    console.log(`pages_worst_p95_ms_${size}=${worstPageP95.toFixed(1)}   (target ≤ 150)`);
    console.log(`search_page_p95_ms_${size}=${percentile(search, 95).toFixed(1)}   (target ≤ ${totalItems <= 6000 ? 50 : 100}; under the page mix)   search_page_alone_p50_ms_${size}=${alone.get('search page')!.toFixed(1)}`);
    console.log(`search_query_p50_ms_${size}=${percentile(queryTimes, 50).toFixed(1)} search_query_p95_ms_${size}=${percentile(queryTimes, 95).toFixed(1)} search_query_max_ms_${size}=${queryTimes.at(-1)!.toFixed(1)}   (database only, sequential)`);
    console.log(`errors_${size}=${errorCount}   (target 0)`);

    const editor = await firstLoadJsGzip(baseUrl, `/items/${data.draftIds[0]}`, cookies[0]!);
    const statistics = await firstLoadJsGzip(baseUrl, '/statistics/sources', cookies[0]!);
    console.log(`editor_first_load_js_gzip_kb=${editor.kb.toFixed(1)} (${editor.files} files; target ≤ 300)   statistics_first_load_js_gzip_kb=${statistics.kb.toFixed(1)}`);
    await db.$disconnect();
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.stop();
    if (!keptDir) await rm(dataDir, { recursive: true, force: true });
  }
}

if (SIZES.length === 1) {
  await ensureBuilt(root);
  await benchSize(SIZES[0]!);
} else {
  // One process per data size: the data layer binds to one database per process.
  await ensureBuilt(root);
  console.log(`bench:load — ${SIZES.join(', ')} items; machine load average ${load()} (1, 5, 15 min)`);
  for (const size of SIZES) {
    const args = ['--conditions=react-server', '--import', 'tsx', 'scripts/bench-load.ts', '--sizes', String(size), '--seconds', String(SECONDS), '--think-ms', String(THINK_MS), '--users', String(USERS), '--warmup-seconds', String(WARMUP_SECONDS)];
    if (values['keep-data']) args.push('--keep-data', values['keep-data']);
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit' }).once('exit', resolve));
    if (code !== 0) process.exit(code ?? 1);
  }
}
process.exit(0);
