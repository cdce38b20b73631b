import 'server-only';
import { createHash } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { indexPublishedIssue } from '@/lib/data/archive';
import { producePublishedExports } from '@/lib/data/exports';
import { AppError } from '@/lib/errors';
import { readPrintSnapshot, toPrintSnapshot, type PrintIssue } from '@/lib/export/print-issue';
import { describeCorrection, parseCorrectionText, toCorrectionText } from '@/lib/import/correction-text';

// Correcting an imported issue afterwards (修订导入内容): titles, paragraph splits and joins,
// sources, sections, items moved or split — through the correction text of
// lib/import/correction-text.ts. One transaction replaces the snapshot, the archive rows
// (search and statistics read them) and drops the stored exports, records the change in the
// issue's history; the exports are then produced again from the new snapshot.

export interface CorrectableIssue {
  id: number;
  print: PrintIssue;
  text: string;
  /** SHA-256 of the snapshot: a correction must start from the current one. */
  version: string;
  /** Its import and corrections, newest first. */
  history: { type: 'IMPORTED' | 'CORRECTED'; actorName: string; comment: string | null; createdAt: Date }[];
}

function versionOf(snapshot: unknown): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}

/** An imported, published issue with its correction text; null for any other issue. */
export async function getCorrectableIssue(id: number): Promise<CorrectableIssue | null> {
  const issue = await db.issue.findFirst({
    where: { id, origin: 'IMPORTED', status: 'PUBLISHED' },
    select: {
      id: true,
      snapshot: true,
      events: {
        where: { type: { in: ['IMPORTED', 'CORRECTED'] } },
        orderBy: { id: 'desc' },
        take: 50,
        select: { type: true, comment: true, createdAt: true, actor: { select: { displayName: true } } },
      },
    },
  });
  if (!issue?.snapshot) return null;
  const print = readPrintSnapshot(issue.snapshot);
  return {
    id: issue.id,
    print,
    text: toCorrectionText(print),
    version: versionOf(issue.snapshot),
    history: issue.events.map((event) => ({
      type: event.type as 'IMPORTED' | 'CORRECTED',
      actorName: event.actor.displayName,
      comment: event.comment,
      createdAt: event.createdAt,
    })),
  };
}

export async function correctImportedIssue(
  input: { id: number; text: string; version: string },
  user: Pick<CurrentUser, 'id'>,
): Promise<{ issueId: number; summary: string }> {
  const result = await db.$transaction(async (tx) => {
    // The row lock orders concurrent corrections; the version refuses a stale one.
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Issue" WHERE "id" = ${input.id} AND "origin" = 'IMPORTED' AND "status" = 'PUBLISHED' FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', '该期不存在，或不是导入的历史期次。');
    const issue = await tx.issue.findUniqueOrThrow({ where: { id: input.id }, select: { snapshot: true } });
    if (versionOf(issue.snapshot) !== input.version) throw new AppError('CONFLICT', '本期刚被修订过，请刷新页面后在新内容上修改。');
    const before = readPrintSnapshot(issue.snapshot);
    const parsed = parseCorrectionText(input.text, before);
    if (!parsed.issue) throw new AppError('INVALID_INPUT', parsed.errors.slice(0, 5).join('；'));
    const after = parsed.issue;
    if (JSON.stringify(after) === JSON.stringify(before)) throw new AppError('INVALID_INPUT', '内容没有改动。');
    await tx.issue.update({ where: { id: input.id }, data: { snapshot: toPrintSnapshot(after) } });
    await tx.archiveItem.deleteMany({ where: { issueId: input.id } });
    await indexPublishedIssue(tx, input.id, after);
    await tx.issueExport.deleteMany({ where: { issueId: input.id } });
    const summary = describeCorrection(before, after);
    await tx.issueEvent.create({ data: { issueId: input.id, type: 'CORRECTED', actorId: user.id, comment: summary } });
    return { issueId: input.id, summary, print: after };
  });
  // The stored PDF and DOCX follow the corrected snapshot (downloads produce them too if this fails).
  try {
    await producePublishedExports(input.id, result.print);
  } catch (error) {
    console.error('exports after a correction:', error);
  }
  return { issueId: result.issueId, summary: result.summary };
}
