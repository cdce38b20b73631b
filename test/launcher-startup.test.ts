// What `npm start` says when it cannot start: a taken port or a bad variable is one Chinese
// line naming what to change, before anything is built or started, with no stack trace; the
// embedded PostgreSQL moves to a free port when another program has its default one, and
// refuses a taken port that was asked for.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMBEDDED_PG_PORT } from '@/lib/env';
import { startEmbeddedPostgres } from '@/ops/embedded-postgres';
import { isPortTaken } from '@/ops/free-port';
import { StartupError } from '@/ops/startup-error';
import { runScript, STACK_LINE } from '@/test/support/script';

/** A port held by a plain TCP server here: `port` if it can be had, else one the system picks. */
function holdPort(port = 0): Promise<{ server: Server | null; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      // Already held by another program (a developer's own `npm start`): taken all the same.
      if (error.code === 'EADDRINUSE') resolve({ server: null, port });
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

function release(held: { server: Server | null }): Promise<void> {
  return new Promise((resolve) => (held.server ? held.server.close(() => resolve()) : resolve()));
}

/** `npm start`'s script with these variables: its exit code and everything it printed. */
async function runLauncher(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { code, stdout, stderr } = await runScript('start', [], { DATABASE_URL: '', HOST: '127.0.0.1', ...env });
  return { code, output: `${stdout}\n${stderr}` };
}

describe('npm start cannot start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'kexie-launcher-')), 'data');
  });
  afterAll(async () => {
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('says in Chinese that the web port is taken, before building or starting the database', async () => {
    const held = await holdPort();
    try {
      const { code, output } = await runLauncher({ PORT: String(held.port), DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`[科协每周动态] 端口 ${held.port} 已被占用（也许本程序已在运行）。请先停止占用它的程序，或用 PORT=… 指定其他端口。`);
      expect(output).not.toMatch(STACK_LINE);
      expect(output).not.toContain('PostgreSQL');
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await release(held);
    }
  });

  it('names a bad variable in Chinese', async () => {
    const { code, output } = await runLauncher({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain('[科协每周动态] 环境变量有误：');
    expect(output).toMatch(/PORT：.*数字/);
    expect(output).not.toMatch(STACK_LINE);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('the embedded PostgreSQL port', () => {
  it('tells a taken port from a free one', async () => {
    const held = await holdPort();
    try {
      expect(await isPortTaken(held.port, '127.0.0.1')).toBe(true);
    } finally {
      await release(held);
    }
    expect(await isPortTaken(held.port, '127.0.0.1')).toBe(false);
  });

  it('moves to a free port when another program has the default one, and refuses a taken port that was asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kexie-pg-port-'));
    const held = await holdPort(DEFAULT_EMBEDDED_PG_PORT);
    try {
      const asked = await startEmbeddedPostgres({ dir, port: DEFAULT_EMBEDDED_PG_PORT, database: 'kexie' }).catch((error: unknown) => error);
      expect(asked).toBeInstanceOf(StartupError);
      expect((asked as Error).message).toBe(
        `端口 ${DEFAULT_EMBEDDED_PG_PORT} 已被其他程序占用，内置 PostgreSQL 无法启动。请停止占用它的程序，或改用其他 EMBEDDED_PG_PORT（不设时自动选用空闲端口）。`,
      );

      const database = await startEmbeddedPostgres({ dir, database: 'kexie' });
      try {
        expect(database.port).not.toBe(DEFAULT_EMBEDDED_PG_PORT);
        expect(database.url).toContain(`:${database.port}/kexie`);
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query<{ port: string }>('SHOW port');
        await client.end();
        expect(Number(rows[0]!.port)).toBe(database.port);
      } finally {
        await database.stop();
      }
    } finally {
      await release(held);
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
