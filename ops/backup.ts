// Backup and restore of the whole database as a logical dump through the driver: the embedded
// PostgreSQL ships no pg_dump/pg_restore, and this needs nothing else either.
//
// The file (gzip) holds JSON lines:
//   {"type":"header", format, version, createdAt, migrations: [{name, checksum}], tables: [...]}
//   {"type":"rows", "table": "…", "rows": [row, …]}      rows as PostgreSQL's row_to_json writes them
//   {"type":"end", counts: {table: n}, sha256}           sha256 of every line before this one
// Tables come in foreign-key order, so a restore inserts parents before children. Rows are read
// in one REPEATABLE READ snapshot (the app may keep running). bytea travels as hex text and is
// restored byte for byte (the stored PDF and DOCX of every published issue).
//
// A restore goes into an empty database: the backup's own migrations first (the schema it was
// made with), then its rows in one transaction, then the sequences, then any newer
// migrations of this version — so an older backup comes back into the current schema. A backup
// made before the migrations were squashed into the baseline gets its migrations from the
// pre-baseline archive and is carried over like a database (ops/migrate.ts).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import {
  appliedMigrations,
  checkPreBaseline,
  isPreBaseline,
  migrateDatabase,
  migrationChecksum,
  PreBaselineError,
  writePreBaselineFolder,
  type Migration,
} from '@/ops/migrate';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from '@/ops/schema-engine';

export const BACKUP_FORMAT = 'kexie-weekly-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 500;
/** Rows holding files are large: fewer per line. */
const BATCH_BYTES = 8 * 1024 * 1024;

export class BackupError extends Error {}

interface Header {
  type: 'header';
  format: string;
  version: number;
  createdAt: string;
  migrations: Migration[];
  tables: string[];
}

interface End {
  type: 'end';
  counts: Record<string, number>;
  sha256: string;
}

export interface BackupSummary {
  file: string;
  tables: Record<string, number>;
  migrations: string[];
  bytes: number;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Tables of the public schema (Prisma's own bookkeeping left out), parents before children. */
async function listTablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class p ON p.oid = k.confrelid
    WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`);
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((name) => [name, new Set(edges.filter((e) => e.child === name).map((e) => e.parent))]));
  const ordered: string[] = [];
  while (ordered.length < names.length) {
    const next = names.find((name) => !ordered.includes(name) && [...parents.get(name)!].every((p) => ordered.includes(p) || !names.includes(p)));
    if (!next) throw new BackupError('数据表之间的外键有循环，无法确定备份顺序。');
    ordered.push(next);
  }
  return ordered;
}

async function primaryKeyOrder(client: pg.ClientBase, table: string): Promise<string> {
  const { rows } = await client.query<{ column: string }>(
    `SELECT a.attname AS column
     FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey, a.attnum)`,
    [quoteIdent(table)],
  );
  return rows.length ? rows.map((r) => quoteIdent(r.column)).join(', ') : '1';
}

/** Writes a backup of the database to `file` (gzip). Consistent while the app keeps running. */
export async function writeBackup(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL bytea_output = 'hex'`);
    const migrations = await appliedMigrations(client);
    const tables = await listTablesInDependencyOrder(client);
    const header: Header = { type: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations, tables };

    async function* lines(): AsyncGenerator<string> {
      const emit = (line: string) => {
        hash.update(line);
        return line;
      };
      yield emit(JSON.stringify(header) + '\n');
      for (const table of tables) {
        counts[table] = 0;
        const order = await primaryKeyOrder(client, table);
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdent(table)} t ORDER BY ${order}`);
        let batch: string[] = [];
        let batchBytes = 0;
        const flush = () => {
          const line = `{"type":"rows","table":${JSON.stringify(table)},"rows":[${batch.join(',')}]}\n`;
          batch = [];
          batchBytes = 0;
          return emit(line);
        };
        for (;;) {
          const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH_ROWS} FROM backup_rows`);
          for (const { row } of rows) {
            batch.push(row);
            batchBytes += row.length;
            counts[table] += 1;
            if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) yield flush();
          }
          if (rows.length < BATCH_ROWS) break;
        }
        if (batch.length) yield flush();
        await client.query('CLOSE backup_rows');
      }
      const end: End = { type: 'end', counts, sha256: hash.digest('hex') };
      yield JSON.stringify(end) + '\n';
    }

    const temporary = `${file}.partial`;
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(temporary, { mode: 0o600 }));
    await client.query('COMMIT');
    // Only a complete file gets the name asked for.
    const { rename, stat } = await import('node:fs/promises');
    await rename(temporary, file);
    return { file, tables: counts, migrations: migrations.map((m) => m.name), bytes: (await stat(file)).size };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    await rm(`${file}.partial`, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) if (line) yield line;
  } catch (error) {
    throw new BackupError(`备份文件已损坏或不是本系统的备份（${explainGunzipError(error)}）。`);
  }
}

/** zlib explains in English; the operator gets why in Chinese. */
function explainGunzipError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR') return '文件不完整，可能在复制或下载时被截断';
  if (code === 'Z_DATA_ERROR') return '不是 gzip 压缩文件，或内容已损坏';
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES') return '没有读取该文件的权限';
  return '无法解压';
}

/**
 * What the live database enforces, checked again on the restored rows before they are
 * committed. The rows were loaded with the triggers off (they reference each other in every
 * order), and a backup's checksum and counts prove only that the file is whole, not that it came
 * from this system: anyone who can edit the file can recompute them. So:
 * - every published issue is published again, in order, through the same `Issue` trigger
 *   (imported history first, then the system's own), into a scratch copy of its publication
 *   that is rolled back: a gap, a number out of order or history after the system's own
 *   issues is refused exactly as the live database would refuse it;
 * - at least one enabled account can administer the system.
 * Who holds which role cannot be checked against anything: the summary lists the admins.
 */
async function checkRestoredRules(client: pg.Client): Promise<{ admins: string[] }> {
  await client.query('SAVEPOINT restore_rules');
  try {
    await client.query(`
      DO $check$
      DECLARE
        publication record;
        issue record;
        scratch int;
        id_offset int := (SELECT coalesce(max("id"), 0) FROM "Issue");
      BEGIN
        FOR publication IN SELECT * FROM "Publication" ORDER BY "id" LOOP
          scratch := (SELECT max("id") + 1 FROM "Publication");
          INSERT INTO "Publication"
            -- Name and short code are unique: the copy gets its own.
            SELECT * FROM jsonb_populate_record(NULL::"Publication", to_jsonb(publication) || jsonb_build_object('id', scratch, 'name', publication."name" || ' (restore check)', 'slug', 'restore-check-' || scratch));
          FOR issue IN
            SELECT * FROM "Issue" WHERE "publicationId" = publication."id" AND "status" = 'PUBLISHED'
            ORDER BY ("origin" = 'EDITED'), "totalNumber"
          LOOP
            INSERT INTO "Issue"
              SELECT * FROM jsonb_populate_record(NULL::"Issue", to_jsonb(issue) || jsonb_build_object('id', issue."id" + id_offset, 'publicationId', scratch));
          END LOOP;
        END LOOP;
      END
      $check$`);
  } catch (error) {
    const numbers = String((error as Error).message).match(/\d+/g) ?? [];
    throw new BackupError(
      `备份中已发布期次的编号不符合本系统的编号规则（期号中断、顺序颠倒，或历史期次排在系统发布的期次之后${numbers.length ? `，涉及总第${numbers.join('、')}期` : ''}），不予恢复。`,
    );
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT restore_rules');
  }
  const { rows } = await client.query<{ username: string }>(
    `SELECT "username" FROM "User" WHERE 'ADMIN' = ANY("roles") AND NOT "isDisabled" ORDER BY "username"`,
  );
  if (!rows.length) throw new BackupError('备份中没有可用的管理员账号（未停用且有管理员权限），恢复后将无人能管理系统，不予恢复。');
  return { admins: rows.map((r) => r.username) };
}

/** Reads the whole file once: the header, and whether every line is there and unchanged. */
export async function verifyBackup(file: string): Promise<{ header: Header; end: End }> {
  const hash = createHash('sha256');
  let header: Header | undefined;
  let end: End | undefined;
  for await (const line of readLines(file)) {
    if (end) throw new BackupError('备份文件在结束标记之后还有内容。');
    if (!header) {
      try {
        header = JSON.parse(line) as Header;
      } catch {
        throw new BackupError('不是本系统的备份文件。');
      }
      if (header.type !== 'header' || header.format !== BACKUP_FORMAT) throw new BackupError('不是本系统的备份文件。');
      if (header.version !== BACKUP_VERSION) throw new BackupError(`备份文件的格式版本（${header.version}）不受支持。`);
    } else if (line.startsWith('{"type":"end"')) {
      end = JSON.parse(line) as End;
      continue;
    }
    hash.update(line + '\n');
  }
  if (!header) throw new BackupError('备份文件是空的。');
  if (!end) throw new BackupError('备份文件不完整（没有结束标记），可能在写入时中断。');
  if (hash.digest('hex') !== end.sha256) throw new BackupError('备份文件的校验值不符：文件已损坏或被改动。');
  return { header, end };
}

/** The backup's migrations must be this version's first ones (or the first pre-baseline ones), unchanged. */
async function checkMigrations(migrations: Migration[], migrationsDir: string): Promise<void> {
  if (isPreBaseline(migrations)) {
    try {
      checkPreBaseline(migrations);
    } catch (error) {
      throw error instanceof PreBaselineError ? new BackupError(error.message) : error;
    }
    return;
  }
  const known = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  migrations.forEach((migration, index) => {
    if (known[index] !== migration.name) {
      throw new BackupError(
        known.includes(migration.name)
          ? `备份的数据库迁移顺序与本版本不同（${migration.name}）。`
          : `备份来自更新的版本（含本版本没有的数据库迁移 ${migration.name}），请先升级本系统。`,
      );
    }
  });
  for (const migration of migrations) {
    // A migration this version does not have reads as no checksum: refused like a changed one.
    if ((await migrationChecksum(migrationsDir, migration.name).catch(() => null)) !== migration.checksum) {
      throw new BackupError(`备份所用的数据库迁移 ${migration.name} 与本版本的不同，无法恢复。`);
    }
  }
}

export interface RestoreSummary {
  tables: Record<string, number>;
  /** Migrations of this version applied after the backup's own (an older backup). */
  upgradedWith: string[];
  /** Stored export files whose bytes still hash to their recorded SHA-256. */
  verifiedExports: number;
  /** The enabled accounts with the ADMIN role after the restore (for the operator to check). */
  admins: string[];
}

/**
 * Restores a backup into `targetUrl`, which must be an empty database (no tables). Nothing is
 * left half-done in a way that could pass for a good database: the rows go in one transaction,
 * and the counts and every stored file's SHA-256 are checked before it commits.
 */
export async function restoreBackup(file: string, targetUrl: string, options: { migrationsDir?: string } = {}): Promise<RestoreSummary> {
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const { header, end } = await verifyBackup(file);
  await checkMigrations(header.migrations, migrationsDir);

  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (rows[0]!.n > 0) throw new BackupError('只能恢复到空数据库：目标数据库中已有数据表。');

    // The schema the backup was made with: exactly its migrations.
    const subset = await mkdtemp(path.join(tmpdir(), 'kexie-restore-'));
    try {
      if (isPreBaseline(header.migrations)) {
        await writePreBaselineFolder(subset, header.migrations.length);
      } else {
        await writeFile(path.join(subset, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT);
        for (const migration of header.migrations) {
          await cp(path.join(migrationsDir, migration.name), path.join(subset, migration.name), { recursive: true });
        }
      }
      await applyMigrations(targetUrl, subset);
    } finally {
      await rm(subset, { recursive: true, force: true });
    }

    const counts: Record<string, number> = {};
    await client.query('BEGIN');
    for (const table of header.tables) await client.query(`ALTER TABLE ${quoteIdent(table)} DISABLE TRIGGER USER`);
    let isHeader = true;
    for await (const line of readLines(file)) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (line.startsWith('{"type":"end"')) break;
      const batch = JSON.parse(line) as { type: string; table: string; rows: unknown[] };
      if (batch.type !== 'rows' || !header.tables.includes(batch.table)) throw new BackupError(`备份文件中有未知的数据表 ${batch.table}。`);
      const table = quoteIdent(batch.table);
      await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(batch.rows)]);
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
    }
    for (const table of header.tables) {
      await client.query(`ALTER TABLE ${quoteIdent(table)} ENABLE TRIGGER USER`);
      const restored = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(table)}`)).rows[0]!.n;
      if (restored !== (end.counts[table] ?? 0)) throw new BackupError(`数据表 ${table} 恢复了 ${restored} 行，备份中有 ${end.counts[table] ?? 0} 行。`);
      counts[table] = restored;
    }
    // Sequences continue after the restored ids.
    const { rows: sequences } = await client.query<{ table: string; column: string }>(`
      SELECT c.relname AS table, a.attname AS column
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
    for (const { table, column } of sequences) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)}), 1),
                       (SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)}) IS NOT NULL)`,
        [quoteIdent(table), column],
      );
    }
    let verifiedExports = 0;
    if (header.tables.includes('IssueExport')) {
      const { rows: files } = await client.query<{ id: number; bytes: Buffer; sha256: string }>(`SELECT "id", "bytes", "sha256" FROM "IssueExport"`);
      for (const exported of files) {
        if (createHash('sha256').update(exported.bytes).digest('hex') !== exported.sha256) {
          throw new BackupError(`导出文件（编号 ${exported.id}）恢复后的校验值与记录不符。`);
        }
        verifiedExports += 1;
      }
    }
    const { admins } = await checkRestoredRules(client);
    await client.query('COMMIT');

    const before = new Set(header.migrations.map((m) => m.name));
    const upgradedWith = (await migrateDatabase(targetUrl, migrationsDir)).applied.filter((name) => !before.has(name));
    return { tables: counts, upgradedWith, verifiedExports, admins };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
