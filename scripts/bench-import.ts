// `npm run bench:import`: the legacy import on issues it has never seen (test/support/import-corpus.ts:
// the fixtures printed by the PDF export and read back with pdftotext, with `- N -` page numbers,
// page-top spaces, link lines and no 版记; and items/2023-02-items.txt, a real extraction).
// Prints per corpus: items, titles, sources and paragraphs exact (k of N) and the lines dropped;
// then writes a folder of 500 issues made from the corpora (renumbered: 总第1001–1500期, ten
// years) and times `npm run import` on it against a fresh embedded database, found by the CLI
// from DATA_DIR alone (target ≤ 60 s). Needs Chromium and pdftotext.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closePdfBrowser } from '@/lib/export/pdf';
import { migrateDatabase } from '@/ops/migrate';
import { parseIssueBlocks } from '@/lib/import/parse-issue';
import { readImportFile } from '@/lib/import/read-file';
import { freePort } from '@/ops/free-port';
import { startEmbeddedPostgres } from '@/ops/embedded-postgres';
import { buildImportCorpora, scoreImport, type ImportCorpus } from '@/test/support/import-corpus';

const ISSUES = 500;
const root = path.resolve(import.meta.dirname, '..');
const fraction = ([k, n]: [number, number]) => `${k} of ${n}`;

async function scoreCorpora(corpora: ImportCorpus[]) {
  const totals = { items: [0, 0], titles: [0, 0], sources: [0, 0], paragraphs: [0, 0] } as Record<'items' | 'titles' | 'sources' | 'paragraphs', [number, number]>;
  for (const corpus of corpora) {
    const blocks = await readImportFile('issue.txt', new TextEncoder().encode(corpus.text));
    const result = parseIssueBlocks(blocks, { leadSectionName: '要闻', knownColumns: ['首都科技工作者沙龙'] });
    const score = scoreImport(corpus, result.issue);
    const stored = JSON.stringify(result.issue ?? {});
    const counts = new Map<string, number>();
    for (const line of result.dropped) counts.set(line.reason, (counts.get(line.reason) ?? 0) + 1);
    const byReason = [...counts].map(([reason, count]) => `${count} ${reason}`);
    console.log(`\n${corpus.name}`);
    console.log(
      `  items ${fraction(score.items)}, titles ${fraction(score.titles)}, sources ${fraction(score.sources)}, paragraphs ${fraction(score.paragraphs)}; ` +
        `extra items ${score.extraItems}; lines dropped ${result.dropped.length} (${byReason.join(', ')}); URLs stored ${/https?:|www\./.test(stored) ? 'YES' : 0}`,
    );
    for (const message of [...result.errors, ...result.doubts]) console.log(`  ! ${message}`);
    for (const miss of score.misses) console.log(`  missed: ${miss}`);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
      totals[key][0] += score[key][0];
      totals[key][1] += score[key][1];
    }
  }
  console.log(
    `\nimport_exact items=${fraction(totals.items)} titles=${fraction(totals.titles)} sources=${fraction(totals.sources)} paragraphs=${fraction(totals.paragraphs)} (${((100 * totals.paragraphs[0]) / totals.paragraphs[1]).toFixed(1)}%)`,
  );
}

/** The corpus text as another issue: its masthead numbers and date rewritten. */
function renumber(text: string, index: number): string {
  const year = 2014 + Math.floor(index / 50);
  const yearNumber = (index % 50) + 1;
  const date = new Date(Date.UTC(year, 0, 3 + 7 * (index % 50)));
  return text
    .replace(/\d{4}年 第\d+期/u, `${year}年 第${yearNumber}期`)
    .replace(/（总第\d+期）/u, `（总第${1001 + index}期）`)
    .replace(/\d{4}年\d{1,2}月\d{1,2}日/u, `${year}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`);
}

async function timeCliImport(corpora: ImportCorpus[]) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kexie-bench-import-'));
  const folder = path.join(dataDir, 'issues');
  await mkdir(folder);
  for (let i = 0; i < ISSUES; i++) {
    await writeFile(path.join(folder, `issue-${String(i + 1).padStart(3, '0')}.txt`), renumber(corpora[i % corpora.length]!.text, i));
  }
  const database = await startEmbeddedPostgres({ dir: dataDir, port: await freePort(), database: 'kexie' });
  try {
    await migrateDatabase(database.url);
    const { createPrismaClient } = await import('@/lib/db');
    const { seedDemoIfEmpty } = await import('@/prisma/seed');
    const prisma = createPrismaClient(database.url);
    await seedDemoIfEmpty(prisma, { isDemo: false });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    // The CLI finds the running embedded database from DATA_DIR alone.
    delete env.DATABASE_URL;
    delete env.EMBEDDED_PG_PORT;
    const started = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/import.ts', folder], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`import exited with ${code}:\n${text.slice(-2000)}`))));
    });
    const seconds = (performance.now() - started) / 1000;
    const archiveItems = await prisma.archiveItem.count();
    const issues = await prisma.issue.count({ where: { origin: 'IMPORTED' } });
    await prisma.$disconnect();
    console.log(`\n${output.trim().split('\n').at(-1)}`);
    console.log(`import_cli_${ISSUES}_issues_seconds=${seconds.toFixed(1)} (target ≤ 60; ${issues} issues, ${archiveItems} archive items stored)`);
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

try {
  const corpora = await buildImportCorpora();
  await closePdfBrowser();
  await scoreCorpora(corpora);
  await timeCliImport(corpora);
} finally {
  await closePdfBrowser();
}
