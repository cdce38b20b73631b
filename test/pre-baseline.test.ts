// The baseline migration and the databases and backups made before it (ops/migrate.ts): the
// baseline builds the schema the sixteen development migrations built, and a database or backup
// made with any first part of them comes over into the current schema with its rows.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '@/lib/db';
import { restoreBackup, writeBackup } from '@/ops/backup';
import { BASELINE_MIGRATION, migrateDatabase, migrationChecksum, PRE_BASELINE_MIGRATIONS, writePreBaselineFolder } from '@/ops/migrate';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from '@/ops/schema-engine';
import { StartupError } from '@/ops/startup-error';
import { seedDemoIfEmpty } from '@/prisma/seed';
import { schemaFingerprint } from './support/schema-fingerprint';
import { dumpTables, withScratchDatabase } from './support/scratch-database';

const templateUrl = inject('templateDatabaseUrl');
const NAMES = PRE_BASELINE_MIGRATIONS.map((m) => m.name);
/** The first migration after which backups could be restored (the numbering check reads "origin"). */
const INTAKE = NAMES.indexOf('20261206071208_intake_review_foundation') + 1;

let dir: string;
let currentSchema: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kexie-pre-baseline-test-'));
  currentSchema = await schemaFingerprint(templateUrl);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Builds the database as a version before the baseline did, with its first `count` migrations. */
async function buildPreBaseline(url: string, count = NAMES.length): Promise<void> {
  const folder = await mkdtemp(path.join(dir, 'migrations-'));
  await writePreBaselineFolder(folder, count);
  await applyMigrations(url, folder);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const records = (url: string) =>
  query<{ name: string; checksum: string }>(url, 'SELECT migration_name AS name, checksum FROM _prisma_migrations ORDER BY migration_name');

async function expectBaselineOnly(url: string): Promise<void> {
  const checksum = await migrationChecksum(DEFAULT_MIGRATIONS_DIR, BASELINE_MIGRATION);
  expect(await records(url)).toEqual([{ name: BASELINE_MIGRATION, checksum }]);
  expect(await schemaFingerprint(url)).toEqual(currentSchema);
}

/** The demo's accounts, publications and sections, written through the current client (same schema). */
async function seedDemo(url: string): Promise<void> {
  const prisma = createPrismaClient(url);
  try {
    expect(await seedDemoIfEmpty(prisma)).not.toBeNull();
  } finally {
    await prisma.$disconnect();
  }
}

/** An admin and a publication written with the first migration's columns. */
async function insertEarlyRows(url: string): Promise<void> {
  await query(url, `INSERT INTO "Publication" ("name", "publisher", "distribution", "updatedAt") VALUES ('科协每周动态', '北京市科协办公室', '{}', now())`);
  await query(url, `INSERT INTO "User" ("username", "displayName", "passwordHash", "roles", "updatedAt") VALUES ('early-admin', '早期管理员', 'x', '{ADMIN}', now())`);
}

describe('the baseline migration', () => {
  it('builds exactly the schema the pre-baseline migrations built', async () => {
    await withScratchDatabase(async (url) => {
      await buildPreBaseline(url);
      expect(await schemaFingerprint(url)).toEqual(currentSchema);
    });
    expect(currentSchema.length).toBeGreaterThan(400);
  });

  it('keeps each pre-baseline migration as it was applied, all before the baseline', () => {
    expect(NAMES).toHaveLength(16);
    expect([...NAMES].sort()).toEqual(NAMES);
    expect(NAMES.at(-1)! < BASELINE_MIGRATION).toBe(true);
    for (const migration of PRE_BASELINE_MIGRATIONS) {
      expect(createHash('sha256').update(migration.sql).digest('hex'), migration.name).toBe(migration.checksum);
    }
  });
});

describe('a database made before the baseline', () => {
  it('with every pre-baseline migration: its records become the baseline, every row kept, a second start changes nothing', async () => {
    await withScratchDatabase(async (url) => {
      await buildPreBaseline(url);
      await seedDemo(url);
      const rows = await dumpTables(url);
      expect(rows.User!.length).toBeGreaterThan(3);
      expect(rows.Section!.length).toBeGreaterThan(3);

      expect(await migrateDatabase(url)).toEqual({ applied: [], carriedOver: true });
      await expectBaselineOnly(url);
      expect(await dumpTables(url)).toEqual(rows);
      expect(await migrateDatabase(url)).toEqual({ applied: [], carriedOver: false });
    });
  });

  it('with only the first migration: the other fifteen are applied first, its rows kept', async () => {
    await withScratchDatabase(async (url) => {
      await buildPreBaseline(url, 1);
      await insertEarlyRows(url);
      expect(await migrateDatabase(url)).toEqual({ applied: NAMES.slice(1), carriedOver: true });
      await expectBaselineOnly(url);
      expect(await query(url, `SELECT "username", "roles"::text FROM "User"`)).toEqual([{ username: 'early-admin', roles: '{ADMIN}' }]);
      expect(await query(url, `SELECT "name" FROM "Publication"`)).toEqual([{ name: '科协每周动态' }]);
    });
  });

  it('started by several instances at once: carried over once', async () => {
    await withScratchDatabase(async (url) => {
      await buildPreBaseline(url);
      const results = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
      expect(results.map((r) => r.carriedOver).sort()).toEqual([false, false, true]);
      expect(results.flatMap((r) => r.applied)).toEqual([]);
      await expectBaselineOnly(url);
    });
  });

  it('refused, and left as it was, when a migration it records differs from the one kept', async () => {
    await withScratchDatabase(async (url) => {
      await buildPreBaseline(url);
      await query(url, `UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2`, ['0'.repeat(64), NAMES[3]]);
      const before = await records(url);
      const attempt = migrateDatabase(url);
      // A StartupError: the launcher prints it as one Chinese line and stops.
      await expect(attempt).rejects.toThrow(StartupError);
      await expect(attempt).rejects.toThrow(`数据库迁移 ${NAMES[3]} 与早期版本的不同，无法升级。`);
      expect(await records(url)).toEqual(before);
    });
  });
});

describe('a backup made before the baseline', () => {
  it('with every pre-baseline migration: restored with all its rows, recorded as the baseline', async () => {
    await withScratchDatabase(async (source) => {
      await buildPreBaseline(source);
      await seedDemo(source);
      const file = path.join(dir, 'complete.jsonl.gz');
      expect((await writeBackup(source, file)).migrations).toEqual(NAMES);
      await withScratchDatabase(async (target) => {
        const summary = await restoreBackup(file, target);
        expect(summary.upgradedWith).toEqual([]);
        await expectBaselineOnly(target);
        expect(await dumpTables(target)).toEqual(await dumpTables(source));
      });
    });
  });

  it('with only the migrations up to 信息报送: the rest applied after its rows, recorded as the baseline', async () => {
    await withScratchDatabase(async (source) => {
      await buildPreBaseline(source, INTAKE);
      await insertEarlyRows(source);
      const file = path.join(dir, 'older.jsonl.gz');
      await writeBackup(source, file);
      await withScratchDatabase(async (target) => {
        const summary = await restoreBackup(file, target);
        expect(summary.upgradedWith).toEqual(NAMES.slice(INTAKE));
        expect(summary.admins).toEqual(['early-admin']);
        await expectBaselineOnly(target);
        expect(await query(target, `SELECT "name" FROM "Publication"`)).toEqual([{ name: '科协每周动态' }]);
      });
    });
  });
});
