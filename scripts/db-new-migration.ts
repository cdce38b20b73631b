// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma. It replaces
// `prisma migrate dev --create-only`, whose native engine cannot be downloaded here.
//
// The engine replays the migrations into a scratch ("shadow") database: SHADOW_DATABASE_URL if
// given (an empty database; it is wiped), otherwise a throwaway embedded PostgreSQL in a temp
// folder (SHADOW_PG_PORT picks its port, else a free one), removed afterwards.
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  diffMigrationsToSchema,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
} from '@/ops/schema-engine';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/ops/embedded-postgres';
import { freePort } from '@/ops/free-port';
import { getToolEnv } from '@/lib/env';

const migrationsDir = path.resolve(DEFAULT_MIGRATIONS_DIR);
const schemaPath = path.resolve(DEFAULT_SCHEMA_PATH);

function fail(message: string): never {
  console.error(`db:new-migration: ${message}`);
  process.exit(1);
}

/** Same normalisation as `prisma migrate dev --name`: lower snake case. */
function migrationSlug(raw: string | undefined): string {
  const slug = (raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) fail('usage: tsx scripts/db-new-migration.ts <name>   (e.g. add_article_table)');
  return slug.slice(0, 200);
}

function formatTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

function parseTimestamp(stamp: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((start, i) =>
    Number(stamp.slice(start, start + (i === 0 ? 4 : 2))),
  ) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

// Migrations run in folder-name order, so the new one must sort after every existing one even
// when two are made within a second or the clock is behind the newest folder.
async function nextTimestamp(): Promise<string> {
  const names = existsSync(migrationsDir) ? await readdir(migrationsDir) : [];
  const stamps = names.map((name) => /^(\d{14})_/.exec(name)?.[1]).filter((s): s is string => !!s).sort();
  const newest = stamps.at(-1);
  let next = new Date(Math.floor(Date.now() / 1000) * 1000);
  if (newest) {
    const afterNewest = new Date(parseTimestamp(newest).getTime() + 1000);
    if (afterNewest > next) next = afterNewest;
  }
  return formatTimestamp(next);
}

async function startShadow(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { SHADOW_DATABASE_URL, SHADOW_PG_PORT } = getToolEnv();
  if (SHADOW_DATABASE_URL) {
    return { url: SHADOW_DATABASE_URL, stop: async () => {} };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'db-new-migration-'));
  // mkdtemp makes a 0700 folder; when run as root, PostgreSQL runs as the `postgres` user and
  // must be able to enter it.
  await chmod(dir, 0o755);
  const port = SHADOW_PG_PORT ?? (await freePort());
  let database: EmbeddedDatabase | undefined;
  const cleanup = async () => {
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    database = await startEmbeddedPostgres({ dir, port, database: 'shadow' });
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { url: database.url, stop: cleanup };
}

async function main(): Promise<void> {
  const slug = migrationSlug(process.argv[2]);
  if (!existsSync(schemaPath)) fail(`no schema at ${path.relative(process.cwd(), schemaPath)}`);

  await mkdir(migrationsDir, { recursive: true });
  const lockFile = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lockFile)) await writeFile(lockFile, MIGRATION_LOCK_CONTENT);

  const shadow = await startShadow();
  const stopOnSignal = () => void shadow.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let sql: string;
  try {
    sql = await diffMigrationsToSchema({ databaseUrl: shadow.url, schemaPath, migrationsDir });
  } finally {
    await shadow.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  if (!sql) fail('prisma/schema.prisma matches the migrations already; no migration written.');

  const name = `${await nextTimestamp()}_${slug}`;
  const dir = path.join(migrationsDir, name);
  await mkdir(dir);
  await writeFile(path.join(dir, 'migration.sql'), sql);
  console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}:\n\n${sql}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
