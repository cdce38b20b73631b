// The print model of an issue: built from live rows, or the frozen snapshot of a published one.
import 'server-only';
import { db, type Prisma } from '@/lib/db';
import type { Tx } from '@/lib/data/issue-lock';
import { fromDbDate as toIsoDate } from '@/lib/dates';
import { readPrintSnapshot, type PrintIssue, type PrintSection } from '@/lib/export/print-issue';
import { generateContentsLines } from '@/lib/issues/contents';
import { toPrintSections } from '@/lib/issues/print-model';
import type { IssueStatus } from '@/lib/validations/issues';

const issueItemSelect = {
  id: true,
  title: true,
  subtitle: true,
  body: true,
  bodyText: true,
  sources: true,
  sectionId: true,
  section: { select: { id: true, name: true, kind: true, position: true } },
  column: { select: { id: true, name: true, position: true } },
} as const satisfies Prisma.ItemSelect;

type IssueItem = Prisma.ItemGetPayload<{ select: typeof issueItemSelect }>;

/** The items of an issue in their order within their sections: one query for the board and the print. */
export function loadIssueItems(client: Tx | typeof db, issueId: number): Promise<IssueItem[]> {
  return client.item.findMany({ where: { issueId }, orderBy: [{ issuePosition: 'asc' }, { id: 'asc' }], select: issueItemSelect });
}

export const printIssueInclude = {
  publication: true,
  createdBy: { select: { displayName: true } },
  approvedBy: { select: { displayName: true } },
} as const satisfies Prisma.IssueInclude;

type IssueForPrint = Prisma.IssueGetPayload<{ include: typeof printIssueInclude }>;

export function toPrintIssue(issue: IssueForPrint, sections: PrintSection[]): PrintIssue {
  return {
    publicationName: issue.publication.mastheadTitle ?? issue.publication.name,
    publisher: issue.publication.publisher,
    year: issue.year,
    yearNumber: issue.yearNumber,
    totalNumber: issue.totalNumber,
    issueDate: toIsoDate(issue.issueDate),
    contentsLines: issue.isContentsEdited ? issue.contentsLines : generateContentsLines(sections, issue.publication.contentsStyle),
    contentsOnOwnPage: issue.publication.contentsOnOwnPage,
    sections,
    editorName: issue.createdBy.displayName,
    reviewerName: issue.approvedBy?.displayName ?? '',
    distribution: issue.publication.distribution,
  };
}

/** What would be printed right now, from live data (a published issue uses its snapshot). */
export async function buildPrintIssue(client: Tx | typeof db, id: number, options: { keepSuggestions?: boolean } = {}): Promise<PrintIssue> {
  const issue = await client.issue.findUniqueOrThrow({ where: { id }, include: printIssueInclude });
  return toPrintIssue(issue, toPrintSections(await loadIssueItems(client, id), options));
}

/** The print content of an issue, frozen if published, live otherwise; with its state. */
export async function getPrintIssueWithStatus(
  id: number,
  options: { keepSuggestions?: boolean } = {},
): Promise<{ print: PrintIssue; status: IssueStatus } | null> {
  const issue = await db.issue.findUnique({ where: { id }, select: { status: true, snapshot: true } });
  if (!issue) return null;
  const print = issue.status === 'PUBLISHED' && issue.snapshot ? readPrintSnapshot(issue.snapshot) : await buildPrintIssue(db, id, options);
  return { print, status: issue.status };
}

/** The frozen print content of a published issue; null for anything else. */
export async function getPublishedIssue(id: number): Promise<PrintIssue | null> {
  return (await getPublishedIssueView(id))?.print ?? null;
}

/** A published issue for its page: what was printed, and whether it was imported (from which file). */
export async function getPublishedIssueView(id: number) {
  const issue = await db.issue.findFirst({
    where: { id, status: 'PUBLISHED' },
    select: { snapshot: true, origin: true, importFileName: true, publishedAt: true },
  });
  if (!issue?.snapshot) return null;
  return { print: readPrintSnapshot(issue.snapshot), origin: issue.origin, importFileName: issue.importFileName, publishedAt: issue.publishedAt };
}
