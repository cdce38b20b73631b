import 'server-only';
import { createHash } from 'node:crypto';
import { CONTENT_TYPES } from '@/lib/content-types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { renderIssueDocx } from '@/lib/export/docx';
import { renderIssuePdf } from '@/lib/export/pdf';
import { readPrintSnapshot, type PrintIssue } from '@/lib/export/print-issue';

export type ExportFormatName = 'pdf' | 'docx';

const FORMATS = {
  pdf: { db: 'PDF', contentType: CONTENT_TYPES.pdf },
  docx: { db: 'DOCX', contentType: CONTENT_TYPES.docx },
} as const;

export interface ExportFile {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  fileName: string;
}

/** `科协每周动态2023年第14期.pdf` (and `…（样稿）.pdf` for a draft). */
export function exportFileName(issue: PrintIssue, format: ExportFormatName, isDraft = false): string {
  return `${issue.publicationName}${issue.year}年第${issue.yearNumber}期${isDraft ? '（样稿）' : ''}.${format}`;
}

export function renderExport(issue: PrintIssue, format: ExportFormatName, isDraft = false): Promise<Buffer> {
  if (format === 'docx') return renderIssueDocx(issue, { isDraft });
  return renderIssuePdf(issue, { isDraft });
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The frozen print model of a published issue, read (and validated) from its snapshot. */
async function readPublishedPrint(issueId: number): Promise<PrintIssue> {
  const issue = await db.issue.findFirst({ where: { id: issueId, status: 'PUBLISHED' }, select: { snapshot: true } });
  if (!issue?.snapshot) throw new AppError('NOT_FOUND', '该期不存在或尚未发布。');
  return readPrintSnapshot(issue.snapshot);
}

/**
 * The file of a published issue: produced once from its snapshot and stored; every later call
 * returns exactly the stored bytes. Concurrent first calls may both render, but only one row
 * is kept (unique per issue and format) and both callers serve that one. A caller that has the
 * issue's frozen model (publication, a download that read it) passes it, so the snapshot is
 * not read again.
 */
export async function getPublishedExport(issueId: number, format: ExportFormatName, published?: PrintIssue): Promise<ExportFile> {
  const print = published ?? (await readPublishedPrint(issueId));
  const where = { issueId_format: { issueId, format: FORMATS[format].db } };
  let stored = await db.issueExport.findUnique({ where });
  if (!stored) {
    const bytes = await renderExport(print, format);
    await db.issueExport.createMany({
      data: [{ issueId, format: FORMATS[format].db, bytes: new Uint8Array(bytes), sha256: sha256(bytes) }],
      skipDuplicates: true,
    });
    stored = await db.issueExport.findUniqueOrThrow({ where });
  }
  return {
    bytes: Buffer.from(stored.bytes),
    sha256: stored.sha256,
    contentType: FORMATS[format].contentType,
    fileName: exportFileName(print, format),
  };
}

/** Produces and stores both files of a just-published issue (downloads then only read them). */
export async function producePublishedExports(issueId: number, published?: PrintIssue): Promise<void> {
  const print = published ?? (await readPublishedPrint(issueId));
  await getPublishedExport(issueId, 'pdf', print);
  await getPublishedExport(issueId, 'docx', print);
}

/**
 * A draft (样稿) of an issue that is not published yet, marked 样稿 on every page; never stored.
 * The DOCX carries open 修订 as Word revisions when the print model kept them.
 */
export async function renderDraftExport(print: PrintIssue, format: ExportFormatName = 'pdf'): Promise<ExportFile> {
  const bytes = await renderExport(print, format, true);
  return { bytes, sha256: sha256(bytes), contentType: FORMATS[format].contentType, fileName: exportFileName(print, format, true) };
}


/** Stored files of published issues, for the archive's download links. */
export async function listStoredExports(issueIds: number[]) {
  const rows = await db.issueExport.findMany({
    where: { issueId: { in: issueIds } },
    select: { issueId: true, format: true, sha256: true },
  });
  return rows;
}
