// Bringing a database up to this version's schema, including one made before the migrations
// were squashed. The sixteen migrations written while the system was developed (2026-11-22 to
// 2026-12-06) became one baseline migration that builds the same schema (test/pre-baseline.test.ts
// compares the two). They are kept as they were, with their checksums, in
// pre-baseline-migrations.json, only to carry over databases and backups made with them: the
// ones such a database lacks are applied from there, then its migration records are replaced by
// the baseline's, and from then on it is migrated like any other.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from '@/ops/schema-engine';
import { StartupError } from '@/ops/startup-error';
import preBaselineMigrations from '@/ops/pre-baseline-migrations.json';

export const BASELINE_MIGRATION = '20261207000000_baseline';

export interface Migration {
  name: string;
  checksum: string;
}

/** The development migrations the baseline replaces, in the order they were applied. */
export const PRE_BASELINE_MIGRATIONS: readonly (Migration & { sql: string })[] = preBaselineMigrations;

/** A database or backup whose old migrations are not the ones kept: the start or restore stops. */
export class PreBaselineError extends StartupError {}

/** True when the migrations are (a first part of) the pre-baseline ones. */
export function isPreBaseline(migrations: readonly Migration[]): boolean {
  return migrations.length > 0 && PRE_BASELINE_MIGRATIONS.some((m) => m.name === migrations[0]!.name);
}

/**
 * Checks that `migrations` are the first pre-baseline migrations, in order and unchanged; the
 * message says which one is not.
 */
export function checkPreBaseline(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const known = PRE_BASELINE_MIGRATIONS[index];
    if (known?.name !== migration.name) {
      throw new PreBaselineError(`数据库迁移记录与早期版本的不一致（第 ${index + 1} 项是 ${migration.name}）。`);
    }
    if (known.checksum !== migration.checksum) {
      throw new PreBaselineError(`数据库迁移 ${migration.name} 与早期版本的不同，无法升级。`);
    }
  });
}

/** Writes pre-baseline migrations as a migrations folder the schema engine can apply. */
export async function writePreBaselineFolder(dir: string, count = PRE_BASELINE_MIGRATIONS.length): Promise<void> {
  await writeFile(path.join(dir, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT);
  for (const migration of PRE_BASELINE_MIGRATIONS.slice(0, count)) {
    await mkdir(path.join(dir, migration.name));
    await writeFile(path.join(dir, migration.name, 'migration.sql'), migration.sql);
  }
}

/** The checksum Prisma records for a migration: the SHA-256 of its migration.sql. */
export async function migrationChecksum(migrationsDir: string, name: string): Promise<string> {
  return createHash('sha256').update(await readFile(path.join(migrationsDir, name, 'migration.sql'))).digest('hex');
}

/** The migrations recorded as applied in the database, by name; none when it has no record table. */
export async function appliedMigrations(client: pg.ClientBase): Promise<Migration[]> {
  const { rows: table } = await client.query<{ found: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS found");
  if (!table[0]?.found) return [];
  const { rows } = await client.query<Migration>(
    `SELECT migration_name AS name, checksum FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

// Held while a database is carried over, so that instances starting together do it once.
const CARRY_OVER_LOCK = 7_240_512;

/**
 * Carries a database made with pre-baseline migrations over to the baseline; does nothing to
 * any other (null). Returns the pre-baseline migrations it had to apply first.
 */
async function carryOver(databaseUrl: string, migrationsDir: string): Promise<string[] | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (!isPreBaseline(await appliedMigrations(client))) return null;
    await client.query('SELECT pg_advisory_lock($1)', [CARRY_OVER_LOCK]);
    // Another instance may have carried it over while this one waited.
    const applied = await appliedMigrations(client);
    if (!isPreBaseline(applied)) return null;
    checkPreBaseline(applied);
    const missing = PRE_BASELINE_MIGRATIONS.slice(applied.length).map((m) => m.name);
    if (missing.length) {
      const folder = await mkdtemp(path.join(tmpdir(), 'kexie-pre-baseline-'));
      try {
        await writePreBaselineFolder(folder);
        await applyMigrations(databaseUrl, folder);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    const checksum = await migrationChecksum(migrationsDir, BASELINE_MIGRATION);
    await client.query('BEGIN');
    await client.query('DELETE FROM _prisma_migrations WHERE migration_name = ANY($1)', [PRE_BASELINE_MIGRATIONS.map((m) => m.name)]);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), checksum, BASELINE_MIGRATION],
    );
    await client.query('COMMIT');
    return missing;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}

export interface MigrateResult {
  /** The migrations applied, pre-baseline ones first. */
  applied: string[];
  /** True when the database's pre-baseline migration records were replaced by the baseline's. */
  carriedOver: boolean;
}

/**
 * Applies this version's migrations that the database lacks (`prisma migrate deploy`), after
 * carrying a pre-baseline database over. Safe to run from several instances at once.
 */
export async function migrateDatabase(databaseUrl: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrateResult> {
  const carried = await carryOver(databaseUrl, migrationsDir);
  const applied = await applyMigrations(databaseUrl, migrationsDir);
  return { applied: [...(carried ?? []), ...applied], carriedOver: carried !== null };
}
