// Backup → restore round trip: every row of every table comes back, every stored export byte for
// byte, and the restored database keeps its rules (numbering guard, sequences).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { restoreBackup, verifyBackup, writeBackup } from '@/ops/backup';
import { BASELINE_MIGRATION } from '@/ops/migrate';
import { fixtureFile, resetArchive } from './support/archive';
import { createTestUser } from './support/factories';
import { dumpTables } from './support/scratch-database';

const { importIssues } = await import('@/lib/data/imports');
const { getPublishedExport } = await import('@/lib/data/exports');

const serverUrl = new URL(inject('templateDatabaseUrl'));
serverUrl.pathname = '/postgres';

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let dir: string;
const target = `restore_${randomBytes(5).toString('hex')}`;
const sourceUrl = process.env.DATABASE_URL!;
/** Every byte value, and more: what a PDF holds. */
const binary = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kexie-backup-test-'));
  await resetArchive();
  const admin = await createTestUser({ roles: ['ADMIN'] });
  await importIssues([fixtureFile('2023-14.txt'), fixtureFile('2023-07.md')], admin);
  const issues = await db.issue.findMany({ orderBy: { totalNumber: 'asc' } });
  // A real DOCX export, and PDF bytes with every byte value in them.
  await getPublishedExport(issues[1]!.id, 'docx');
  await db.issueExport.create({
    data: { issueId: issues[0]!.id, format: 'PDF', bytes: new Uint8Array(binary), sha256: createHash('sha256').update(binary).digest('hex') },
  });
  // Text that JSON must carry exactly: quotes, backslashes, line breaks, emoji, 𠀀.
  await db.user.update({ where: { id: admin.id }, data: { displayName: '王"晓\\明\n😀𠀀' } });
  await withAdmin((client) => client.query(`CREATE DATABASE "${target}"`));
});

afterAll(async () => {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`));
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every row of every table, the stored exports byte for byte', async () => {
    const file = path.join(dir, 'kexie.backup.gz');
    const backup = await writeBackup(sourceUrl, file);
    expect(backup.tables).toMatchObject({ Issue: 2, ArchiveItem: 13, IssueExport: 2 });
    expect(backup.migrations[0]).toBe(BASELINE_MIGRATION);

    const summary = await restoreBackup(file, databaseUrl(target));
    expect(summary.verifiedExports).toBe(2);
    expect(summary.upgradedWith).toEqual([]);
    expect(await dumpTables(databaseUrl(target))).toEqual(await dumpTables(sourceUrl));

    const restored = new pg.Client({ connectionString: databaseUrl(target) });
    await restored.connect();
    try {
      const { rows } = await restored.query<{ bytes: Buffer; sha256: string; format: string }>(`SELECT "bytes", "sha256", "format" FROM "IssueExport" ORDER BY "format"`);
      const original = await db.issueExport.findMany({ orderBy: { format: 'asc' } });
      expect(rows.map((r) => r.sha256)).toEqual(original.map((o) => o.sha256));
      expect(Buffer.compare(rows.find((r) => r.format === 'PDF')!.bytes, binary)).toBe(0);
      expect(Buffer.compare(rows.find((r) => r.format === 'DOCX')!.bytes, Buffer.from(original.find((o) => o.format === 'DOCX')!.bytes))).toBe(0);
      // The rules came back with the schema: a published issue still cannot be deleted…
      await expect(restored.query(`DELETE FROM "Issue" WHERE "totalNumber" = 67`)).rejects.toThrow(/cannot be deleted/);
      // … the search index is there, and new rows get new ids.
      const { rows: indexes } = await restored.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'ArchiveItem_search_idx'`);
      expect(indexes).toHaveLength(1);
      const { rows: next } = await restored.query<{ id: number }>(
        `INSERT INTO "LoginFailure" ("username", "clientIp") VALUES ('x', 'y') RETURNING "id"`,
      );
      expect(next[0]!.id).toBeGreaterThan(0);
      const { rows: users } = await restored.query<{ id: number }>(`SELECT max("id") AS id FROM "User"`);
      const { rows: created } = await restored.query<{ id: number }>(
        `INSERT INTO "User" ("username", "displayName", "passwordHash", "roles", "updatedAt") VALUES ('new-after-restore', '新', 'x', '{}', now()) RETURNING "id"`,
      );
      expect(created[0]!.id).toBe(users[0]!.id + 1);
    } finally {
      await restored.end();
    }
  });

  it('refuses a damaged or truncated file, and a database that is not empty', async () => {
    const file = path.join(dir, 'second.backup.gz');
    await writeBackup(sourceUrl, file);
    const text = gunzipSync(await readFile(file)).toString('utf8');

    const changed = path.join(dir, 'changed.backup.gz');
    await writeFile(changed, gzipSync(text.replace('密云区科协', '密云县科协')));
    await expect(verifyBackup(changed)).rejects.toThrow(/校验值不符/);

    const truncated = path.join(dir, 'truncated.backup.gz');
    await writeFile(truncated, gzipSync(text.split('\n').slice(0, 3).join('\n')));
    await expect(verifyBackup(truncated)).rejects.toThrow(/不完整/);

    const garbage = path.join(dir, 'garbage.backup.gz');
    await writeFile(garbage, Buffer.from('not a backup'));
    await expect(verifyBackup(garbage)).rejects.toThrow(/损坏|不是本系统/);

    // The database restored by the first test has tables now.
    await expect(restoreBackup(file, databaseUrl(target))).rejects.toThrow(/只能恢复到空数据库/);
  });

  it('refuses a forged file with recomputed checksum and counts that breaks the numbering or leaves no admin', async () => {
    const file = path.join(dir, 'forge.backup.gz');
    await writeBackup(sourceUrl, file);
    const lines = gunzipSync(await readFile(file)).toString('utf8').split('\n').filter(Boolean);

    /** The backup with `edit` applied to one table's rows, checksum and counts made to match. */
    async function forge(name: string, table: string, edit: (row: Record<string, unknown>) => void): Promise<string> {
      const body = lines.slice(0, -1).map((line, index) => {
        if (index === 0) return line;
        const batch = JSON.parse(line) as { table: string; rows: Record<string, unknown>[] };
        if (batch.table === table) batch.rows.forEach(edit);
        return JSON.stringify(batch);
      });
      const end = JSON.parse(lines.at(-1)!) as { counts: Record<string, number>; sha256: string };
      end.sha256 = createHash('sha256').update(body.map((line) => line + '\n').join('')).digest('hex');
      const forged = path.join(dir, name);
      await writeFile(forged, gzipSync([...body, JSON.stringify(end)].join('\n') + '\n'));
      await expect(verifyBackup(forged)).resolves.toBeTruthy(); // the file itself looks whole
      return forged;
    }
    const fresh = async () => {
      const name = `restore_${randomBytes(5).toString('hex')}`;
      await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
      return name;
    };

    // The earlier issue (总第60期) passed off as published by the system: it would come after
    // the imported 总第67期, which the Issue trigger never allows.
    const numbering = await forge('numbering.backup.gz', 'Issue', (row) => {
      if (row.totalNumber !== 67) row.origin = 'EDITED';
    });
    const first = await fresh();
    try {
      await expect(restoreBackup(numbering, databaseUrl(first))).rejects.toThrow(/编号规则.*不予恢复/);
      // Nothing was committed.
      expect((await dumpTables(databaseUrl(first))).Issue ?? []).toEqual([]);
    } finally {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${first}" WITH (FORCE)`));
    }

    const noAdmin = await forge('no-admin.backup.gz', 'User', (row) => {
      row.roles = (row.roles as string[]).filter((role) => role !== 'ADMIN');
    });
    const second = await fresh();
    try {
      await expect(restoreBackup(noAdmin, databaseUrl(second))).rejects.toThrow(/没有可用的管理员账号/);
    } finally {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${second}" WITH (FORCE)`));
    }
  });

  it('explains a cut-off gzip file in Chinese', async () => {
    const file = path.join(dir, 'cut.backup.gz');
    await writeBackup(sourceUrl, file);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 200));
    const error = await verifyBackup(file).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/文件不完整|结束标记/);
    expect(error?.message).not.toMatch(/unexpected end of file/);
  });
});
