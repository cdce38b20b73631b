// Fails when prisma/schema.prisma and prisma/migrations disagree: run
// `npm run db:new-migration -- <name>` after changing the schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import { diffMigrationsToSchema } from '@/ops/schema-engine';

async function withScratchDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const server = new URL(inject('templateDatabaseUrl'));
  server.pathname = '/postgres';
  const name = `shadow_${randomBytes(6).toString('hex')}`;
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

it('the migrations produce exactly the schema in schema.prisma', async () => {
  const sql = await withScratchDatabase((databaseUrl) => diffMigrationsToSchema({ databaseUrl }));
  expect(sql, `schema.prisma and prisma/migrations have drifted apart; missing SQL:\n${sql}`).toBe('');
});
