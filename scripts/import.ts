// `npm run import -- [--dry-run] [--user NAME] [--publication NAME] FILE_OR_FOLDER...`: legacy
// import from the command line, for a whole archive at once, into one publication (by name or
// short code; the default publication without --publication). Prints what was recognised in every file (as the
// admin page's preview does), then imports everything in one transaction — or nothing, when a
// file cannot be read or a number is taken. `--dry-run` only prints. Folders are read for
// .docx, .txt and .md files. Uses DATABASE_URL, or the embedded database.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { failUsage, parseToolArgs } from '@/ops/tool-args';
import { runToolCommand } from '@/ops/tool-command';

const USAGE = 'npm run import -- [--dry-run] [--user 用户名] [--publication 刊物] 文件或文件夹…';

const { values, positionals } = parseToolArgs('import', USAGE, {
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false }, user: { type: 'string' }, publication: { type: 'string' } },
});
if (!positionals.length) failUsage('import', USAGE, '请给出要导入的文件或文件夹');

async function collect(target: string): Promise<string[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [target];
  const entries = (await readdir(target)).filter((name) => /\.(docx|txt|md)$/i.test(name)).sort();
  return entries.map((name) => path.join(target, name));
}

const STATUS = { ready: '可导入', duplicate: '已导入，跳过', conflict: '不能导入', invalid: '无法识别' } as const;

await runToolCommand('import', async ({ onClose }) => {
  const { db } = await import('@/lib/db');
  onClose(() => db.$disconnect());
  const { importIssues, previewImport } = await import('@/lib/data/imports');
  const { resolvePublicationByName } = await import('@/lib/data/publication');

  const paths = (await Promise.all(positionals.map(collect))).flat();
  const files = await Promise.all(paths.map(async (file) => ({ name: path.basename(file), bytes: new Uint8Array(await readFile(file)) })));
  const publication = await resolvePublicationByName(values.publication);
  console.log(`刊物：${publication.name}`);
  const preview = await previewImport(files, publication.id);
  for (const file of preview.files) {
    const issue = file.issue;
    const what = issue ? `${issue.year}年第${issue.yearNumber}期（总第${issue.totalNumber}期） ${issue.issueDate} ${issue.itemCount}篇` : '';
    console.log(`[${STATUS[file.status]}] ${file.fileName} ${what}`);
    for (const message of file.messages) console.log(`    ${message}`);
    for (const warning of file.warnings) console.log(`    注意：${warning}`);
    for (const doubt of file.doubts) console.log(`    需核对：${doubt}`);
    if (file.dropped.length) console.log(`    已略去 ${file.dropped.length} 行（页码、链接、页眉）`);
  }
  for (const note of preview.notes) console.log(note);
  if (!preview.canImport) {
    const isRefused = preview.files.some((f) => f.status === 'conflict' || f.status === 'invalid');
    console.log(isRefused ? '未导入：请先处理上面不能导入的文件。' : '没有需要导入的新期次。');
    return isRefused ? 1 : 0;
  } else if (values['dry-run']) {
    console.log('（--dry-run：未写入）');
  } else {
    const user = await db.user.findFirst({
      where: values.user ? { username: values.user } : { roles: { has: 'ADMIN' }, isDisabled: false },
      orderBy: { id: 'asc' },
      select: { id: true, username: true },
    });
    if (!user) throw new Error(values.user ? `没有用户 ${values.user}` : '没有可用的管理员账号（--user 指定导入人）');
    const result = await importIssues(files, user, { publicationId: publication.id });
    console.log(`已导入 ${result.imported.length} 期（导入人 ${user.username}），跳过 ${result.skipped.length} 个。`);
  }
});
