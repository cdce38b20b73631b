// One web-server process: Next.js behind a small Node HTTP server (scripts/serve.mjs runs one
// or several of them). Plain JavaScript so that Next.js runs without a TypeScript loader in
// front of it.
//
// Unless told to trust a proxy, the client address Next.js sees (X-Forwarded-For) is set
// from the socket here, so login throttling per address cannot be dodged with a forged header,
// and the other forwarded headers are dropped, so the origin checks (lib/origin.ts and Next.js's
// own for server actions) compare against the real Host.
//
// Raw Server Action requests are checked here before Next.js decodes them
// (scripts/action-guard.mjs): an unknown id or a body React cannot decode gets a Chinese 4xx.
// @ts-check: typed with JSDoc, checked by `npm run typecheck` (tsconfig.json's checkJs).
import { createServer, IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { ACTION_GUARD_ANSWERS, createActionIdCheck, findActionBodyProblem, MAX_ACTION_BODY_BYTES } from './action-guard.mjs';
import { hideKnownWarnings } from './known-warnings.mjs';
import { createRequestGate, requestGateMs } from './request-gate.mjs';

hideKnownWarnings();

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '0.0.0.0' },
    dev: { type: 'boolean', default: false },
    'trust-proxy': { type: 'boolean', default: false },
  },
});

/** @typedef {import('node:http').ServerResponse} ServerResponse */

const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

const port = Number(values.port);
const app = next({ dev: values.dev, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

// Set by the launcher while the database is gone (scripts/start.ts): every request that needs
// it gets a 503 with a Chinese message until it is back. Static files still load.
/** @type {{ message: string } | null} */
let databaseDown = null;
process.on('message', (/** @type {{ type?: string; isUp?: boolean; message?: string } | null} */ message) => {
  if (message?.type === 'database') databaseDown = message.isUp ? null : { message: message.message ?? '' };
});

/**
 * @param {ServerResponse} res
 * @param {{ status: number; code: string; message: string }} answer
 * @param {Record<string, string>} headers
 */
function answerJson(res, { status, code, message }, headers = {}) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify({ ok: false, status, code, message }));
}

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} message
 */
function answerDatabaseDown(req, res, message) {
  const wantsJson = (req.url ?? '').startsWith('/api/') || req.headers['next-action'] || /json/.test(req.headers.accept ?? '');
  if (wantsJson) {
    answerJson(res, { status: 503, code: 'DATABASE_UNAVAILABLE', message }, { 'Retry-After': '5' });
    return;
  }
  res.statusCode = 503;
  res.setHeader('Retry-After', '5');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Reloads itself every few seconds, so the page comes back on its own.
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>暂时无法访问 · 科协每周动态</title><link rel="stylesheet" href="/fonts/ui.css"></head><body style="font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif;text-align:center;padding:6rem 1rem"><h1 style="font-size:1.5rem">暂时无法访问</h1><p>${message}</p><p style="color:#666;font-size:.875rem">本页每5秒自动刷新；已保存的内容不会丢失。</p></body></html>`);
}

const isKnownActionId = values.dev ? () => true : createActionIdCheck(process.cwd());

/**
 * The body, or null once it is past the limit (then the rest is not read).
 * @param {IncomingMessage} req
 * @returns {Promise<Buffer | null>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_ACTION_BODY_BYTES) {
      req.resume(); // drained unread, so the client hears the answer instead of a reset
      return resolve(null);
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > MAX_ACTION_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume(); // drain without keeping it
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The request again, with the body already read, for Next.js to read as usual.
 * @param {IncomingMessage} req
 * @param {Buffer} body
 */
function replayRequest(req, body) {
  const copy = new IncomingMessage(req.socket);
  Object.assign(copy, { method: req.method, url: req.url, headers: req.headers, rawHeaders: req.rawHeaders, httpVersion: req.httpVersion });
  copy._read = () => {};
  copy.push(body);
  copy.push(null);
  // Whole already: otherwise ending it counts as an aborted upload and destroys the socket.
  copy.complete = true;
  return copy;
}

/**
 * A raw Server Action: answered here if its id or body cannot be right, else handed on.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
async function handleAction(req, res) {
  const actionId = String(req.headers['next-action']);
  if (!isKnownActionId(actionId)) {
    req.resume();
    // The header tells an open page of an older build to reload (as Next.js's own 404 does).
    return answerJson(res, ACTION_GUARD_ANSWERS.UNKNOWN_ACTION, { 'x-nextjs-action-not-found': '1' });
  }
  const body = await readBody(req);
  if (body === null) return answerJson(res, ACTION_GUARD_ANSWERS.TOO_LARGE);
  const problem = await findActionBodyProblem(req.headers['content-type'], body);
  if (problem) return answerJson(res, problem);
  await handle(replayRequest(req, body), res);
}

/** What needs no database: Next.js's files and the interface's Chinese web font (app/fonts). */
const STATIC_PREFIXES = ['/_next/static/', '/favicon.ico', '/robots.txt', '/fonts/ui.css', '/fonts/noto-sans-sc/'];

/** Next.js answers its own errors; this is for one that escapes it (logged, and a Chinese 500). */
const INTERNAL = { status: 500, code: 'INTERNAL', message: '服务器内部错误，请稍后重试。' };

/** Pages, actions and API requests one at a time, in order of arrival (scripts/request-gate.mjs). */
const gateMs = requestGateMs({ REQUEST_GATE_MS: process.env.REQUEST_GATE_MS });
const gate = gateMs > 0 ? createRequestGate({ slowMs: gateMs }) : null;

const server = createServer((req, res) => {
  const isStatic = STATIC_PREFIXES.some((prefix) => (req.url ?? '').startsWith(prefix));
  if (databaseDown && !isStatic) {
    answerDatabaseDown(req, res, databaseDown.message);
    return;
  }
  if (!gate || isStatic) {
    serve(req, res);
    return;
  }
  // Next.js's prefetch of a link's route (`Next-Router-Prefetch`): nobody is waiting for it yet.
  void gate.enter({ isBackground: req.headers['next-router-prefetch'] !== undefined }).then((done) => {
    res.once('finish', done);
    res.once('close', done);
    serve(req, res);
  });
});

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
function serve(req, res) {
  if (!values['trust-proxy']) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
  }
  if (req.method === 'POST' && req.headers['next-action'] !== undefined) {
    handleAction(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) answerJson(res, ACTION_GUARD_ANSWERS.INVALID);
    });
    return;
  }
  handle(req, res).catch((/** @type {unknown} */ error) => {
    console.error(error);
    if (!res.headersSent) answerJson(res, INTERNAL);
  });
}

server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 PORT=… 指定其他端口。` : error);
  process.exit(1);
});

server.listen(port, values.host, () => process.send?.({ type: 'ready' }));

let isClosing = false;
async function shutdown() {
  if (isClosing) return;
  isClosing = true;
  // Gone within 10 s even if a connection or Next.js hangs: nobody may be left to kill this
  // process (its parent died, which is why it is closing).
  setTimeout(() => process.exit(0), 10_000).unref();
  server.close();
  server.closeIdleConnections();
  await app.close?.();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
// The launcher's IPC channel closing means it is gone: do not outlive it.
process.on('disconnect', () => void shutdown());
