// `npm run export -- [--publication NAME] (--year Y --number N | --latest) --format pdf|docx|html --out FILE`
//
// Writes a published issue of a publication (by name or short code; the default publication
// without --publication). PDF and DOCX are the stored files (the same bytes as every
// download); HTML is the print template, its fonts served by the app under APP_URL.
// Uses DATABASE_URL, or the embedded database (the running app's, or started for the command).
import { writeFile } from 'node:fs/promises';
import { failUsage, parseToolArgs } from '@/ops/tool-args';
import { runToolCommand } from '@/ops/tool-command';

const USAGE = 'npm run export -- [--publication 刊物] (--year 年 --number 期 | --latest) --format pdf|docx|html --out 文件';

const { values } = parseToolArgs('export', USAGE, {
  options: {
    year: { type: 'string' },
    number: { type: 'string' },
    latest: { type: 'boolean', default: false },
    format: { type: 'string' },
    out: { type: 'string' },
    publication: { type: 'string' },
  },
});

function fail(message: string): never {
  return failUsage('export', USAGE, message);
}

const format = values.format;
if (format !== 'pdf' && format !== 'docx' && format !== 'html') fail('--format 须为 pdf、docx 或 html');
if (!values.out) fail('缺少 --out 文件');
if (!values.latest && !(values.year && values.number)) fail('请给出 --latest，或同时给出 --year 和 --number');

await runToolCommand('export', async ({ env, onClose }) => {
  const { db } = await import('@/lib/db');
  onClose(() => db.$disconnect());
  const { getPublishedExport } = await import('@/lib/data/exports');
  const { resolvePublicationByName } = await import('@/lib/data/publication');
  const { closePdfBrowser } = await import('@/lib/export/pdf');
  onClose(closePdfBrowser);
  const { renderIssueHtml } = await import('@/lib/export/print-template');
  const { readPrintSnapshot } = await import('@/lib/export/print-issue');

  const publication = await resolvePublicationByName(values.publication);
  const published = { status: 'PUBLISHED', publicationId: publication.id } as const;
  const issue = await db.issue.findFirst({
    where: values.latest ? published : { ...published, year: Number(values.year), yearNumber: Number(values.number) },
    orderBy: { totalNumber: 'desc' },
    select: { id: true, year: true, yearNumber: true, totalNumber: true, snapshot: true },
  });
  if (!issue?.snapshot) {
    throw new Error(`${publication.name}：${values.latest ? '还没有已发布的期次' : `没有已发布的 ${values.year}年第${values.number}期`}`);
  }
  const print = readPrintSnapshot(issue.snapshot);
  const label = `${publication.name} ${issue.year}年 第${issue.yearNumber}期（总第${issue.totalNumber}期）`;
  if (format === 'html') {
    const fontBaseUrl = `${env.APP_URL ?? `http://localhost:${env.PORT}`}/fonts`;
    const html = renderIssueHtml(print, { fontBaseUrl });
    await writeFile(values.out!, html);
    console.log(`${label} → ${values.out} (html)`);
  } else {
    const file = await getPublishedExport(issue.id, format, print);
    await writeFile(values.out!, file.bytes);
    console.log(`${label} → ${values.out} (${format}, sha256 ${file.sha256})`);
  }
});
