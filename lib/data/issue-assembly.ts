// Assembly: placing, ordering and releasing an issue's items, and its 目录提要.
import 'server-only';
import { db } from '@/lib/db';
import { lockIssue, touch, type Tx } from '@/lib/data/issue-lock';
import { AppError } from '@/lib/errors';
import { groupBySection, sortByCatalogue, type PlacedItem } from '@/lib/issues/catalogue-order';
import { getTitleText } from '@/lib/layout/title';

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
export async function releaseItems(tx: Tx, issueId: number, itemId?: number): Promise<number> {
  return itemId === undefined
    ? tx.$executeRaw`UPDATE "Item" SET "issueId" = NULL, "issuePosition" = NULL WHERE "issueId" = ${issueId}`
    : tx.$executeRaw`UPDATE "Item" SET "issueId" = NULL, "issuePosition" = NULL WHERE "issueId" = ${issueId} AND "id" = ${itemId}`;
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
 * Adds items in catalogue order, then in the order they were ticked (the order of `itemIds`):
 * each joins its section after the items already there, in its column's group, so the
 * section ends up in catalogue order as it prints. An item is in at most one issue, and only
 * 待编 items are placed.
 */
export async function addItemsToIssue(input: { id: number; itemIds: number[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { publicationId } = await lockIssue(tx, input.id, 'addItems');
    const itemIds = [...new Set(input.itemIds)];
    // Only items of the issue's own publication (their section's): another's are "not found".
    const found = await tx.item.findMany({ where: { id: { in: itemIds }, section: { publicationId } }, select: { id: true, title: true, status: true } });
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
    await lockIssue(tx, input.id, 'removeItem');
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
    await lockIssue(tx, input.id, 'putItemBack');
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
    await lockIssue(tx, input.id, 'orderItems');
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
    await lockIssue(tx, id, 'orderItems');
    for (const items of groupBySection(await loadPlacedItems(tx, id)).values()) {
      await writeIssuePositions(tx, id, sortByCatalogue(items).map((item) => item.id));
    }
    await touch(tx, id);
  });
}

export async function updateContentsLines(input: { id: number; lines: string[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, input.id, 'editContents');
    await tx.issue.update({
      where: { id: input.id },
      data: { contentsLines: input.lines, isContentsEdited: true, version: { increment: 1 } },
    });
  });
}

export async function regenerateContents(id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockIssue(tx, id, 'editContents');
    await tx.issue.update({ where: { id }, data: { isContentsEdited: false, contentsLines: [], version: { increment: 1 } } });
  });
}

/** 待编 items of the issue's publication not yet in any issue, for the assembly picker. */
export function listAvailableItems(publicationId?: number) {
  return db.item.findMany({
    where: { status: 'READY', issueId: null, section: { publicationId } },
    orderBy: [{ section: { position: 'asc' } }, { updatedAt: 'desc' }],
    select: { id: true, title: true, section: { select: { id: true, name: true } }, author: { select: { displayName: true } } },
  });
}
