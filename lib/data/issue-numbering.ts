// Operations that change issue numbers (create, change date, delete): all under the publication lock.
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { lockPublication, lockPublicationOfIssue } from '@/lib/data/publication';
import { releaseItems } from '@/lib/data/issue-assembly';
import { addEvent, lockIssue, QUEUED, type Tx } from '@/lib/data/issue-lock';
import { formatChineseDate, fromDbDate as toIsoDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { getFridayAfter, getThisWeeksFriday } from '@/lib/issues/schedule';
import { checkIssueDate, getNumberingState, renumberUnpublishedIssues } from '@/lib/numbering';

/**
 * A new issue's date as offered: the Friday after the latest issue (published, imported or
 * still in the works), but not before this week's Friday. Every issue lies before it, so it
 * is never a date already taken.
 */
export async function getDefaultIssueDate(now = new Date(), publicationId?: number): Promise<string> {
  const latest = await db.issue.findFirst({ where: { publicationId }, orderBy: { issueDate: 'desc' }, select: { issueDate: true } });
  const thisWeek = getThisWeeksFriday(now);
  if (!latest) return thisWeek;
  const next = getFridayAfter(toIsoDate(latest.issueDate));
  return next > thisWeek ? next : thisWeek;
}

/** Refuses a date another issue of the publication already has (one issue per date). */
async function assertDateFree(tx: Tx, publicationId: number, isoDate: string, exceptId?: number): Promise<void> {
  const taken = await tx.issue.findFirst({
    where: { publicationId, issueDate: toDbDate(isoDate), ...(exceptId === undefined ? {} : { id: { not: exceptId } }) },
    select: { year: true, yearNumber: true, totalNumber: true },
  });
  if (!taken) return;
  const problem = `${formatChineseDate(isoDate)}已有一期（${taken.year}年 第${taken.yearNumber}期，总第${taken.totalNumber}期），请另选日期`;
  throw new AppError('INVALID_INPUT', problem, { issueDate: [problem] });
}

// ---------------------------------------------------------------------------------------
// Numbering-changing operations: all under the publication lock.

export async function createIssue(input: { issueDate: string; publicationId?: number }, user: CurrentUser): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const publicationId = await lockPublication(tx, input.publicationId);
    const { start, lastPublished } = await getNumberingState(tx, publicationId);
    const problem = checkIssueDate(input.issueDate, lastPublished, start);
    if (problem) throw new AppError('INVALID_INPUT', problem, { issueDate: [problem] });
    await assertDateFree(tx, publicationId, input.issueDate);
    // Parked on -1 (no other row can hold a negative number outside this locked section),
    // then numbered with the rest.
    const issue = await tx.issue.create({
      data: {
        publicationId,
        issueDate: toDbDate(input.issueDate),
        year: Number(input.issueDate.slice(0, 4)),
        yearNumber: -1,
        totalNumber: -1,
        createdById: user.id,
      },
      select: { id: true },
    });
    await renumberUnpublishedIssues(tx, publicationId);
    await addEvent(tx, issue.id, 'CREATED', user);
    return issue;
  }, QUEUED);
}

export async function changeIssueDate(input: { id: number; issueDate: string }, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    const publicationId = await lockPublicationOfIssue(tx, input.id);
    const issue = await lockIssue(tx, input.id, 'changeDate');
    const { start, lastPublished } = await getNumberingState(tx, publicationId);
    const problem = checkIssueDate(input.issueDate, lastPublished, start);
    if (problem) throw new AppError('INVALID_INPUT', problem, { issueDate: [problem] });
    if (toIsoDate(issue.issueDate) === input.issueDate) return;
    await assertDateFree(tx, publicationId, input.issueDate, input.id);
    await tx.issue.update({
      where: { id: input.id },
      data: { issueDate: toDbDate(input.issueDate), version: { increment: 1 } },
    });
    await renumberUnpublishedIssues(tx, publicationId);
    await addEvent(tx, input.id, 'DATE_CHANGED', user, `${formatChineseDate(toIsoDate(issue.issueDate))} → ${formatChineseDate(input.issueDate)}`);
  }, QUEUED);
}

/** Deleting an issue under assembly releases its items and closes the gap in the numbers. */
export async function deleteIssue(id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const publicationId = await lockPublicationOfIssue(tx, id);
    await lockIssue(tx, id, 'delete');
    await releaseItems(tx, id);
    await tx.issue.delete({ where: { id } });
    await renumberUnpublishedIssues(tx, publicationId);
  }, QUEUED);
}
