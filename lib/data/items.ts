import 'server-only';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { fromDbDate, startOfBeijingDay, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { countCharacters } from '@/lib/layout/estimate';
import { getLatestReviewStep } from '@/lib/review/changes-since-return';
import { checkSuggestionEdit, notifySuggestionsAdded } from '@/lib/review/suggestion-edits';
import { getBodyText, ZItemBody, type ItemBody } from '@/lib/validations/item-body';
import type { IssueStatus } from '@/lib/validations/issues';
import { getItemStage, ITEMS_PAGE_SIZE, type ItemFields, type ItemFilters, type SaveItemInput } from '@/lib/validations/items';
import { UNPUBLISHED } from '@/lib/issues/workflow';

type Tx = Prisma.TransactionClient;

/** Autosaves by one editor within this window extend one history entry instead of adding many. */
const HISTORY_COALESCE_MS = 10 * 60 * 1000;

/**
 * A section (and column) an item may be filed under: it must exist and be in use — unless
 * the item already had it (an item filed under a since-retired section keeps it).
 */
async function assertSectionChoice(
  tx: Tx,
  choice: { sectionId: number; columnId: number | null },
  current?: { sectionId: number; columnId: number | null },
) {
  const section = await tx.section.findUnique({
    where: { id: choice.sectionId },
    select: { isRetired: true, publicationId: true, columns: { select: { id: true, isRetired: true } } },
  });
  if (!section) throw new AppError('INVALID_INPUT', '栏目不存在。', { sectionId: ['栏目不存在'] });
  // An item stays in its publication: its issue, numbering and archive are that publication's.
  if (current && current.sectionId !== choice.sectionId) {
    const before = await tx.section.findUnique({ where: { id: current.sectionId }, select: { publicationId: true } });
    if (before && before.publicationId !== section.publicationId) {
      throw new AppError('INVALID_INPUT', '不能把稿件改到另一个刊物的栏目。', { sectionId: ['请选择本刊物的栏目'] });
    }
  }
  if (section.isRetired && current?.sectionId !== choice.sectionId) {
    throw new AppError('INVALID_INPUT', '该栏目已停用。', { sectionId: ['该栏目已停用，请选择其他栏目'] });
  }
  if (choice.columnId !== null) {
    const column = section.columns.find((c) => c.id === choice.columnId);
    if (!column) throw new AppError('INVALID_INPUT', '专栏不属于所选栏目。', { columnId: ['专栏不属于所选栏目'] });
    if (column.isRetired && current?.columnId !== choice.columnId) {
      throw new AppError('INVALID_INPUT', '该专栏已停用。', { columnId: ['该专栏已停用'] });
    }
  }
}

function toRow(fields: ItemFields) {
  return {
    title: fields.title,
    subtitle: fields.subtitle ?? null,
    sectionId: fields.sectionId,
    columnId: fields.columnId,
    sources: fields.sources,
    body: fields.body,
    bodyText: getBodyText(fields.body),
    eventDate: fields.eventDate ? toDbDate(fields.eventDate) : null,
    status: fields.status,
  };
}

/**
 * Who may change an item depends on where it is: editors write items that are loose or in an
 * issue under assembly; while its issue is in review only the reviewer edits it (the history
 * records the reviewer); an approved or published issue locks its items for everyone.
 */
export function getEditRefusal(user: Pick<CurrentUser, 'roles'>, issueStatus: IssueStatus | null): AppError | null {
  if (issueStatus === 'APPROVED' || issueStatus === 'PUBLISHED') {
    return new AppError('LOCKED', '稿件所在的期已审核通过或已发布，稿件已锁定。');
  }
  if (issueStatus === 'IN_REVIEW') {
    return user.roles.includes('REVIEWER') ? null : new AppError('LOCKED', '稿件所在的期正在审核中，只有审核人可以修改。');
  }
  return user.roles.includes('EDITOR') ? null : new AppError('FORBIDDEN', '只有编辑可以修改未送审的稿件。');
}

export function assertMayEdit(user: CurrentUser, issueStatus: IssueStatus | null): void {
  const refusal = getEditRefusal(user, issueStatus);
  if (refusal) throw refusal;
}

export async function createItem(fields: ItemFields, user: CurrentUser): Promise<{ id: number; version: number }> {
  return db.$transaction((tx) => insertItem(tx, fields, user.id));
}

/** Creates an item with its first version inside the caller's transaction (also 来稿 采用). */
export async function insertItem(tx: Tx, fields: ItemFields, authorId: number): Promise<{ id: number; version: number }> {
  await assertSectionChoice(tx, fields);
  const row = toRow(fields);
  const item = await tx.item.create({ data: { ...row, authorId }, select: { id: true, version: true } });
  await tx.itemVersion.create({ data: { ...row, itemId: item.id, version: item.version, editorId: authorId } });
  return item;
}

const itemDetailSelect = {
  id: true,
  title: true,
  subtitle: true,
  sectionId: true,
  columnId: true,
  sources: true,
  body: true,
  bodyText: true,
  eventDate: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, displayName: true } },
  section: { select: { name: true, isRetired: true } },
  column: { select: { name: true } },
  issue: { select: { id: true, status: true, year: true, yearNumber: true, totalNumber: true } },
} as const satisfies Prisma.ItemSelect;

export type ItemDetail = Omit<Prisma.ItemGetPayload<{ select: typeof itemDetailSelect }>, 'body' | 'eventDate'> & {
  body: ItemBody;
  eventDate: string | null;
  lastEditor: string | null;
};

function toDateString(date: Date | null): string | null {
  return date ? fromDbDate(date) : null;
}

async function loadItem(client: Tx | typeof db, id: number): Promise<ItemDetail | null> {
  const item = await client.item.findUnique({ where: { id }, select: itemDetailSelect });
  if (!item) return null;
  const last = await client.itemVersion.findFirst({
    where: { itemId: id },
    orderBy: { version: 'desc' },
    select: { editor: { select: { displayName: true } } },
  });
  return {
    ...item,
    // Stored bodies were validated on the way in; parsing again keeps the type honest.
    body: ZItemBody.parse(item.body),
    eventDate: toDateString(item.eventDate),
    lastEditor: last?.editor.displayName ?? null,
  };
}

export function getItem(id: number): Promise<ItemDetail | null> {
  return loadItem(db, id);
}

/**
 * Saves an edit made from `baseVersion`. If anyone saved since, nothing is written and a
 * CONFLICT carries the current item, so the user can see both texts and choose.
 */
export async function saveItem(
  input: SaveItemInput,
  user: CurrentUser,
  options: { note?: string } = {},
): Promise<{ version: number; updatedAt: Date }> {
  return db.$transaction(async (tx) => {
    const current = await tx.item.findUnique({
      where: { id: input.id },
      select: { sectionId: true, columnId: true, issueId: true, authorId: true, body: true, issue: { select: { status: true } } },
    });
    if (!current) throw new AppError('NOT_FOUND', '稿件不存在或已被删除。');
    assertMayEdit(user, current.issue?.status ?? null);
    const isAddingSuggestions = checkSuggestionEdit(ZItemBody.parse(current.body), input.body, user);
    await assertSectionChoice(tx, input, current);
    if (current.issueId !== null && input.status === 'DRAFT') {
      throw new AppError('INVALID_INPUT', '稿件已编入期次，不能改回草稿。', { status: ['稿件已编入期次，不能改回草稿'] });
    }
    // Moved to another section while placed in an issue: it goes last in its new section.
    const placement =
      current.issueId !== null && current.sectionId !== input.sectionId
        ? {
            issuePosition:
              ((await tx.item.aggregate({ where: { issueId: current.issueId, sectionId: input.sectionId }, _max: { issuePosition: true } }))
                ._max.issuePosition ?? -1) + 1,
          }
        : {};

    const row = toRow(input);
    // The version check and the write are one statement: of two saves from the same base,
    // exactly one matches.
    const { count } = await tx.item.updateMany({
      where: { id: input.id, version: input.baseVersion },
      data: { ...row, ...placement, version: { increment: 1 } },
    });
    if (count === 0) {
      const latest = await loadItem(tx, input.id);
      throw new AppError('CONFLICT', '这篇稿件已被他人修改，请对照两个版本后选择。', undefined, latest ?? undefined);
    }
    const version = input.baseVersion + 1;

    const last = await tx.itemVersion.findFirst({
      where: { itemId: input.id },
      orderBy: { version: 'desc' },
      select: { id: true, version: true, editorId: true, note: true, createdAt: true },
    });
    // The first version (how the item was created) and notable versions (restores) stay as
    // they are; plain edits by the same editor in a short span extend one entry, never across
    // a submission or return of its issue (what changed since a return is read from them).
    const reviewStep = await getLatestReviewStep(tx, current.issueId);
    const canExtend =
      !options.note &&
      last &&
      last.version > 1 &&
      last.editorId === user.id &&
      !last.note &&
      Date.now() - last.createdAt.getTime() < HISTORY_COALESCE_MS &&
      !(reviewStep && last.createdAt <= reviewStep);
    if (canExtend) {
      await tx.itemVersion.update({ where: { id: last.id }, data: { ...row, version } });
    } else {
      await tx.itemVersion.create({
        data: { ...row, itemId: input.id, version, editorId: user.id, note: options.note ?? null },
      });
    }
    if (isAddingSuggestions) await notifySuggestionsAdded(tx, { id: input.id, title: input.title, authorId: current.authorId }, user);
    const { updatedAt } = await tx.item.findUniqueOrThrow({ where: { id: input.id }, select: { updatedAt: true } });
    return { version, updatedAt };
  });
}

export async function restoreItemVersion(
  input: { id: number; version: number; baseVersion: number },
  user: CurrentUser,
): Promise<{ version: number; updatedAt: Date }> {
  const old = await db.itemVersion.findUnique({ where: { itemId_version: { itemId: input.id, version: input.version } } });
  if (!old) throw new AppError('NOT_FOUND', '该历史版本不存在。');
  return saveItem(
    {
      id: input.id,
      baseVersion: input.baseVersion,
      title: old.title,
      subtitle: old.subtitle,
      sectionId: old.sectionId,
      columnId: old.columnId,
      sources: old.sources,
      body: ZItemBody.parse(old.body),
      eventDate: toDateString(old.eventDate),
      status: old.status,
    },
    user,
    { note: `恢复自第${input.version}版` },
  );
}

export function getItemHistory(id: number) {
  return db.itemVersion.findMany({
    where: { itemId: id },
    orderBy: { version: 'desc' },
    select: {
      version: true,
      title: true,
      note: true,
      createdAt: true,
      bodyText: true,
      editor: { select: { displayName: true } },
    },
  });
}

export async function getItemVersion(id: number, version: number) {
  const row = await db.itemVersion.findUnique({
    where: { itemId_version: { itemId: id, version } },
    select: {
      version: true,
      title: true,
      subtitle: true,
      sources: true,
      bodyText: true,
      note: true,
      createdAt: true,
      editor: { select: { displayName: true } },
    },
  });
  return row;
}

/**
 * The filters as a query. `openIssueIds` are the issues not yet published (a handful), so that
 * "not published" is a list of ids rather than a join per item. Without a stage filter the list
 * is the work at hand: items loose or in an issue still being prepared; published items are
 * history (the archive searches them).
 */
function buildWhere(filters: ItemFilters, openIssueIds: number[], publicationId?: number): Prisma.ItemWhereInput {
  const inOpenIssue = { issueId: { in: openIssueIds } };
  const stages: Record<NonNullable<ItemFilters['status']> | 'WORKING', Prisma.ItemWhereInput> = {
    WORKING: { OR: [{ issueId: null }, inOpenIssue] },
    DRAFT: { status: 'DRAFT' },
    READY: { status: 'READY', issueId: null },
    PLACED: inOpenIssue,
    PUBLISHED: { issueId: { not: null, notIn: openIssueIds } },
    ALL: {},
  };
  const where: Prisma.ItemWhereInput = { ...stages[filters.status ?? 'WORKING'] };
  if (filters.sectionId) where.sectionId = filters.sectionId;
  // An item belongs to its section's publication.
  if (publicationId) where.section = { publicationId };
  if (filters.authorId) where.authorId = filters.authorId;
  if (filters.q) where.title = { contains: filters.q, mode: 'insensitive' };
  if (filters.from || filters.to) {
    where.updatedAt = {
      ...(filters.from ? { gte: startOfBeijingDay(filters.from) } : {}),
      ...(filters.to ? { lt: startOfBeijingDay(filters.to, 1) } : {}),
    };
  }
  return where;
}

/** The issues not yet published; read once per page render (the list and its section counts both ask). */
const listOpenIssueIds = cache(async (): Promise<number[]> => {
  const issues = await db.issue.findMany({ where: { status: UNPUBLISHED }, select: { id: true } });
  return issues.map((issue) => issue.id);
});

/** One page of the list (ITEMS_PAGE_SIZE, newest change first) and how many match in all; one publication's with its id. */
export async function listItems(filters: ItemFilters, publicationId?: number) {
  const where = buildWhere(filters, await listOpenIssueIds(), publicationId);
  const total = await db.item.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ITEMS_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const items = await db.item.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * ITEMS_PAGE_SIZE,
    take: ITEMS_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      status: true,
      sources: true,
      bodyText: true,
      updatedAt: true,
      version: true,
      section: { select: { id: true, name: true, isRetired: true } },
      column: { select: { name: true } },
      author: { select: { id: true, displayName: true } },
      issue: { select: { id: true, status: true, yearNumber: true, totalNumber: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    items: items.map(({ bodyText, ...item }) => ({ ...item, stage: getItemStage(item), characterCount: countCharacters(bodyText) })),
  };
}

/** How many items match the other filters, per section (the section filter itself ignored). */
export async function countItemsBySection(filters: ItemFilters, publicationId?: number): Promise<Map<number, number>> {
  const groups = await db.item.groupBy({
    by: ['sectionId'],
    where: buildWhere({ ...filters, sectionId: undefined }, await listOpenIssueIds(), publicationId),
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.sectionId, g._count._all]));
}

export function listItemAuthors() {
  return db.user.findMany({
    where: { authoredItems: { some: {} } },
    select: { id: true, displayName: true },
    orderBy: { displayName: 'asc' },
  });
}
