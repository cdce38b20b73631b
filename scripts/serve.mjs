// The HTTP server process started by scripts/start.ts. Plain JavaScript so that Next.js runs
// without a TypeScript loader in front of it.
//
// Unless told to trust a proxy, the client address Next.js sees (X-Forwarded-For) is set
// from the socket here, so login throttling per address cannot be dodged with a forged header,
// and the other forwarded headers are dropped, so the origin checks (lib/origin.ts and Next.js's
// own for server actions) compare against the real Host.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '0.0.0.0' },
    dev: { type: 'boolean', default: false },
    'trust-proxy': { type: 'boolean', default: false },
  },
});

const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

const port = Number(values.port);
const app = next({ dev: values.dev, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  if (!values['trust-proxy']) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
  }
  handle(req, res);
});

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 PORT=… 指定其他端口。` : error);
  process.exit(1);
});

server.listen(port, values.host, () => process.send?.({ type: 'ready' }));

let isClosing = false;
async function shutdown() {
  if (isClosing) return;
  isClosing = true;
  server.close();
  server.closeIdleConnections();
  await app.close?.();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The launcher's IPC channel closing means it is gone: do not outlive it.
process.on('disconnect', shutdown);
