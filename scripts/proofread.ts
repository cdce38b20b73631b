// `npm run proofread -- FILE...`: checks .txt, .md and .docx files against the office's house
// style (lib/proofread) and prints one finding per line, `FILE:LINE:COL RULE message` (for .docx
// LINE is the paragraph number). Exits 1 when anything was found, 0 when nothing, 2 on an
// unreadable file. The glossary lives in the app's database and is not read here: the command
// needs nothing but the files.
import { readFile } from 'node:fs/promises';
import { proofreadFile } from '@/lib/proofread/file';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('用法：npm run proofread -- 文件.txt|.md|.docx ...');
    return 2;
  }
  let found = 0;
  let failed = false;
  for (const file of files) {
    if (!/\.(txt|md|docx)$/i.test(file)) {
      console.error(`${file}: 只能检查 .txt、.md 或 .docx 文件`);
      failed = true;
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      console.error(`${file}: 无法读取该文件`);
      failed = true;
      continue;
    }
    try {
      for (const f of await proofreadFile(file, bytes)) {
        console.log(`${file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
        found++;
      }
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
    }
  }
  return failed ? 2 : found > 0 ? 1 : 0;
}

process.exitCode = await main();
