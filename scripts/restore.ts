// `npm run restore -- FILE`: replaces the embedded database with a backup.
//
// The backup is checked (complete, unchanged, from this or an older version), restored into a
// new database beside the current one, verified (row counts, SHA-256 of every stored export),
// and only then swapped in; the data that was there is first saved as a backup file in
// DATA_DIR/backups. The app must be stopped (its database is replaced).
// With DATABASE_URL, restores into that database, which must be empty (a new database).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BackupError, restoreBackup, verifyBackup, writeBackup, type RestoreSummary } from '@/ops/backup';
import { readLauncherEnv } from '@/lib/env';
import { isEmbeddedPostgresRunning, startEmbeddedPostgres } from '@/ops/embedded-postgres';
import { describeToolError, failUsage } from '@/ops/tool-args';

const file = process.argv[2];
if (!file || file.startsWith('-') || process.argv.length > 3) failUsage('restore', 'npm run restore -- 备份文件', '请给出一个备份文件');

const env = readLauncherEnv();
const DATABASE = 'kexie';

function report(summary: RestoreSummary) {
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  console.log(`已恢复 ${Object.keys(summary.tables).length} 张表，${rows} 行；${summary.verifiedExports} 个导出文件校验一致。`);
  console.log(`管理员账号：${summary.admins.join('、')}（请确认无误：备份文件可以被改写，恢复的权限以文件为准）。`);
  if (summary.upgradedWith.length) console.log(`备份来自较早的版本，已升级：${summary.upgradedWith.join('、')}`);
}

async function restoreEmbedded(): Promise<void> {
  const dataDir = path.resolve(env.DATA_DIR);
  if (await isEmbeddedPostgresRunning(dataDir)) {
    throw new BackupError('系统正在运行：请先停止 npm start（Ctrl-C），再恢复备份。');
  }
  await verifyBackup(path.resolve(file!));
  const database = await startEmbeddedPostgres({ dir: dataDir, port: env.EMBEDDED_PG_PORT, database: DATABASE });
  const admin = new pg.Client({ connectionString: database.url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  const staging = `${DATABASE}_restoring`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${staging}"`);
    await admin.query(`CREATE DATABASE "${staging}"`);
    const summary = await restoreBackup(path.resolve(file!), database.url.replace(/\/[^/]*$/, `/${staging}`));
    // What was there is kept as a backup file before it goes.
    const hasData = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rowCount;
    if (hasData) {
      const backups = path.join(dataDir, 'backups');
      await mkdir(backups, { recursive: true });
      const saved = path.join(backups, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.backup.gz`);
      const current = new pg.Client({ connectionString: database.url });
      await current.connect();
      const isMigrated = (await current.query(`SELECT to_regclass('_prisma_migrations') AS t`)).rows[0].t !== null;
      await current.end();
      if (isMigrated) {
        await writeBackup(database.url, saved);
        console.log(`原有数据已另存为 ${saved}`);
      }
      await admin.query(`DROP DATABASE "${DATABASE}" WITH (FORCE)`);
    }
    await admin.query(`ALTER DATABASE "${staging}" RENAME TO "${DATABASE}"`);
    report(summary);
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS "${staging}" WITH (FORCE)`).catch(() => {});
    throw error;
  } finally {
    await admin.end();
    await database.stop();
  }
}

let exitCode = 0;
try {
  if (!existsSync(path.resolve(file))) throw new BackupError(`找不到文件 ${file}`);
  if (env.DATABASE_URL) report(await restoreBackup(path.resolve(file), env.DATABASE_URL));
  else await restoreEmbedded();
} catch (error) {
  console.error(`restore：${describeToolError(error)}`);
  exitCode = 1;
}
process.exit(exitCode);
