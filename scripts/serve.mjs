// The web server started by scripts/start.ts: WEB_CONCURRENCY processes of scripts/web-worker.mjs
// sharing one port (node:cluster; one per CPU core by default, at most 4), or that one process
// itself when there is one (and always with --dev). A single Node.js process renders pages on
// one core; under load, a second core is what keeps the pages fast (README, Benchmarks).
//
// Towards the launcher this process behaves as one server: it says 'ready' once every worker
// listens, passes the launcher's 'database' messages on to every worker, and a worker that dies
// is started again here (the others keep serving meanwhile). When this process goes, its workers
// follow (their IPC channel closes).
// @ts-check: typed with JSDoc, checked by `npm run typecheck` (tsconfig.json's checkJs).
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./web-worker.mjs', import.meta.url));
const MAX_DEFAULT_WORKERS = 4;

/** How many web-server processes: WEB_CONCURRENCY, else one per core (at most 4); one in dev mode. */
export function webConcurrency(/** @type {{ WEB_CONCURRENCY?: string }} */ env, /** @type {boolean} */ isDev, cores = availableParallelism()) {
  if (isDev) return 1;
  const configured = Number.parseInt(env.WEB_CONCURRENCY ?? '', 10);
  if (Number.isInteger(configured) && configured >= 1) return configured;
  return Math.min(cores, MAX_DEFAULT_WORKERS);
}

/** Pauses before a dead worker's n-th restart in a row; a worker failing more often ends the server (the launcher takes over). */
const RESTART_DELAYS_MS = [500, 2_000, 4_000];
/** A worker that served this long before dying counts as healthy: its next failure starts a new row. */
const HEALTHY_RUN_MS = 60_000;

async function runPrimary(/** @type {number} */ count) {
  cluster.setupPrimary({ exec: WORKER, args: process.argv.slice(2), execArgv: [] });
  /** @type {{ type: 'database'; isUp: boolean; message?: string } | null} */
  let lastDatabaseMessage = null;
  let isStopping = false;
  let failuresInARow = 0;
  let isServing = false;

  /** @returns {Promise<void>} resolves when the worker listens, rejects if it exits first */
  const startWorker = () =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      const startedAt = Date.now();
      worker.on('message', (/** @type {{ type?: string }} */ message) => {
        if (message?.type !== 'ready') return;
        if (lastDatabaseMessage) worker.send(lastDatabaseMessage);
        resolve();
      });
      worker.once('exit', (code, signal) => {
        reject(new Error(`exit ${signal ?? code}`));
        if (isStopping || !isServing) return;
        if (Date.now() - startedAt >= HEALTHY_RUN_MS) failuresInARow = 0;
        const delay = RESTART_DELAYS_MS[failuresInARow++];
        if (delay === undefined) {
          console.error(`[科协每周动态] 网页服务子进程连续 ${failuresInARow} 次意外退出（${signal ?? `退出码 ${code}`}）。`);
          void stop(1);
          return;
        }
        console.error(`[科协每周动态] 网页服务子进程 ${worker.process.pid} 意外退出（${signal ?? `退出码 ${code}`}），${delay / 1000} 秒后重新启动；其余子进程继续服务。`);
        setTimeout(() => {
          if (!isStopping) startWorker().catch(() => {});
        }, delay);
      });
    });

  async function stop(/** @type {number} */ exitCode) {
    if (isStopping) return;
    isStopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.isDead()) return resolve(undefined);
            worker.once('exit', resolve);
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  }

  process.on('message', (/** @type {{ type?: string; isUp?: boolean; message?: string } | null} */ message) => {
    if (message?.type !== 'database') return;
    lastDatabaseMessage = { type: 'database', isUp: Boolean(message.isUp), message: message.message };
    for (const worker of Object.values(cluster.workers ?? {})) if (worker?.isConnected()) worker.send(lastDatabaseMessage);
  });
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  process.on('disconnect', () => void stop(0));

  try {
    await Promise.all(Array.from({ length: count }, startWorker));
  } catch {
    // A worker that cannot start (port in use, broken build) has said why on stderr.
    return stop(1);
  }
  isServing = true;
  process.send?.({ type: 'ready' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = webConcurrency({ WEB_CONCURRENCY: process.env.WEB_CONCURRENCY }, process.argv.includes('--dev'));
  if (count === 1) await import('./web-worker.mjs');
  else await runPrimary(count);
}
