import 'server-only';
import { createHash } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { indexPublishedIssue } from '@/lib/data/archive';
import { notifyIssueApproved, notifyIssuePublished, notifyIssueReturned, notifyIssueSubmitted } from '@/lib/data/issue-notifications';
import { lockPublication } from '@/lib/data/publication';
import { formatChineseDate } from '@/lib/dates';
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
import { getTitleText } from '@/lib/layout/title';
import type { ContentsStyle } from '@/lib/validations/publication';

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
export function getThisWeeksFriday(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const day = beijing.getUTCDay(); // 0 Sunday … 5 Friday
  const offset = (5 - day + 7) % 7;
  // Saturday and Sunday belong to the week that just ended: next Friday.
  return toIsoDate(new Date(beijing.getTime() + offset * 86_400_000));
}

/** The first Friday strictly after `isoDate`. */
export function getFridayAfter(isoDate: string): string {
  const date = toDbDate(isoDate);
  const offset = ((5 - date.getUTCDay() + 7) % 7) || 7;
  return toIsoDate(new Date(date.getTime() + offset * 86_400_000));
}

/**
 * A new issue's date as offered: the Friday after the latest issue (published, imported or
 * still in the works), but not before this week's Friday. Every issue lies before it, so it
 * is never a date already taken.
 */
export async function getDefaultIssueDate(now = new Date()): Promise<string> {
  const latest = await db.issue.findFirst({ orderBy: { issueDate: 'desc' }, select: { issueDate: true } });
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
    const publicationId = await lockPublication(tx);
    const issue = await lockIssue(tx, input.id, ['ASSEMBLING']);
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
    const publicationId = await lockPublication(tx);
    await lockIssue(tx, id, ['ASSEMBLING']);
    await releaseItems(tx, id);
    await tx.issue.delete({ where: { id } });
    await renumberUnpublishedIssues(tx, publicationId);
  }, QUEUED);
}

// ---------------------------------------------------------------------------------------
// Assembly

/**
 * 目录提要 as generated: the lead items' titles, then for every other section that carries
 * items its first item's title (HEADLINES) or its name (SECTIONS), in print order. Until
 * someone edits the contents they are always generated from the items as they are now.
 */
export function generateContentsLines(sections: PrintSection[], style: ContentsStyle = 'HEADLINES'): string[] {
  return sections.flatMap((section) => {
    const items = section.columns.flatMap((column) => column.items);
    if (section.isLead) return items.map((item) => getTitleText(item.title));
    if (style === 'SECTIONS') return [section.name];
    return items.length ? [getTitleText(items[0]!.title)] : [];
  });
}

// Placing, ordering and releasing items is assembly, not an edit of the item: the rows are
// written with SQL so that Item.updatedAt (the 修改时间 every list shows) keeps the time of the
// last real change. (Prisma sets @updatedAt on every update it makes.)

/** Writes each item's position in its issue. */
async function writeIssuePositions(tx: Tx, issueId: number, orderedIds: readonly number[]): Promise<void> {
  if (!orderedIds.length) return;
  const positions = orderedIds.map((_, index) => index);
  await tx.$executeRaw`
    UPDATE "Item" AS i SET "issuePosition" = v.position
    FROM unnest(${[...orderedIds]}::int[], ${positions}::int[]) AS v(id, position)
    WHERE i."id" = v.id AND i."issueId" = ${issueId}`;
}

/** Takes every item out of the issue. */
async function releaseItems(tx: Tx, issueId: number, itemId?: number): Promise<number> {
  return itemId === undefined
    ? tx.$executeRaw`UPDATE "Item" SET "issueId" = NULL, "issuePosition" = NULL WHERE "issueId" = ${issueId}`
    : tx.$executeRaw`UPDATE "Item" SET "issueId" = NULL, "issuePosition" = NULL WHERE "issueId" = ${issueId} AND "id" = ${itemId}`;
}

interface PlacedItem {
  id: number;
  sectionId: number;
  /** The column's place in the section's catalogue; -1 outside any column (printed first). */
  columnRank: number;
}

async function loadPlacedItems(tx: Tx, issueId: number): Promise<PlacedItem[]> {
  const items = await tx.item.findMany({
    where: { issueId },
    orderBy: [{ issuePosition: 'asc' }, { id: 'asc' }],
    select: { id: true, sectionId: true, column: { select: { position: true } } },
  });
  return items.map(({ column, ...item }) => ({ ...item, columnRank: column?.position ?? -1 }));
}

/**
 * Catalogue order within a section: items outside any column first, then each column in the
 * catalogue's order, as the print groups them; within a group the order stays as it is.
 */
function sortByCatalogue<T extends Pick<PlacedItem, 'columnRank'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.columnRank - b.columnRank);
}

function groupBySection<T extends Pick<PlacedItem, 'sectionId'>>(items: readonly T[]): Map<number, T[]> {
  const sections = new Map<number, T[]>();
  for (const item of items) {
    const section = sections.get(item.sectionId);
    if (section) section.push(item);
    else sections.set(item.sectionId, [item]);
  }
  return sections;
}

/**
 * Adds items in catalogue order, then in the order they were ticked (the order of `itemIds`):
 * each joins its section after the items already there, in its column's group, so the
 * section ends up in catalogue order as it prints. An item is in at most one issue, and only
 * 待编 items are placed.
 */
export async function addItemsToIssue(input: { id: number; itemIds: number[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    const itemIds = [...new Set(input.itemIds)];
    const found = await tx.item.findMany({ where: { id: { in: itemIds } }, select: { id: true, title: true, status: true } });
    for (const itemId of itemIds) {
      const item = found.find((row) => row.id === itemId);
      if (!item) throw new AppError('NOT_FOUND', '稿件不存在。');
      if (item.status !== 'READY') throw new AppError('CONFLICT', `“${getTitleText(item.title)}”还是草稿，须先标为待编。`);
      // Only an unplaced 待编 item moves; of two issues taking the same item at once, one wins
      // (the second update waits for the first's row lock, then finds it placed).
      const count = await tx.$executeRaw`
        UPDATE "Item" SET "issueId" = ${input.id}, "issuePosition" = 2147483647
        WHERE "id" = ${itemId} AND "issueId" IS NULL AND "status" = 'READY'`;
      if (count === 0) throw new AppError('CONFLICT', `“${getTitleText(item.title)}”已编入其他期。`);
    }
    // The new items are parked last; ordering them by tick order, then the section by catalogue
    // order, puts each after its group's existing items.
    const placed = await loadPlacedItems(tx, input.id);
    const tick = new Map(itemIds.map((id, index) => [id, index]));
    const ordered = [...placed].sort((a, b) => Number(tick.has(a.id)) - Number(tick.has(b.id)) || (tick.get(a.id) ?? 0) - (tick.get(b.id) ?? 0));
    for (const items of groupBySection(ordered).values()) {
      await writeIssuePositions(tx, input.id, sortByCatalogue(items).map((item) => item.id));
    }
    await touch(tx, input.id);
  });
}

export async function removeItemFromIssue(input: { id: number; itemId: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    const count = await releaseItems(tx, input.id, input.itemId);
    if (count === 0) throw new AppError('NOT_FOUND', '该稿件不在本期中。');
    await touch(tx, input.id);
  });
}

/**
 * 撤销 after 移出: the item goes back into the issue, at the place it had (`sectionItemIds`,
 * the section's order before it was taken out). If the section has changed since, the order
 * is the section's as it is now, the item last in its group.
 */
export async function putItemBackInIssue(input: { id: number; itemId: number; sectionItemIds: number[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['ASSEMBLING']);
    const count = await tx.$executeRaw`
      UPDATE "Item" SET "issueId" = ${input.id}, "issuePosition" = 2147483647
      WHERE "id" = ${input.itemId} AND "issueId" IS NULL AND "status" = 'READY'`;
    if (count === 0) throw new AppError('CONFLICT', '该稿件已编入其他期或已改为草稿，无法撤销移出。');
    const { sectionId } = await tx.item.findUniqueOrThrow({ where: { id: input.itemId }, select: { sectionId: true } });
    const section = (await loadPlacedItems(tx, input.id)).filter((item) => item.sectionId === sectionId);
    const current = new Set(section.map((item) => item.id));
    const isUnchanged = input.sectionItemIds.length === current.size && input.sectionItemIds.every((id) => current.has(id));
    await writeIssuePositions(tx, input.id, isUnchanged ? input.sectionItemIds : sortByCatalogue(section).map((item) => item.id));
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
    await writeIssuePositions(tx, input.id, input.itemIds);
    await touch(tx, input.id);
  });
}

/** Puts every section's items in catalogue order (see sortByCatalogue), in one step. */
export async function sortIssueByCatalogue(id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['ASSEMBLING']);
    for (const items of groupBySection(await loadPlacedItems(tx, id)).values()) {
      await writeIssuePositions(tx, id, sortByCatalogue(items).map((item) => item.id));
    }
    await touch(tx, id);
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

const EMPTY_ISSUE = '本期还没有稿件，不能提交审核。请先加入稿件。';

/**
 * Why 提交审核 would be refused now, or null: asked before the confirmation, so nobody
 * confirms what then fails. submitIssue checks the same again under the lock.
 */
export async function findSubmitProblem(id: number): Promise<string | null> {
  const issue = await db.issue.findUnique({ where: { id }, select: { status: true, _count: { select: { items: true } } } });
  if (!issue) return '该期不存在或已被删除。';
  if (issue.status !== 'ASSEMBLING') return '该期已不在编排中，不能再提交审核。';
  return issue._count.items === 0 ? EMPTY_ISSUE : null;
}

export async function submitIssue(id: number, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, ['ASSEMBLING']);
    if ((await tx.item.count({ where: { issueId: id } })) === 0) {
      throw new AppError('CONFLICT', EMPTY_ISSUE);
    }
    await tx.issue.update({ where: { id }, data: { status: 'IN_REVIEW', version: { increment: 1 } } });
    await addEvent(tx, id, 'SUBMITTED', user);
    await notifyIssueSubmitted(tx, id, user);
  });
}

export async function returnIssue(input: { id: number; comment: string }, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, ['IN_REVIEW']);
    await tx.issue.update({ where: { id: input.id }, data: { status: 'ASSEMBLING', version: { increment: 1 } } });
    await tx.reviewComment.create({ data: { issueId: input.id, authorId: user.id, body: input.comment } });
    await addEvent(tx, input.id, 'RETURNED', user, input.comment);
    await notifyIssueReturned(tx, input.id, user, input.comment);
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
    await notifyIssueApproved(tx, id, user);
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
    await notifyIssuePublished(tx, id, user);
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
    contentsLines: issue.isContentsEdited ? issue.contentsLines : generateContentsLines(sections, issue.publication.contentsStyle),
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

/** A reviewer's return that still stands: the issue has not been submitted again since. */
export interface IssueReturn {
  comment: string;
  reviewerName: string;
  returnedAt: Date;
}

/** The latest submission or return of an issue, enough to tell whether it stands returned. */
const lastReviewEvent = {
  where: { type: { in: ['SUBMITTED', 'RETURNED'] } },
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  take: 1,
  select: { type: true, comment: true, createdAt: true, actor: { select: { displayName: true } } },
} as const satisfies Prisma.Issue$eventsArgs;

/** 已退回: back in assembly because a reviewer returned it, until it is submitted again. */
export function findStandingReturn(
  status: IssueStatus,
  events: readonly { type: string; comment: string | null; createdAt: Date; actor: { displayName: string } }[],
): IssueReturn | null {
  if (status !== 'ASSEMBLING') return null;
  const reviews = events.filter((event) => event.type === 'SUBMITTED' || event.type === 'RETURNED');
  // The latest one, whatever order the caller has them in (a tie goes to the later in the list).
  const last = reviews.reduce<(typeof reviews)[number] | undefined>((latest, event) => (!latest || event.createdAt >= latest.createdAt ? event : latest), undefined);
  if (last?.type !== 'RETURNED') return null;
  return { comment: last.comment ?? '', reviewerName: last.actor.displayName, returnedAt: last.createdAt };
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
  // Published issues count what was printed (imported ones have no item rows).
  _count: { select: { items: true, archiveItems: true } },
  createdBy: { select: { displayName: true } },
  events: lastReviewEvent,
} as const satisfies Prisma.IssueSelect;

/** How many published issues the assembly list shows after the ones being prepared (the archive has them all). */
export const RECENT_PUBLISHED_ISSUES = 10;

/**
 * Issues being prepared, then the most recently published ones — ten years of archive are
 * not listed here — or, with `statuses`, all issues in those states; each with its standing
 * return, if any.
 */
export async function listIssues(options: { statuses?: IssueStatus[] } = {}) {
  const order = { totalNumber: 'desc' } as const;
  const issues = options.statuses
    ? await db.issue.findMany({ where: { status: { in: options.statuses } }, orderBy: order, select: issueListSelect })
    : (
        await Promise.all([
          db.issue.findMany({ where: { status: { not: 'PUBLISHED' } }, orderBy: order, select: issueListSelect }),
          db.issue.findMany({ where: { status: 'PUBLISHED' }, orderBy: order, take: RECENT_PUBLISHED_ISSUES, select: issueListSelect }),
        ])
      ).flat();
  return issues.map(({ events, _count, ...issue }) => ({
    ...issue,
    // The same count as 已发布 shows: the printed items of a published issue.
    _count: { items: issue.status === 'PUBLISHED' ? _count.archiveItems : _count.items },
    returned: findStandingReturn(issue.status, events),
  }));
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
