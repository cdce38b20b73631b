// An empty database of its own on the test server, dropped afterwards: for tests that build a
// schema themselves (migrations, restores) instead of cloning the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export async function withScratchDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const server = new URL(inject('templateDatabaseUrl'));
  server.pathname = '/postgres';
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Every row of every table (but the migration records), as sorted JSON text per table. */
export async function dumpTables(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t ORDER BY 1`);
      result[name] = rows.map((r) => r.row).sort();
    }
    return result;
  } finally {
    await client.end();
  }
}
