import 'server-only';
import { db, type Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { findPublicationId, lockPublication } from '@/lib/data/publication';
import type { SectionKind } from '@/lib/generated/prisma/enums';
import type {
  CreateSectionColumnInput,
  CreateSectionInput,
  MoveDirection,
  MoveSectionColumnInput,
  MoveSectionInput,
  RenameSectionColumnInput,
  RenameSectionInput,
  SetSectionColumnRetiredInput,
  SetSectionRetiredInput,
} from '@/lib/validations/sections';

// The section catalogue (栏目) and the named columns (专栏) inside sections.
//
// Invariants, kept by every write below:
// - `position` is the print order: 0..n-1 without gaps or repeats, per publication for
//   sections and per section for columns.
// - Sections sort as: the one non-retired LEAD section, then non-retired REGULAR sections,
//   then retired sections. Columns sort as: non-retired, then retired. Moves happen only
//   within a group, so the lead always stays first.
// - At most one non-retired LEAD section; names are unique among non-retired sections of the
//   publication, and among non-retired columns of a section.
// Each write locks its publication's row first (lockPublication), reads the current order,
// and rewrites every position from it, so concurrent changes cannot leave duplicates.

export interface SectionColumnEntry {
  id: number;
  name: string;
  position: number;
  isRetired: boolean;
}

export interface SectionListEntry {
  id: number;
  name: string;
  kind: SectionKind;
  position: number;
  isRetired: boolean;
  columns: SectionColumnEntry[];
}

/** What a picker offers: non-retired sections and their non-retired columns, in print order. */
export interface SectionOption {
  id: number;
  name: string;
  kind: SectionKind;
  columns: { id: number; name: string }[];
}

const columnSelect = { id: true, name: true, position: true, isRetired: true } as const;
const byPosition = [{ position: 'asc' }, { id: 'asc' }] as const satisfies Prisma.SectionOrderByWithRelationInput[];

/** A publication's sections (the default publication's without an id) in catalogue (print) order, each with its columns in order. */
export async function listSections({ includeRetired = false, publicationId: id }: { includeRetired?: boolean; publicationId?: number } = {}): Promise<
  SectionListEntry[]
> {
  const publicationId = id ?? (await findPublicationId());
  if (publicationId === null) return [];
  const retiredFilter = includeRetired ? {} : { isRetired: false };
  return db.section.findMany({
    where: { publicationId, ...retiredFilter },
    orderBy: byPosition,
    select: {
      id: true,
      name: true,
      kind: true,
      position: true,
      isRetired: true,
      columns: { where: retiredFilter, orderBy: byPosition, select: columnSelect },
    },
  });
}

/** For pickers (an editor choosing an item's section): retired sections and columns left out. */
export async function getActiveSectionOptions(publicationId?: number): Promise<SectionOption[]> {
  const sections = await listSections({ includeRetired: false, publicationId });
  return sections.map(({ id, name, kind, columns }) => ({
    id,
    name,
    kind,
    columns: columns.map((column) => ({ id: column.id, name: column.name })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Writes

type Tx = Prisma.TransactionClient;

interface OrderedRow {
  id: number;
  position: number;
  isRetired: boolean;
}
interface SectionRow extends OrderedRow {
  name: string;
  kind: SectionKind;
}
interface ColumnRow extends OrderedRow {
  name: string;
}

// Lock waits count against the transaction's time, so leave room for a queue of admins.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Whose catalogue a write changes: a publication (the default one without an id), or the one a section or column belongs to. */
type CatalogueOwner = { publicationId: number | undefined } | { sectionId: number } | { columnId: number };

async function findOwnerPublicationId(tx: Tx, owner: CatalogueOwner): Promise<number | undefined> {
  if ('publicationId' in owner) return owner.publicationId;
  if ('sectionId' in owner) {
    const section = await tx.section.findUnique({ where: { id: owner.sectionId }, select: { publicationId: true } });
    if (!section) throw new AppError('NOT_FOUND', '栏目不存在或已被删除。');
    return section.publicationId;
  }
  const column = await tx.sectionColumn.findUnique({ where: { id: owner.columnId }, select: { section: { select: { publicationId: true } } } });
  if (!column) throw new AppError('NOT_FOUND', '专栏不存在或已被删除。');
  return column.section.publicationId;
}

/** Runs `fn` holding the lock of the owner's publication's catalogue. */
function withCatalogueLock<T>(owner: CatalogueOwner, fn: (tx: Tx, publicationId: number) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => fn(tx, await lockPublication(tx, await findOwnerPublicationId(tx, owner))), TRANSACTION_OPTIONS);
}

function sectionGroup(section: Pick<SectionRow, 'kind' | 'isRetired'>): number {
  if (section.isRetired) return 2;
  return section.kind === 'LEAD' ? 0 : 1;
}

function columnGroup(column: Pick<ColumnRow, 'isRetired'>): number {
  return column.isRetired ? 1 : 0;
}

/** The rows in canonical order: by group, keeping the current order within a group (stable sort). */
function sortByGroup<T extends OrderedRow>(rows: readonly T[], group: (row: T) => number): T[] {
  return [...rows].sort((a, b) => group(a) - group(b));
}

/** Swaps `id` with its neighbour in `direction` when both are in the same group; returns whether it moved. */
function swapWithNeighbour<T extends OrderedRow>(
  rows: T[],
  id: number,
  direction: MoveDirection,
  group: (row: T) => number,
): boolean {
  const index = rows.findIndex((row) => row.id === id);
  const target = direction === 'up' ? index - 1 : index + 1;
  const row = rows[index];
  const neighbour = rows[target];
  if (!row || !neighbour || group(row) !== group(neighbour)) return false;
  rows[index] = neighbour;
  rows[target] = row;
  return true;
}

async function loadSections(tx: Tx, publicationId: number): Promise<SectionRow[]> {
  const rows = await tx.section.findMany({
    where: { publicationId },
    orderBy: byPosition,
    select: { id: true, name: true, kind: true, position: true, isRetired: true },
  });
  return sortByGroup(rows, sectionGroup);
}

async function loadColumns(tx: Tx, sectionId: number): Promise<ColumnRow[]> {
  const rows = await tx.sectionColumn.findMany({ where: { sectionId }, orderBy: byPosition, select: columnSelect });
  return sortByGroup(rows, columnGroup);
}

/** Writes position = index for every row whose stored position differs. */
async function writeSectionPositions(tx: Tx, rows: readonly SectionRow[]): Promise<void> {
  for (const [position, row] of sortByGroup(rows, sectionGroup).entries()) {
    if (row.position !== position) await tx.section.update({ where: { id: row.id }, data: { position } });
  }
}

async function writeColumnPositions(tx: Tx, rows: readonly ColumnRow[]): Promise<void> {
  for (const [position, row] of sortByGroup(rows, columnGroup).entries()) {
    if (row.position !== position) await tx.sectionColumn.update({ where: { id: row.id }, data: { position } });
  }
}

function findSection(sections: readonly SectionRow[], id: number): SectionRow {
  const section = sections.find((row) => row.id === id);
  if (!section) throw new AppError('NOT_FOUND', '栏目不存在或已被删除。');
  return section;
}

function assertSectionNameFree(sections: readonly SectionRow[], name: string, exceptId?: number): void {
  const taken = sections.some((row) => !row.isRetired && row.name === name && row.id !== exceptId);
  if (taken) throw new AppError('DUPLICATE', `已有名为“${name}”的栏目。`, { name: ['已有同名的栏目，请换一个名称'] });
}

function assertNoOtherActiveLead(sections: readonly SectionRow[], exceptId?: number): void {
  const lead = sections.find((row) => !row.isRetired && row.kind === 'LEAD' && row.id !== exceptId);
  if (lead) {
    throw new AppError('CONFLICT', `已有启用中的要闻栏目“${lead.name}”，要闻栏目只能有一个。`, {
      kind: [`已有要闻栏目“${lead.name}”，只能有一个`],
    });
  }
}

function assertColumnNameFree(columns: readonly ColumnRow[], name: string, exceptId?: number): void {
  const taken = columns.some((row) => !row.isRetired && row.name === name && row.id !== exceptId);
  if (taken) {
    throw new AppError('DUPLICATE', `本栏目中已有名为“${name}”的专栏。`, { name: ['本栏目中已有同名的专栏，请换一个名称'] });
  }
}

/**
 * A new section goes where the admin chose: before another section in use, or at the end of
 * the catalogue. The lead always goes first (it cannot be placed, and nothing goes before it).
 */
export async function createSection(input: CreateSectionInput): Promise<{ id: number }> {
  return withCatalogueLock({ publicationId: input.publicationId }, async (tx, publicationId) => {
    const sections = await loadSections(tx, publicationId);
    assertSectionNameFree(sections, input.name);
    if (input.kind === 'LEAD') assertNoOtherActiveLead(sections);
    let insertAt = sections.length;
    if (input.beforeId !== null) {
      const before = sections.find((row) => row.id === input.beforeId);
      const refusal = (message: string) => new AppError('INVALID_INPUT', message, { beforeId: [message] });
      if (input.kind === 'LEAD') throw refusal('要闻栏目固定排在最前，不能指定位置');
      if (!before) throw refusal('所选位置的栏目不存在，请刷新后重选');
      if (before.isRetired) throw refusal('不能排在已停用的栏目之前，请重选位置');
      if (before.kind === 'LEAD') throw refusal('要闻栏目固定排在最前，新栏目只能排在它之后');
      insertAt = sections.indexOf(before);
    }
    const created = await tx.section.create({
      data: { publicationId, name: input.name, kind: input.kind, position: sections.length },
      select: { id: true, name: true, kind: true, position: true, isRetired: true },
    });
    await writeSectionPositions(tx, sections.toSpliced(insertAt, 0, created));
    return { id: created.id };
  });
}

export async function renameSection(input: RenameSectionInput): Promise<void> {
  await withCatalogueLock({ sectionId: input.id }, async (tx, publicationId) => {
    const sections = await loadSections(tx, publicationId);
    const section = findSection(sections, input.id);
    if (!section.isRetired) assertSectionNameFree(sections, input.name, section.id);
    await tx.section.update({ where: { id: section.id }, data: { name: input.name } });
  });
}

/** Moves a non-retired section one place; at the edge of its group it stays (the lead stays first). */
export async function moveSection(input: MoveSectionInput): Promise<{ isMoved: boolean }> {
  return withCatalogueLock({ sectionId: input.id }, async (tx, publicationId) => {
    const sections = await loadSections(tx, publicationId);
    const section = findSection(sections, input.id);
    if (section.isRetired) throw new AppError('CONFLICT', '已停用的栏目不能调整顺序，请先恢复。');
    const isMoved = swapWithNeighbour(sections, section.id, input.direction, sectionGroup);
    await writeSectionPositions(tx, sections);
    return { isMoved };
  });
}

/**
 * Retiring takes a section out of the pickers and moves it below the active ones; items keep
 * pointing to it. Restoring puts it back at the end of the active sections (first if it is the
 * lead), provided its name and kind still fit the catalogue.
 */
export async function setSectionRetired(input: SetSectionRetiredInput): Promise<void> {
  await withCatalogueLock({ sectionId: input.id }, async (tx, publicationId) => {
    const sections = await loadSections(tx, publicationId);
    const section = findSection(sections, input.id);
    if (section.isRetired === input.isRetired) return;
    if (!input.isRetired) {
      if (sections.some((row) => !row.isRetired && row.name === section.name)) {
        throw new AppError('DUPLICATE', `已有启用中的同名栏目“${section.name}”，请先将其中一个改名。`);
      }
      if (section.kind === 'LEAD') {
        const lead = sections.find((row) => !row.isRetired && row.kind === 'LEAD');
        if (lead) throw new AppError('CONFLICT', `已有启用中的要闻栏目“${lead.name}”，要闻栏目只能有一个。`);
      }
    }
    await tx.section.update({ where: { id: section.id }, data: { isRetired: input.isRetired } });
    // A retired section becomes the first of the retired group; a restored one the last of
    // its active group: the stable sort does both from the current order.
    const updated = sections.map((row) => (row.id === section.id ? { ...row, isRetired: input.isRetired } : row));
    await writeSectionPositions(tx, updated);
  });
}

/** The column with its section, checked to belong to this publication. */
async function findColumn(tx: Tx, publicationId: number, id: number) {
  const column = await tx.sectionColumn.findFirst({
    where: { id, section: { publicationId } },
    select: { id: true, sectionId: true, name: true, isRetired: true },
  });
  if (!column) throw new AppError('NOT_FOUND', '专栏不存在或已被删除。');
  return column;
}

export async function createSectionColumn(input: CreateSectionColumnInput): Promise<{ id: number }> {
  return withCatalogueLock({ sectionId: input.sectionId }, async (tx, publicationId) => {
    const section = await tx.section.findFirst({
      where: { id: input.sectionId, publicationId },
      select: { id: true, isRetired: true },
    });
    if (!section) throw new AppError('NOT_FOUND', '栏目不存在或已被删除。');
    if (section.isRetired) throw new AppError('CONFLICT', '该栏目已停用，不能添加专栏。');
    const columns = await loadColumns(tx, section.id);
    assertColumnNameFree(columns, input.name);
    const created = await tx.sectionColumn.create({
      data: { sectionId: section.id, name: input.name, position: columns.length },
      select: columnSelect,
    });
    await writeColumnPositions(tx, [...columns, created]);
    return { id: created.id };
  });
}

export async function renameSectionColumn(input: RenameSectionColumnInput): Promise<void> {
  await withCatalogueLock({ columnId: input.id }, async (tx, publicationId) => {
    const column = await findColumn(tx, publicationId, input.id);
    if (!column.isRetired) assertColumnNameFree(await loadColumns(tx, column.sectionId), input.name, column.id);
    await tx.sectionColumn.update({ where: { id: column.id }, data: { name: input.name } });
  });
}

export async function moveSectionColumn(input: MoveSectionColumnInput): Promise<{ isMoved: boolean }> {
  return withCatalogueLock({ columnId: input.id }, async (tx, publicationId) => {
    const column = await findColumn(tx, publicationId, input.id);
    if (column.isRetired) throw new AppError('CONFLICT', '已停用的专栏不能调整顺序，请先恢复。');
    const columns = await loadColumns(tx, column.sectionId);
    const isMoved = swapWithNeighbour(columns, column.id, input.direction, columnGroup);
    await writeColumnPositions(tx, columns);
    return { isMoved };
  });
}

/** Like sections: a retired column leaves the pickers and goes below the active ones. */
export async function setSectionColumnRetired(input: SetSectionColumnRetiredInput): Promise<void> {
  await withCatalogueLock({ columnId: input.id }, async (tx, publicationId) => {
    const column = await findColumn(tx, publicationId, input.id);
    if (column.isRetired === input.isRetired) return;
    const columns = await loadColumns(tx, column.sectionId);
    if (!input.isRetired && columns.some((row) => !row.isRetired && row.name === column.name)) {
      throw new AppError('DUPLICATE', `本栏目中已有启用中的同名专栏“${column.name}”，请先将其中一个改名。`);
    }
    await tx.sectionColumn.update({ where: { id: column.id }, data: { isRetired: input.isRetired } });
    const updated = columns.map((row) => (row.id === column.id ? { ...row, isRetired: input.isRetired } : row));
    await writeColumnPositions(tx, updated);
  });
}
