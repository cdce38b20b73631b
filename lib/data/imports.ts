import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { indexPublishedIssue } from '@/lib/data/archive';
import { lockPublication } from '@/lib/data/publication';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { toPrintSnapshot, type PrintIssue } from '@/lib/export/print-issue';
import { parseIssueBlocks, type ParseResult } from '@/lib/import/parse-issue';
import { readImportFile, UnreadableFileError } from '@/lib/import/read-file';
import { fingerprintImport, toPrintIssue } from '@/lib/import/to-print-issue';
import { countCharacters } from '@/lib/layout/estimate';
import { renumberUnpublishedIssues } from '@/lib/numbering';
import { getBodyParagraphs } from '@/lib/validations/item-body';

// Legacy import (导入历史期次): past issues read from Word files or from the text of their
// printed PDFs become published history — Issue rows with origin IMPORTED, their snapshot and
// archive rows — so the archive, search, statistics and numbering all include them.
//
// The rules (the database trigger on Issue backs up the first two):
// - the numbers are the printed ones; numbering continues after the last one;
// - history comes before the system's own issues: nothing is imported after an issue
//   published in the system;
// - a number (总第N期, or 第N期 of a year) already taken is refused, unless it was taken by
//   this very content (the import is then skipped: importing twice changes nothing);
// - numbers and dates go up together; an issue being prepared may not be dated before the
//   last imported one;
// - one import is one transaction: all of its files, or none.

export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
}

export type ImportFileStatus = 'ready' | 'duplicate' | 'conflict' | 'invalid';

export interface ImportItemSummary {
  title: string;
  subtitle: string | null;
  sources: string[];
  /** Everything that will be stored, for the preview to show. */
  paragraphs: string[];
  characterCount: number;
}

/** The masthead and contents as they will be printed, and the items in short. */
export interface ImportIssueSummary extends Omit<PrintIssue, 'contentsOnOwnPage' | 'sections'> {
  sections: { name: string; isLead: boolean; columns: { name: string | null; items: ImportItemSummary[] }[] }[];
  itemCount: number;
}

export interface ImportFilePreview {
  fileName: string;
  status: ImportFileStatus;
  /** Why the file cannot be imported, or why it is skipped. */
  messages: string[];
  warnings: string[];
  /** Structural doubts: the file can be imported, but the preview is not green. */
  doubts: string[];
  /** Lines left out (page numbers, links, running headers). */
  dropped: ParseResult['dropped'];
  fingerprint: string | null;
  issue: ImportIssueSummary | null;
}

export interface ImportPreview {
  files: ImportFilePreview[];
  /** Everything in order: nothing refused, at least one issue to import. */
  canImport: boolean;
  /** Consequences for the rest of the system (renumbered drafts, the start point). */
  notes: string[];
}

export interface ImportResult {
  imported: { fileName: string; issueId: number; year: number; yearNumber: number; totalNumber: number; issueDate: string }[];
  skipped: { fileName: string; reason: string }[];
}

interface Reading {
  fileName: string;
  print: PrintIssue | null;
  fingerprint: string | null;
  errors: string[];
  warnings: string[];
  doubts: string[];
  dropped: ParseResult['dropped'];
}

/** `2023年第14期（总第67期）` */
function label(issue: { year: number; yearNumber: number; totalNumber: number }): string {
  return `${issue.year}年第${issue.yearNumber}期（总第${issue.totalNumber}期）`;
}

type Reader = Pick<Prisma.TransactionClient, 'publication' | 'section' | 'issue'>;

/** Reads the files against a publication's catalogue (the default publication without an id). */
async function readFiles(client: Reader, files: readonly ImportFileInput[], publicationId?: number): Promise<{ publicationId: number; readings: Reading[] }> {
  const publication = await client.publication.findFirst({
    where: { id: publicationId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, publisher: true, sections: { select: { name: true, kind: true, isRetired: true, columns: { select: { name: true } } } } },
  });
  if (!publication) throw new AppError('NOT_FOUND', '尚未建立刊物信息，请联系管理员初始化系统。');
  const lead = publication.sections.find((s) => s.kind === 'LEAD' && !s.isRetired) ?? publication.sections.find((s) => s.kind === 'LEAD');
  const options = {
    leadSectionName: lead?.name ?? '要闻',
    knownColumns: publication.sections.flatMap((s) => s.columns.map((c) => c.name)),
  };
  const readings: Reading[] = [];
  for (const file of files) {
    try {
      const blocks = await readImportFile(file.name, file.bytes);
      const parsed = parseIssueBlocks(blocks, options);
      const print = parsed.issue ? toPrintIssue(parsed.issue, publication) : null;
      readings.push({
        fileName: file.name,
        print,
        fingerprint: print && fingerprintImport(print),
        errors: parsed.errors,
        warnings: parsed.warnings,
        doubts: parsed.doubts,
        dropped: parsed.dropped,
      });
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      readings.push({ fileName: file.name, print: null, fingerprint: null, errors: [error.message], warnings: [], doubts: [], dropped: [] });
    }
  }
  return { publicationId: publication.id, readings };
}

function summarize(print: PrintIssue): ImportIssueSummary {
  const sections = print.sections.map((section) => ({
    name: section.name,
    isLead: section.isLead,
    columns: section.columns.map((column) => ({
      name: column.name,
      items: column.items.map((item) => {
        const paragraphs = getBodyParagraphs(item.body);
        return {
          title: item.title,
          subtitle: item.subtitle,
          sources: item.sources,
          paragraphs,
          characterCount: countCharacters(paragraphs.join('\n')),
        };
      }),
    })),
  }));
  return {
    publicationName: print.publicationName,
    publisher: print.publisher,
    year: print.year,
    yearNumber: print.yearNumber,
    totalNumber: print.totalNumber,
    issueDate: print.issueDate,
    contentsLines: print.contentsLines,
    sections,
    itemCount: sections.reduce((n, s) => n + s.columns.reduce((m, c) => m + c.items.length, 0), 0),
    editorName: print.editorName,
    reviewerName: print.reviewerName,
    distribution: print.distribution,
  };
}

interface Checked {
  files: ImportFilePreview[];
  notes: string[];
  ready: { reading: Reading; print: PrintIssue; fingerprint: string }[];
}

/** Every rule above, against the archive as it is now (inside the import's transaction, under the publication lock). */
async function checkReadings(client: Reader, readings: Reading[], publicationId: number): Promise<Checked> {
  const issues = await client.issue.findMany({
    where: { publicationId },
    select: { id: true, totalNumber: true, year: true, yearNumber: true, issueDate: true, status: true, origin: true, importFingerprint: true },
  });
  const publication = await client.publication.findUniqueOrThrow({ where: { id: publicationId }, select: { startYear: true, startTotalNumber: true } });
  const published = issues.filter((i) => i.status === 'PUBLISHED');
  const unpublished = issues.filter((i) => i.status !== 'PUBLISHED');
  const firstEdited = published.filter((i) => i.origin === 'EDITED').sort((a, b) => a.totalNumber - b.totalNumber)[0];

  const files: ImportFilePreview[] = readings.map((reading) => ({
    fileName: reading.fileName,
    status: reading.print ? 'ready' : 'invalid',
    messages: [...reading.errors],
    warnings: [...reading.warnings],
    doubts: [...reading.doubts],
    dropped: reading.dropped,
    fingerprint: reading.fingerprint,
    issue: reading.print ? summarize(reading.print) : null,
  }));

  const seen = new Map<number, number>(); // totalNumber → index of the first file with it
  readings.forEach((reading, index) => {
    const print = reading.print;
    const file = files[index]!;
    if (!print) return;
    const refuse = (message: string) => {
      file.status = 'conflict';
      file.messages.push(message);
    };
    const earlier = seen.get(print.totalNumber);
    if (earlier !== undefined) {
      if (readings[earlier]!.fingerprint === reading.fingerprint) {
        file.status = 'duplicate';
        file.messages.push(`与本次选择的“${readings[earlier]!.fileName}”内容相同，只导入一次。`);
      } else {
        refuse(`与本次选择的“${readings[earlier]!.fileName}”期号相同（总第${print.totalNumber}期）而内容不同。`);
      }
      return;
    }
    seen.set(print.totalNumber, index);
    const sameYearNumber = readings.findIndex(
      (other, j) => j < index && other.print && other.print.year === print.year && other.print.yearNumber === print.yearNumber,
    );
    if (sameYearNumber !== -1) refuse(`与本次选择的“${readings[sameYearNumber]!.fileName}”的年度期号相同（${print.year}年第${print.yearNumber}期）。`);

    const taken = issues.find((i) => i.totalNumber === print.totalNumber && i.status === 'PUBLISHED');
    if (taken) {
      if (taken.origin === 'IMPORTED' && taken.importFingerprint === reading.fingerprint) {
        file.status = 'duplicate';
        file.messages.push(`${label(print)}已经导入过，内容相同，将跳过。`);
      } else {
        refuse(`总第${print.totalNumber}期已存在（${label(taken)}，${taken.origin === 'IMPORTED' ? '已导入' : '已发布'}），不能再导入${taken.origin === 'IMPORTED' ? '内容不同的同一期' : ''}。`);
      }
      return;
    }
    const takenYear = published.find((i) => i.year === print.year && i.yearNumber === print.yearNumber);
    if (takenYear) refuse(`${print.year}年第${print.yearNumber}期已存在（总第${takenYear.totalNumber}期），不能再导入。`);
    if (firstEdited && print.totalNumber > firstEdited.totalNumber) {
      refuse(`本系统已从总第${firstEdited.totalNumber}期起编辑发布，只能导入在它之前的历史期次。`);
    }
  });

  // Numbers and dates rise together across everything published and imported.
  const timeline = [
    ...published.map((i) => ({ totalNumber: i.totalNumber, year: i.year, yearNumber: i.yearNumber, issueDate: fromDbDate(i.issueDate), file: -1 })),
    ...readings.flatMap((r, index) => (r.print && files[index]!.status === 'ready' ? [{ ...pickNumbers(r.print), file: index }] : [])),
  ].sort((a, b) => a.totalNumber - b.totalNumber);
  for (let k = 1; k < timeline.length; k++) {
    const [before, after] = [timeline[k - 1]!, timeline[k]!];
    if (before.issueDate > after.issueDate) {
      for (const [target, other] of [[after, before], [before, after]] as const) {
        if (target.file === -1) continue;
        files[target.file]!.status = 'conflict';
        files[target.file]!.messages.push(
          `出刊日期 ${target.issueDate} 与总第${other.totalNumber}期（${other.issueDate}）的先后不符：期号和日期须一同递增。`,
        );
      }
    } else if (before.year === after.year && after.totalNumber - before.totalNumber !== after.yearNumber - before.yearNumber) {
      const target = after.file !== -1 ? after : before;
      if (target.file !== -1) {
        files[target.file]!.warnings.push(
          `同一年中，总第${before.totalNumber}期为第${before.yearNumber}期，总第${after.totalNumber}期为第${after.yearNumber}期：年度期号与总期号的间隔不一致，请核对版头。`,
        );
      }
    }
  }

  const ready = readings.flatMap((reading, index) =>
    reading.print && files[index]!.status === 'ready' ? [{ reading, print: reading.print, fingerprint: reading.fingerprint! }] : [],
  );
  const notes: string[] = [];
  const last = timeline.at(-1);
  if (ready.length && last && last.file !== -1) {
    const early = unpublished.filter((i) => fromDbDate(i.issueDate) < last.issueDate);
    if (early.length) {
      const file = files[last.file]!;
      file.status = 'conflict';
      file.messages.push(
        `编排中的期次（出刊日期 ${early.map((i) => fromDbDate(i.issueDate)).join('、')}）早于本期的 ${last.issueDate}：导入后它们须排在本期之后，请先修改其日期。`,
      );
    } else if (unpublished.length) {
      notes.push(`导入后，编排中的 ${unpublished.length} 期将接着总第${last.totalNumber}期重新编号。`);
    }
    if (!firstEdited && publication.startYear !== null && last.totalNumber >= publication.startTotalNumber) {
      notes.push(`导入的期次已到总第${last.totalNumber}期，新的一期将从总第${last.totalNumber + 1}期起编号（不再使用编号起点总第${publication.startTotalNumber}期）。`);
    }
  }
  return { files, notes, ready: ready.filter((r) => files[readings.indexOf(r.reading)]!.status === 'ready') };
}

function pickNumbers(print: PrintIssue) {
  return { totalNumber: print.totalNumber, year: print.year, yearNumber: print.yearNumber, issueDate: print.issueDate };
}

function toPreview(checked: Checked): ImportPreview {
  const refused = checked.files.some((f) => f.status === 'conflict' || f.status === 'invalid');
  return { files: checked.files, canImport: !refused && checked.ready.length > 0, notes: checked.notes };
}

/** What an import of these files would do, without writing anything. */
export async function previewImport(files: readonly ImportFileInput[], publicationId?: number): Promise<ImportPreview> {
  if (!files.length) throw new AppError('INVALID_INPUT', '请选择要导入的文件。');
  const read = await readFiles(db, files, publicationId);
  return toPreview(await checkReadings(db, read.readings, read.publicationId));
}

/** Refusal messages of a preview, one line per file, for an error. */
function describeRefusals(preview: ImportPreview): string {
  const lines = preview.files
    .filter((f) => f.status === 'conflict' || f.status === 'invalid')
    .map((f) => `${f.fileName}：${f.messages.join(' ')}`);
  return lines.length ? `未导入任何期次。${lines.join('；')}` : '没有需要导入的新期次。';
}

/**
 * Imports the files in one transaction. `expectedFingerprints`, when given (the preview the
 * user confirmed), must be exactly what is about to be imported.
 */
export async function importIssues(
  files: readonly ImportFileInput[],
  user: Pick<CurrentUser, 'id'>,
  options: { expectedFingerprints?: readonly string[]; publicationId?: number } = {},
): Promise<ImportResult> {
  if (!files.length) throw new AppError('INVALID_INPUT', '请选择要导入的文件。');
  // Reading Word files takes a while: done before the publication lock is taken, so editors
  // creating or publishing issues meanwhile are not kept waiting.
  const { readings, publicationId: readFor } = await readFiles(db, files, options.publicationId);
  return db.$transaction(
    async (tx) => {
      const publicationId = await lockPublication(tx, readFor);
      const checked = await checkReadings(tx, readings, publicationId);
      const preview = toPreview(checked);
      const skipped = checked.files.filter((f) => f.status === 'duplicate').map((f) => ({ fileName: f.fileName, reason: f.messages.join(' ') }));
      if (checked.files.some((f) => f.status === 'conflict' || f.status === 'invalid')) {
        throw new AppError('CONFLICT', describeRefusals(preview), undefined, preview);
      }
      if (options.expectedFingerprints) {
        const expected = [...options.expectedFingerprints].sort().join();
        if (checked.ready.map((r) => r.fingerprint).sort().join() !== expected) {
          throw new AppError('CONFLICT', '文件或档案在预览之后有了变化，请重新预览后再导入。', undefined, preview);
        }
      }
      if (!checked.ready.length) return { imported: [], skipped };

      // Issues being prepared hold provisional numbers: park them (negative numbers no issue
      // can have) and number them again after the imported history.
      await tx.$executeRaw`UPDATE "Issue" SET "totalNumber" = -"id", "yearNumber" = -"id" WHERE "publicationId" = ${publicationId} AND "status" <> 'PUBLISHED'`;
      const imported: ImportResult['imported'] = [];
      const now = new Date();
      for (const { reading, print, fingerprint } of [...checked.ready].sort((a, b) => a.print.totalNumber - b.print.totalNumber)) {
        const issue = await tx.issue.create({
          data: {
            publicationId,
            issueDate: toDbDate(print.issueDate),
            year: print.year,
            yearNumber: print.yearNumber,
            totalNumber: print.totalNumber,
            status: 'PUBLISHED',
            origin: 'IMPORTED',
            contentsLines: print.contentsLines,
            isContentsEdited: true,
            createdById: user.id,
            publishedAt: now,
            snapshot: toPrintSnapshot(print),
            importFileName: reading.fileName.slice(0, 255),
            importFingerprint: fingerprint,
          },
          select: { id: true },
        });
        await tx.issueEvent.create({ data: { issueId: issue.id, type: 'IMPORTED', actorId: user.id, comment: reading.fileName.slice(0, 255) } });
        await indexPublishedIssue(tx, issue.id, print);
        imported.push({ fileName: reading.fileName, issueId: issue.id, ...pickNumbers(print) });
      }
      await renumberUnpublishedIssues(tx, publicationId);
      return { imported, skipped };
    },
    // A ten-year archive is hundreds of issues in one transaction.
    { maxWait: 15_000, timeout: 10 * 60_000 },
  );
}
