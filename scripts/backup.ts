// `npm run backup -- FILE`: a backup of the whole database (every table, the stored PDF and DOCX
// of every published issue byte for byte) as one gzip file. The app may keep running.
// Uses DATABASE_URL, or the embedded database (the running app's, or started for the command).
import path from 'node:path';
import { writeBackup } from '@/ops/backup';
import { failUsage } from '@/ops/tool-args';
import { runToolCommand } from '@/ops/tool-command';

const file = process.argv[2];
if (!file || file.startsWith('-') || process.argv.length > 3) {
  failUsage('backup', 'npm run backup -- 文件（例如 npm run backup -- 备份/kexie-2024-06-30.backup.gz）', '请给出一个备份文件名');
}

await runToolCommand('backup', async ({ databaseUrl }) => {
  const summary = await writeBackup(databaseUrl, path.resolve(file));
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  console.log(`已备份到 ${summary.file}（${(summary.bytes / 1024 / 1024).toFixed(1)} MB）：${Object.keys(summary.tables).length} 张表，${rows} 行。`);
  for (const [table, count] of Object.entries(summary.tables)) console.log(`  ${table.padEnd(16)} ${count}`);
});
