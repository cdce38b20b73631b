import 'server-only';
import { createHash } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { indexPublishedIssue } from '@/lib/data/archive';
import { lockPublication } from '@/lib/data/publication';
import { AppError } from '@/lib/errors';
import type { PrintIssue, PrintSection } from '@/lib/export/print-issue';
import { getBodyParagraphs, ZItemBody } from '@/lib/validations/item-body';
import {
  assertNextToPublish,
  checkIssueDate,
  getNumberingState,
  renumberUnpublishedIssues,
  toIsoDate,
} from '@/lib/numbering';
import type { IssueStatus } from '@/lib/validations/issues';
import { estimateItemLines, estimatePages } from '@/lib/layout/estimate';

type Tx = Prisma.TransactionClient;

/**
 * Transactions that take the publication lock queue behind each other (that is the point);
 * waiting for the lock or a connection must not count as a failure under a burst of requests.
 */
const QUEUED = { maxWait: 15_000, timeout: 30_000 } as const;

function toDbDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** This week's Friday in Beijing time (the bulletin's usual day), as YYYY-MM-DD. */
export function getDefaultIssueDate(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const day = beijing.getUTCDay(); // 0 Sunday … 5 Friday
  const offset = (5 - day + 7) % 7;
  // Saturday and Sunday belong to the week that just ended: next Friday.
  return toIsoDate(new Date(beijing.getTime() + offset * 86_400_000));
}

async function addEvent(tx: Tx, issueId: number, type: Prisma.IssueEventCreateManyInput['type'], actor: CurrentUser, comment?: string) {
  await tx.issueEvent.create({ data: { issueId, type, actorId: actor.id, comment: comment ?? null } });
}

/** Locks the issue row for this transaction and checks its state. */
async function lockIssue(tx: Tx, id: number, allowed: readonly IssueStatus[]) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Issue" WHERE "id" = ${id} FOR UPDATE`;
  if (!rows.length) throw new AppError('NOT_FOUND', '该期不存在或已被删除。');
  const issue = await tx.issue.findUniqueOrThrow({ where: { id } });
  if (!allowed.includes(issue.status)) {
    const messages: Record<IssueStatus, string> = {
      ASSEMBLING: '该期正在编排中。',
      IN_REVIEW: '该期正在审核中，不能修改。',
      APPROVED: '该期已审核通过并锁定；如需修改，请先解除锁定。',
      PUBLISHED: '该期已发布，内容不能再修改。',
    };
    throw new AppError(issue.status === 'APPROVED' || issue.status === 'PUBLISHED' ? 'LOCKED' : 'CONFLICT', messages[issue.status]);
  }
  return issue;
}

async function touch(tx: Tx, id: number) {
  await tx.issue.update({ where: { id }, data: { version: { increment: 1 } } });
}

// ---------------------------------------------------------------------------------------
// Numbering-changing operations: all under the publication lock.

export async function createIssue(input: { issueDate: string }, user: CurrentUser): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const publicationId = await lockPublication(tx);
    const { start, lastPublished } = await getNumberingState(tx, publicationId);
    const problem = checkIssueDate(input.issueDate, lastPublished, start);
    if (problem) throw new AppError('INVALID_INPUT', problem, { issueDate: [problem] });
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
    const publicationId = await lockPublication(tx);
    const issue = await lockIssue(tx, input.id, ['ASSEMBLING']);
    const { start, lastPublished } = await getNumberingState(tx, publicationId);
    const problem = checkIssueDate(input.issueDate, lastPublished, start);
    if (problem) throw new AppError('INVALID_INPUT', problem, { issueDate: [problem] });
    if (toIsoDate(issue.issueDate) === input.issueDate) return;
    await tx.issue.update({
      where: { id: input.id },
      data: { issueDate: toDbDate(input.issueDate), version: { increment: 1 } },
    });
    await renumberUnpublishedIssues(tx, publicationId);
    await addEvent(tx, input.id, 'DATE_CHANGED', user, `${toIsoDate(issue.issueDate)} → ${input.issueDate}`);
  }, QUEUED);
}

/** Deleting an issue under assembly releases its items and closes the gap in the numbers. */
export async function deleteIssue(id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const publicationId = await lockPublication(tx);
    await lockIssue(tx, id, ['ASSEMBLING']);
    await tx.item.updateMany({ where: { issueId: id }, data: { issueId: null, issuePosition: null } });
    await tx.issue.delete({ where: { id } });
    await renumberUnpublishedIssues(tx, publicationId);
  }, QUEUED);
}

// ---------------------------------------------------------------------------------------
// Assembly

/**
 * Lead item titles, then the names of the other sections that carry items. Until someone
 * edits the contents they are always generated from the items as they are now.
 */
export function generateContentsLines(sections: PrintSection[]): string[] {
  return sections.flatMap((section) =>
    section.isLead ? section.columns.flatMap((c) => c.items.map((i) => i.title)) : [section.name],
  );
}

export async function addItemsToIssue(input: { id: number; itemIds: number[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    for (const itemId of input.itemIds) {
      const item = await tx.item.findUnique({ where: { id: itemId }, select: { sectionId: true, status: true, issueId: true, title: true } });
      if (!item) throw new AppError('NOT_FOUND', '稿件不存在。');
      if (item.status !== 'READY') throw new AppError('CONFLICT', `“${item.title}”还是草稿，须先标为待编。`);
      const last = await tx.item.aggregate({
        where: { issueId: input.id, sectionId: item.sectionId },
        _max: { issuePosition: true },
      });
      // Only an unplaced item moves: an item is in at most one issue.
      const { count } = await tx.item.updateMany({
        where: { id: itemId, issueId: null, status: 'READY' },
        data: { issueId: input.id, issuePosition: (last._max.issuePosition ?? -1) + 1 },
      });
      if (count === 0) throw new AppError('CONFLICT', `“${item.title}”已编入其他期。`);
    }
    await touch(tx, input.id);
  });
}

export async function removeItemFromIssue(input: { id: number; itemId: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    const { count } = await tx.item.updateMany({
      where: { id: input.itemId, issueId: input.id },
      data: { issueId: null, issuePosition: null },
    });
    if (count === 0) throw new AppError('NOT_FOUND', '该稿件不在本期中。');
    await touch(tx, input.id);
  });
}

/** Sets the order of one section's items; the list must be exactly that section's items. */
export async function orderSectionItems(input: { id: number; sectionId: number; itemIds: number[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    const current = await tx.item.findMany({
      where: { issueId: input.id, sectionId: input.sectionId },
      select: { id: true },
    });
    const expected = new Set(current.map((i) => i.id));
    if (expected.size !== input.itemIds.length || !input.itemIds.every((id) => expected.has(id))) {
      throw new AppError('CONFLICT', '本栏稿件已被他人改动，请刷新后再排序。');
    }
    for (const [position, itemId] of input.itemIds.entries()) {
      await tx.item.update({ where: { id: itemId }, data: { issuePosition: position } });
    }
    await touch(tx, input.id);
  });
}

export async function updateContentsLines(input: { id: number; lines: string[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    await tx.issue.update({
      where: { id: input.id },
      data: { contentsLines: input.lines, isContentsEdited: true, version: { increment: 1 } },
    });
  });
}

export async function regenerateContents(id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['ASSEMBLING']);
    await tx.issue.update({ where: { id }, data: { isContentsEdited: false, contentsLines: [], version: { increment: 1 } } });
  });
}

// ---------------------------------------------------------------------------------------
// Review and publication

export async function submitIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['ASSEMBLING']);
    if ((await tx.item.count({ where: { issueId: id } })) === 0) {
      throw new AppError('CONFLICT', '本期还没有稿件，不能提交审核。');
    }
    await tx.issue.update({ where: { id }, data: { status: 'IN_REVIEW', version: { increment: 1 } } });
    await addEvent(tx, id, 'SUBMITTED', user);
  });
}

export async function returnIssue(input: { id: number; comment: string }, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['IN_REVIEW']);
    await tx.issue.update({ where: { id: input.id }, data: { status: 'ASSEMBLING', version: { increment: 1 } } });
    await tx.reviewComment.create({ data: { issueId: input.id, authorId: user.id, body: input.comment } });
    await addEvent(tx, input.id, 'RETURNED', user, input.comment);
  });
}

export async function addReviewComment(input: { id: number; itemId: number | null; body: string }, user: CurrentUser) {
  const issue = await db.issue.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!issue) throw new AppError('NOT_FOUND', '该期不存在。');
  if (issue.status === 'PUBLISHED') throw new AppError('LOCKED', '该期已发布，不能再添加意见。');
  if (input.itemId !== null) {
    const item = await db.item.findFirst({ where: { id: input.itemId, issueId: input.id }, select: { id: true } });
    if (!item) throw new AppError('INVALID_INPUT', '该稿件不在本期中。', { itemId: ['该稿件不在本期中'] });
  }
  await db.reviewComment.create({ data: { issueId: input.id, itemId: input.itemId, authorId: user.id, body: input.body } });
}

/**
 * SHA-256 of everything the reviewer approves: date, contents and every printed item. Left
 * out: numbers (they follow from the order of issues), the names in the 版记 and the
 * publication's settings (distribution, layout), which are taken as they stand at publication.
 */
export function fingerprintPrintContent(issue: Pick<PrintIssue, 'issueDate' | 'contentsLines' | 'sections'>): string {
  const content = { issueDate: issue.issueDate, contentsLines: issue.contentsLines, sections: issue.sections };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export async function approveIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['IN_REVIEW']);
    const print = await buildPrintIssue(tx, id);
    await tx.issue.update({
      where: { id },
      data: {
        status: 'APPROVED',
        approvedById: user.id,
        approvedAt: new Date(),
        approvedFingerprint: fingerprintPrintContent(print),
        version: { increment: 1 },
      },
    });
    await addEvent(tx, id, 'APPROVED', user);
  });
}

export async function unlockIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['APPROVED']);
    await tx.issue.update({
      where: { id },
      data: { status: 'ASSEMBLING', approvedById: null, approvedAt: null, approvedFingerprint: null, version: { increment: 1 } },
    });
    await addEvent(tx, id, 'UNLOCKED', user);
  });
}

/**
 * Publishing freezes what is printed into the issue's snapshot. It is refused unless the
 * content is exactly what was approved and every earlier issue is published.
 */
export async function publishIssue(id: number, user: CurrentUser): Promise<PrintIssue> {
  return db.$transaction(async (tx) => {
    const publicationId = await lockPublication(tx);
    const issue = await lockIssue(tx, id, ['APPROVED']);
    await assertNextToPublish(tx, publicationId, issue);
    const print = await buildPrintIssue(tx, id);
    if (fingerprintPrintContent(print) !== issue.approvedFingerprint) {
      throw new AppError('CONFLICT', '本期内容与审核通过时不一致，请解除锁定后重新送审。');
    }
    await tx.issue.update({
      where: { id },
      data: { status: 'PUBLISHED', publishedAt: new Date(), snapshot: print as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    await indexPublishedIssue(tx, id, print);
    await addEvent(tx, id, 'PUBLISHED', user);
    return print;
  }, QUEUED);
}

// ---------------------------------------------------------------------------------------
// Reading

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
function loadIssueItems(client: Tx | typeof db, issueId: number): Promise<IssueItem[]> {
  return client.item.findMany({ where: { issueId }, orderBy: [{ issuePosition: 'asc' }, { id: 'asc' }], select: issueItemSelect });
}

function toPrintSections(items: IssueItem[]): PrintSection[] {
  const bySection = new Map<number, { section: IssueItem['section']; items: IssueItem[] }>();
  for (const item of items) {
    const entry = bySection.get(item.section.id) ?? { section: item.section, items: [] };
    entry.items.push(item);
    bySection.set(item.section.id, entry);
  }
  const sectionOrder = (s: IssueItem['section']) => [s.kind === 'LEAD' ? 0 : 1, s.position, s.id];
  return [...bySection.values()]
    .sort((a, b) => {
      const [x, y] = [sectionOrder(a.section), sectionOrder(b.section)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    })
    .map(({ section, items: sectionItems }) => {
      // Items outside any column first, then each column in catalogue order.
      const columns = new Map<number | null, { name: string | null; position: number; items: IssueItem[] }>();
      for (const item of sectionItems) {
        const key = item.column?.id ?? null;
        const column = columns.get(key) ?? { name: item.column?.name ?? null, position: item.column?.position ?? -1, items: [] };
        column.items.push(item);
        columns.set(key, column);
      }
      return {
        name: section.name,
        isLead: section.kind === 'LEAD',
        columns: [...columns.values()]
          .sort((a, b) => a.position - b.position)
          .map((column) => ({
            name: column.name,
            items: column.items.map((item) => ({
              title: item.title,
              subtitle: item.subtitle,
              body: ZItemBody.parse(item.body),
              sources: item.sources,
            })),
          })),
      };
    });
}

const printIssueInclude = {
  publication: true,
  createdBy: { select: { displayName: true } },
  approvedBy: { select: { displayName: true } },
} as const satisfies Prisma.IssueInclude;

type IssueForPrint = Prisma.IssueGetPayload<{ include: typeof printIssueInclude }>;

function toPrintIssue(issue: IssueForPrint, sections: PrintSection[]): PrintIssue {
  return {
    publicationName: issue.publication.name,
    publisher: issue.publication.publisher,
    year: issue.year,
    yearNumber: issue.yearNumber,
    totalNumber: issue.totalNumber,
    issueDate: toIsoDate(issue.issueDate),
    contentsLines: issue.isContentsEdited ? issue.contentsLines : generateContentsLines(sections),
    contentsOnOwnPage: issue.publication.contentsOnOwnPage,
    sections,
    editorName: issue.createdBy.displayName,
    reviewerName: issue.approvedBy?.displayName ?? '',
    distribution: issue.publication.distribution,
  };
}

/** What would be printed right now, from live data (a published issue uses its snapshot). */
export async function buildPrintIssue(client: Tx | typeof db, id: number): Promise<PrintIssue> {
  const issue = await client.issue.findUniqueOrThrow({ where: { id }, include: printIssueInclude });
  return toPrintIssue(issue, toPrintSections(await loadIssueItems(client, id)));
}

/** The print content of an issue, frozen if published, live otherwise; with its state. */
export async function getPrintIssueWithStatus(id: number): Promise<{ print: PrintIssue; status: IssueStatus } | null> {
  const issue = await db.issue.findUnique({ where: { id }, select: { status: true, snapshot: true } });
  if (!issue) return null;
  const print = issue.status === 'PUBLISHED' && issue.snapshot ? (issue.snapshot as unknown as PrintIssue) : await buildPrintIssue(db, id);
  return { print, status: issue.status };
}

export function estimateIssuePages(print: PrintIssue): { lines: number; pages: number; items: number } {
  // Masthead and contents take about a third of page 1 plus a line per contents entry.
  let lines = 8 + print.contentsLines.length;
  let items = 0;
  for (const section of print.sections) {
    if (!section.isLead) lines += 2;
    for (const column of section.columns) {
      if (column.name) lines += 1;
      for (const item of column.items) {
        items += 1;
        lines += estimateItemLines({ title: item.title, subtitle: item.subtitle, paragraphs: getBodyParagraphs(item.body), sources: item.sources });
      }
    }
  }
  lines += 8; // 版记
  return { lines, pages: estimatePages(lines), items };
}

const issueListSelect = {
  id: true,
  issueDate: true,
  year: true,
  yearNumber: true,
  totalNumber: true,
  status: true,
  publishedAt: true,
  origin: true,
  _count: { select: { items: true } },
  createdBy: { select: { displayName: true } },
} as const satisfies Prisma.IssueSelect;

/** How many published issues the assembly list shows after the ones being prepared (the archive has them all). */
export const RECENT_PUBLISHED_ISSUES = 10;

/**
 * Issues being prepared, then the most recently published ones — ten years of archive are
 * not listed here — or, with `statuses`, all issues in those states.
 */
export async function listIssues(options: { statuses?: IssueStatus[] } = {}) {
  if (options.statuses) {
    return db.issue.findMany({ where: { status: { in: options.statuses } }, orderBy: { totalNumber: 'desc' }, select: issueListSelect });
  }
  const [open, published] = await Promise.all([
    db.issue.findMany({ where: { status: { not: 'PUBLISHED' } }, orderBy: { totalNumber: 'desc' }, select: issueListSelect }),
    db.issue.findMany({ where: { status: 'PUBLISHED' }, orderBy: { totalNumber: 'desc' }, take: RECENT_PUBLISHED_ISSUES, select: issueListSelect }),
  ]);
  return [...open, ...published];
}

export function countIssuesInReview(): Promise<number> {
  return db.issue.count({ where: { status: 'IN_REVIEW' } });
}

/**
 * Everything the assembly page shows, with the items read once: the board, the contents and
 * the page estimate all come from the same rows (frozen snapshot for a published issue).
 */
export async function getIssueDetail(id: number) {
  const issue = await db.issue.findUnique({
    where: { id },
    include: {
      ...printIssueInclude,
      events: { orderBy: { createdAt: 'asc' }, include: { actor: { select: { displayName: true } } } },
      comments: {
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { displayName: true } }, item: { select: { id: true, title: true } } },
      },
    },
  });
  if (!issue) return null;
  const items = await loadIssueItems(db, id);
  const print =
    issue.status === 'PUBLISHED' && issue.snapshot ? (issue.snapshot as unknown as PrintIssue) : toPrintIssue(issue, toPrintSections(items));
  return { ...issue, issueDate: toIsoDate(issue.issueDate), items, print };
}

/** 待编 items not yet in any issue, for the assembly picker. */
export function listAvailableItems() {
  return db.item.findMany({
    where: { status: 'READY', issueId: null },
    orderBy: [{ section: { position: 'asc' } }, { updatedAt: 'desc' }],
    select: { id: true, title: true, section: { select: { id: true, name: true } }, author: { select: { displayName: true } } },
  });
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
  return { print: issue.snapshot as unknown as PrintIssue, origin: issue.origin, importFileName: issue.importFileName, publishedAt: issue.publishedAt };
}
