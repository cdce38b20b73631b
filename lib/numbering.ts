// Issue numbering: the one place that decides 第N期 and 总第M期.
//
// Rules (../shared/spec/product.md):
// - the cumulative number rises by one per issue, across years, from the admin's start point;
// - the year number comes from the issue's date: the first issue of a year is 第1期 (or the
//   start point's number in the start year), then one more per issue of that year;
// - published numbers never change; unpublished issues take the numbers after the last
//   published one, in date order (creation order breaks ties), and are renumbered whenever
//   one is added, deleted or moved to another date — so what gets published has no gaps;
// - issues are published in number order;
// - imported history (past issues read from the office's files) counts as published: numbering
//   continues after it — unless the admin's start point lies beyond the end of that history
//   (the issues in between were never imported), in which case the start point holds.
// Callers hold the publication lock (lockPublication) for the whole transaction, so two
// requests never compute numbers from the same state. The unique constraints on
// (publication, totalNumber) and (publication, year, yearNumber) and a trigger on published
// issues back this up in the database.
import type { Prisma } from '@/lib/db';
import { formatChineseDate, fromDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { UNPUBLISHED } from '@/lib/issues/workflow';

export interface IssueNumbers {
  year: number;
  yearNumber: number;
  totalNumber: number;
}

export interface NumberingStart {
  /** The start point's year, or null when the admin never set one (numbering starts at 1). */
  year: number | null;
  yearNumber: number;
  totalNumber: number;
}

export interface DatedIssue {
  id: number;
  /** YYYY-MM-DD */
  issueDate: string;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

function compareIssues(a: DatedIssue, b: DatedIssue): number {
  return a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.id - b.id;
}

/**
 * Where numbering goes on from: the last published (or imported) issue, or the start point
 * when nothing is published yet or the start point lies beyond the published history.
 */
export function numberingBase(lastPublished: IssueNumbers | null, start: NumberingStart): Omit<IssueNumbers, 'year'> & { year: number | null } {
  if (lastPublished && lastPublished.totalNumber >= start.totalNumber - 1) return lastPublished;
  return { year: start.year, yearNumber: start.yearNumber - 1, totalNumber: start.totalNumber - 1 };
}

/** Numbers for the unpublished issues, continuing from the last published one (pure). */
export function assignNumbers(
  lastPublished: IssueNumbers | null,
  start: NumberingStart,
  unpublished: readonly DatedIssue[],
): Map<number, IssueNumbers> {
  const base = numberingBase(lastPublished, start);
  let { totalNumber, year, yearNumber } = base;
  const numbers = new Map<number, IssueNumbers>();
  for (const issue of [...unpublished].sort(compareIssues)) {
    const issueYear = yearOf(issue.issueDate);
    yearNumber = issueYear === year ? yearNumber + 1 : 1;
    year = issueYear;
    totalNumber += 1;
    numbers.set(issue.id, { year, yearNumber, totalNumber });
  }
  return numbers;
}

/**
 * An issue may not be dated before the last published one (it would need a number already
 * given out), nor before the start point's year.
 */
export function checkIssueDate(
  isoDate: string,
  lastPublished: { issueDate: string; totalNumber?: number } | null,
  start: NumberingStart,
): string | null {
  if (lastPublished && isoDate < lastPublished.issueDate) {
    return `日期不能早于已发布的最后一期（${formatChineseDate(lastPublished.issueDate)}）`;
  }
  const startApplies = !lastPublished || (lastPublished.totalNumber !== undefined && lastPublished.totalNumber < start.totalNumber - 1);
  if (startApplies && start.year !== null && yearOf(isoDate) < start.year) {
    return `日期不能早于编号起点所在的${start.year}年`;
  }
  return null;
}

export async function getNumberingState(tx: Prisma.TransactionClient, publicationId: number) {
  const publication = await tx.publication.findUniqueOrThrow({
    where: { id: publicationId },
    select: { startYear: true, startYearNumber: true, startTotalNumber: true },
  });
  const last = await tx.issue.findFirst({
    where: { publicationId, status: 'PUBLISHED' },
    orderBy: { totalNumber: 'desc' },
    select: { year: true, yearNumber: true, totalNumber: true, issueDate: true },
  });
  const start: NumberingStart = {
    year: publication.startYear,
    yearNumber: publication.startYearNumber,
    totalNumber: publication.startTotalNumber,
  };
  return { start, lastPublished: last ? { ...last, issueDate: fromDbDate(last.issueDate) } : null };
}

/** Rewrites the numbers of every unpublished issue. Call with the publication lock held. */
export async function renumberUnpublishedIssues(tx: Prisma.TransactionClient, publicationId: number): Promise<void> {
  const { start, lastPublished } = await getNumberingState(tx, publicationId);
  const unpublished = await tx.issue.findMany({
    where: { publicationId, status: UNPUBLISHED },
    select: { id: true, issueDate: true, year: true, yearNumber: true, totalNumber: true },
  });
  const numbers = assignNumbers(
    lastPublished,
    start,
    unpublished.map((i) => ({ id: i.id, issueDate: fromDbDate(i.issueDate) })),
  );
  const changed = unpublished.filter((issue) => {
    const next = numbers.get(issue.id)!;
    return next.totalNumber !== issue.totalNumber || next.yearNumber !== issue.yearNumber || next.year !== issue.year;
  });
  if (!changed.length) return;
  // Two steps, so that swapping numbers between issues never trips the unique constraints:
  // park the changed rows on numbers no issue can have (negative ids), then set the real ones.
  const ids = changed.map((issue) => issue.id);
  await tx.$executeRaw`UPDATE "Issue" SET "totalNumber" = -"id", "yearNumber" = -"id" WHERE "id" = ANY(${ids})`;
  for (const issue of changed) {
    await tx.issue.update({ where: { id: issue.id }, data: numbers.get(issue.id)! });
  }
}

/** Issues are published in number order: this one must come right after the last published. */
export async function assertNextToPublish(
  tx: Prisma.TransactionClient,
  publicationId: number,
  issue: { totalNumber: number },
): Promise<void> {
  const { start, lastPublished } = await getNumberingState(tx, publicationId);
  const next = numberingBase(lastPublished, start).totalNumber + 1;
  if (issue.totalNumber !== next) {
    throw new AppError('CONFLICT', `须按期号顺序发布：请先发布总第${next}期。`);
  }
}
