// Each test file gets its own database cloned from the migrated template, so files run in
// parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

const templateUrl = new URL(inject('templateDatabaseUrl'));
const templateName = templateUrl.pathname.slice(1);
const databaseName = `test_${randomBytes(6).toString('hex')}`;

async function admin(sql: string) {
  const url = new URL(templateUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE "${databaseName}" TEMPLATE "${templateName}"`);
const url = new URL(templateUrl);
url.pathname = `/${databaseName}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});
