// `npm start`: build when needed, start the embedded PostgreSQL (unless DATABASE_URL is set),
// apply migrations, seed the demo on an empty database, then serve. Ctrl-C or SIGTERM stops
// the web server first and PostgreSQL last, so no postgres process is left behind.
// While the database is gone (the embedded one died and is being restarted, or an external one
// stops answering) the web server answers 503 with a Chinese message instead of failing pages.
// A web server that dies (a crash, an out-of-memory kill) is started again with a growing pause
// while PostgreSQL keeps running, so every save it acknowledged is still there; the launcher
// gives up (stopping PostgreSQL, exit code 1) only after repeated failures in a row.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db';
import pg from 'pg';
import { migrateDatabase } from '@/ops/migrate';
import { DEFAULT_EMBEDDED_PG_PORT, readLauncherEnv, type LauncherEnv } from '@/lib/env';
import { ERROR_CODES } from '@/lib/errors';
import { ROLE_LABELS } from '@/lib/roles';
import { ensureBuilt } from '@/ops/build';
import { startEmbeddedPostgres, type EmbeddedDatabase, type WatchedDatabase } from '@/ops/embedded-postgres';
import { isPortTaken } from '@/ops/free-port';
import { shownPath } from '@/ops/shown-path';
import { StartupError } from '@/ops/startup-error';
import { publishDemoIssue, seedDemoIfEmpty, type DemoAccount } from '@/prisma/seed';
import { hideKnownWarnings } from './known-warnings.mjs';

function log(message: string) {
  console.log(`[科协每周动态] ${message}`);
}

hideKnownWarnings(); // the demo seed publishes through an interactive transaction

const root = process.cwd();
const isDev = process.argv.includes('--dev');
const env = ((): LauncherEnv => {
  try {
    return readLauncherEnv();
  } catch (error) {
    // A bad variable: said in one Chinese line (lib/env.ts), before anything starts.
    log(error instanceof Error ? error.message : String(error));
    return process.exit(1);
  }
})();
const dataDir = path.resolve(root, env.DATA_DIR);
const startedAt = Date.now();

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function formatAccounts(accounts: DemoAccount[]): string {
  return accounts
    .map((a) => `    ${a.username.padEnd(10)} 密码 ${a.password}   ${a.displayName}（${a.roles.map((r) => ROLE_LABELS[r]).join('、')}）`)
    .join('\n');
}

let database: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;
let isStopping = false;
let isDatabaseUp = true;

/** Tells the web server whether to answer requests or 503 (scripts/serve.mjs passes it to every worker). */
function reportDatabase(isUp: boolean) {
  isDatabaseUp = isUp;
  if (server?.connected) server.send({ type: 'database', isUp, message: ERROR_CODES.DATABASE_UNAVAILABLE.message });
}

/** The embedded server died under us: serve 503s while it is restarted, exit if it will not come back. */
async function recoverEmbeddedDatabase(embedded: WatchedDatabase, reason: string) {
  if (isStopping) return;
  log(`内置数据库意外停止（${reason}），正在重新启动；其间网页请求将收到 503。`);
  reportDatabase(false);
  try {
    await embedded.restart();
    if (isStopping) return;
    log('内置数据库已重新启动，服务恢复。');
    reportDatabase(true);
  } catch (error) {
    log(`内置数据库无法重新启动（${error instanceof Error ? error.message : error}），程序退出。请检查数据目录后重新运行 npm start。`);
    void stop(1);
  }
}

/** An external database cannot be restarted from here: watch it, and serve 503s while it is gone. */
const EXTERNAL_PROBE_MS = 5_000;
function watchExternalDatabase(url: string) {
  let isUp = true;
  const probe = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    let isNowUp = false;
    try {
      await client.connect();
      await client.query('SELECT 1');
      isNowUp = true;
    } catch {
      // unreachable, refused or shutting down
    } finally {
      await client.end().catch(() => {});
    }
    if (isNowUp !== isUp && !isStopping) {
      isUp = isNowUp;
      log(isUp ? '数据库已恢复连接。' : '无法连接 DATABASE_URL 指定的数据库；其间网页请求将收到 503。');
      reportDatabase(isUp);
    }
  };
  setInterval(() => void probe(), EXTERNAL_PROBE_MS).unref();
}

async function stop(exitCode: number) {
  if (isStopping) return;
  isStopping = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (database) {
    log('正在关闭数据库…');
    await database.stop();
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

/** The demo's published issue and its files, made with the app's own functions. */
async function seedDemoIssue(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl; // the data layer reads it, as in the web server
  const issueId = await publishDemoIssue();
  if (issueId === null) return;
  const { producePublishedExports } = await import('@/lib/data/exports');
  const { closePdfBrowser } = await import('@/lib/export/pdf');
  const { db } = await import('@/lib/db');
  try {
    await producePublishedExports(issueId);
    log('已发布一期演示简报（含 PDF 和 DOCX）。');
  } catch (error) {
    log(`演示简报已发布，但导出文件未能生成（首次下载时会再试）：${error instanceof Error ? error.message : error}`);
  } finally {
    await closePdfBrowser();
    await db.$disconnect();
  }
}

/** Published issues from before the archive existed get their archive rows (search, statistics). */
async function indexArchive(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { ensureArchiveIndexed } = await import('@/lib/data/archive');
  const { db } = await import('@/lib/db');
  try {
    const count = await ensureArchiveIndexed();
    if (count) log(`已为 ${count} 期已发布的简报建立检索索引。`);
  } finally {
    await db.$disconnect();
  }
}

/** Pauses before the n-th restart in a row (0.5 s, 2 s, 4 s, 8 s); the 5th failure in a row ends the launcher. */
const RESTART_DELAYS_MS = [500, 2_000, 4_000, 8_000];
/** A web server that served this long before dying counts as healthy: the next failure starts a new row. */
const HEALTHY_RUN_MS = 60_000;
let failuresInARow = 0;

/** Starts scripts/serve.mjs and resolves once it listens (every worker); rejects if it exits before that. */
function forkWebServer(args: string[], serverEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(path.join(root, 'scripts/serve.mjs'), args, { cwd: root, execArgv: [], env: serverEnv }); // plain Node: no TypeScript loader in front of Next.js
  server = child;
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(signal ?? `退出码 ${code}`));
    child.once('exit', onExit);
    child.on('message', (message: { type?: string }) => {
      if (message?.type !== 'ready') return;
      child.off('exit', onExit);
      resolve(child);
    });
  });
}

/** Runs the web server for good: restarted with backoff when it dies, given up after repeated failures. */
async function startWebServer(args: string[], serverEnv: NodeJS.ProcessEnv, isRestart = false): Promise<void> {
  let child: ChildProcess;
  try {
    child = await forkWebServer(args, serverEnv);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The server printed why (a port taken since the check, a broken build).
    if (!isRestart) throw new StartupError(`网页服务未能启动（${reason}），原因见上面的输出。`);
    if (isStopping) throw error;
    return onWebServerDown(args, serverEnv, reason, 0);
  }
  if (!isDatabaseUp) reportDatabase(false);
  if (isRestart) log(`网页服务已重新启动（进程 ${child.pid}）。`);
  const startedAt = Date.now();
  child.once('exit', (code, signal) => {
    if (isStopping) return;
    void onWebServerDown(args, serverEnv, signal ?? `退出码 ${code}`, Date.now() - startedAt);
  });
}

async function onWebServerDown(args: string[], serverEnv: NodeJS.ProcessEnv, reason: string, ranMs: number) {
  if (ranMs >= HEALTHY_RUN_MS) failuresInARow = 0;
  const delay = RESTART_DELAYS_MS[failuresInARow++];
  if (delay === undefined) {
    log(`网页服务连续 ${failuresInARow} 次意外退出（${reason}），程序退出。请查看上面的错误信息后重新运行 npm start。`);
    server = undefined;
    return stop(1);
  }
  log(`网页服务意外退出（${reason}），${delay / 1000} 秒后重新启动；数据库保持运行，已保存的内容不受影响。`);
  await new Promise((resolve) => setTimeout(resolve, delay));
  if (!isStopping) await startWebServer(args, serverEnv, true);
}

async function main() {
  // Before building or starting the database: a second copy of the app is the usual reason.
  if (await isPortTaken(env.PORT, env.HOST)) {
    throw new StartupError(`端口 ${env.PORT} 已被占用（也许本程序已在运行）。请先停止占用它的程序，或用 PORT=… 指定其他端口。`);
  }
  await mkdir(dataDir, { recursive: true });
  if (!isDev && (await ensureBuilt(root))) log('构建完成。');

  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, stop: async () => {} };
    log('使用 DATABASE_URL 指定的 PostgreSQL。');
  } else {
    log(`正在启动内置 PostgreSQL（数据目录 ${shownPath(path.join(dataDir, 'postgres'), root)}）…`);
    const embedded = await startEmbeddedPostgres({
      dir: dataDir,
      port: env.EMBEDDED_PG_PORT,
      database: 'kexie',
      log: (line) => {
        // PostgreSQL is chatty; show only what someone must act on.
        if (/FATAL|PANIC|ERROR|未正常关闭/.test(line)) log(line);
      },
    });
    if (env.EMBEDDED_PG_PORT === undefined && embedded.port !== DEFAULT_EMBEDDED_PG_PORT) {
      log(`端口 ${DEFAULT_EMBEDDED_PG_PORT} 已被其他程序占用，内置 PostgreSQL 改用端口 ${embedded.port}（要固定端口，请设 EMBEDDED_PG_PORT）。`);
    }
    embedded.onUnexpectedExit((reason) => void recoverEmbeddedDatabase(embedded, reason));
    database = embedded;
  }

  const { applied, carriedOver } = await migrateDatabase(database.url);
  if (carriedOver) log('数据库的早期迁移记录已合并为一项基线迁移，数据不变。');
  // An upgrade names what it applied; a new database says how many.
  if (applied.length > 3) log(`已应用 ${applied.length} 项数据库迁移（${applied[0]} 至 ${applied.at(-1)}）。`);
  else if (applied.length) log(`已应用数据库迁移：${applied.join('、')}`);

  const accountsFile = path.join(dataDir, 'demo-accounts.txt');
  const prisma = createPrismaClient(database.url);
  try {
    const isDemo = env.SEED_DEMO === '1';
    const accounts = await seedDemoIfEmpty(prisma, { isDemo });
    if (accounts) {
      await writeFile(accountsFile, formatAccounts(accounts) + '\n', { mode: 0o600 });
      if (isDemo) await seedDemoIssue(database.url);
    }
  } finally {
    await prisma.$disconnect();
  }
  await indexArchive(database.url);

  const secret = env.NEXTAUTH_SECRET ?? (await readOrCreateSecret(path.join(dataDir, 'auth-secret')));
  const args = ['--port', String(env.PORT), '--host', env.HOST];
  if (isDev) args.push('--dev');
  if (env.TRUST_PROXY) args.push('--trust-proxy');
  const serverEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    // Without a fixed public URL, next-auth builds its URLs from the request's host.
    ...(env.APP_URL ? { NEXTAUTH_URL: env.APP_URL } : { AUTH_TRUST_HOST: '1' }),
  };
  await startWebServer(args, serverEnv);
  if (env.DATABASE_URL) watchExternalDatabase(env.DATABASE_URL);

  const url = env.APP_URL ?? `http://localhost:${env.PORT}`;
  log(`已启动（${((Date.now() - startedAt) / 1000).toFixed(1)} 秒，网页服务进程 ${server?.pid}）：${url}`);
  if (existsSync(accountsFile)) {
    console.log(`\n  账号（首次启动时生成，保存在 ${shownPath(accountsFile, root)}）：\n`);
    console.log(await readFile(accountsFile, 'utf8'));
  }
  log('按 Ctrl-C 停止。');
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) log(error.message);
  else {
    log('启动失败，详细信息如下：');
    console.error(error);
  }
  void stop(1);
});
