import 'server-only';
import { cache } from 'react';
import { db, type Prisma } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import type {
  ContentsStyle,
  CreatePublicationInput,
  NumberingStartInput,
  UpdatePublicationSettingsInput,
} from '@/lib/validations/publication';
import { UNPUBLISHED } from '@/lib/issues/workflow';

// Publications (刊物). An office may publish several serials, each with its own name, masthead,
// numbering, section catalogue and distribution. The default publication is the first in
// switcher order (position, then id): a URL without ?pub= means that one, so every URL from
// the time of one publication keeps working.

const NO_PUBLICATION = '尚未建立刊物信息，请联系管理员初始化系统。';
const UNKNOWN_PUBLICATION = '没有这个刊物，请从页头的刊物切换中选择。';

const switcherOrder = [{ position: 'asc' }, { id: 'asc' }] as const satisfies Prisma.PublicationOrderByWithRelationInput[];

/** What the switcher, the URL and the page titles need of a publication. */
export interface PublicationRef {
  id: number;
  slug: string;
  name: string;
  /** The title printed in the masthead (版头). */
  mastheadTitle: string;
  /** The first publication: its URLs carry no ?pub=. */
  isDefault: boolean;
}

const refSelect = { id: true, slug: true, name: true, mastheadTitle: true } as const satisfies Prisma.PublicationSelect;

/**
 * Every publication in switcher order; the first is the default. Read once per page render (the
 * layout's switcher and the page's publication both ask); a call outside a render reads afresh.
 */
export const listPublications = cache(async (): Promise<PublicationRef[]> => {
  const rows = await db.publication.findMany({ orderBy: switcherOrder, select: refSelect });
  return rows.map((row, index) => ({ ...row, mastheadTitle: row.mastheadTitle ?? row.name, isDefault: index === 0 }));
});

/**
 * The publication a page or command is about: the one with this short code, or the default
 * one when none is given. An unknown code is a 404 (never silently the default: a link to a
 * publication that is gone must not show another one's issues).
 */
export async function resolvePublication(slug?: string | null): Promise<PublicationRef> {
  const publications = await listPublications();
  const found = slug ? publications.find((publication) => publication.slug === slug) : publications[0];
  if (!found) throw new AppError('NOT_FOUND', publications.length ? UNKNOWN_PUBLICATION : NO_PUBLICATION);
  return found;
}

/** By name (the command-line tools' --publication NAME); the short code is accepted too. */
export async function resolvePublicationByName(name?: string | null): Promise<PublicationRef> {
  const publications = await listPublications();
  const found = name ? publications.find((p) => p.name === name || p.slug === name) : publications[0];
  if (!found) {
    const known = publications.map((p) => p.name).join('、');
    throw new AppError('NOT_FOUND', publications.length ? `没有名为“${name}”的刊物（现有：${known}）。` : NO_PUBLICATION);
  }
  return found;
}

/** The default publication's id, or null on a database that has not been set up yet. */
export async function findPublicationId(): Promise<number | null> {
  const publication = await db.publication.findFirst({ orderBy: switcherOrder, select: { id: true } });
  return publication?.id ?? null;
}

/** The default publication's id; a missing publication is a 404 for the caller. */
export async function getPublicationId(): Promise<number> {
  const id = await findPublicationId();
  if (id === null) throw new AppError('NOT_FOUND', NO_PUBLICATION);
  return id;
}

/**
 * Locks a publication row for the rest of the transaction and returns its id (the default
 * publication when no id is given). Every change to its section catalogue, its settings or its
 * numbering takes this lock first, so they run one at a time per publication (two
 * publications number in parallel); in READ COMMITTED each later statement then sees what the
 * previous holder committed (rows it inserted included, which locking the section rows
 * themselves would miss).
 */
export async function lockPublication(tx: Prisma.TransactionClient, publicationId?: number): Promise<number> {
  const rows =
    publicationId === undefined
      ? await tx.$queryRaw<{ id: number }[]>`
          SELECT "id" FROM "Publication" ORDER BY "position", "id" LIMIT 1 FOR UPDATE`
      : await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Publication" WHERE "id" = ${publicationId} FOR UPDATE`;
  const id = rows[0]?.id;
  if (id === undefined) throw new AppError('NOT_FOUND', publicationId === undefined ? NO_PUBLICATION : UNKNOWN_PUBLICATION);
  return id;
}

/** Locks the publication an issue belongs to (an issue never changes publication). */
export async function lockPublicationOfIssue(tx: Prisma.TransactionClient, issueId: number): Promise<number> {
  // One round trip, as the lock of the default publication was: publishing queues on it.
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT p."id" FROM "Publication" p JOIN "Issue" i ON i."publicationId" = p."id"
    WHERE i."id" = ${issueId} FOR UPDATE OF p`;
  const id = rows[0]?.id;
  if (id === undefined) throw new AppError('NOT_FOUND', '该期不存在或已被删除。');
  return id;
}

// ---------------------------------------------------------------------------------------------
// Settings (刊物设置)

export interface PublicationSettings {
  id: number;
  slug: string;
  name: string;
  /** Printed in the masthead when set; null: the name is printed. */
  mastheadTitle: string | null;
  publisher: string;
  /** 分送 lines of the 版记, in print order. */
  distribution: string[];
  contentsOnOwnPage: boolean;
  /** How 目录提要 is generated until someone edits it. */
  contentsStyle: ContentsStyle;
  /** The numbering start point; startYear is null until an admin sets it. */
  startYear: number | null;
  startYearNumber: number;
  startTotalNumber: number;
  /** Once an issue is published in the system its numbers are history, so the start point can no longer change. */
  isStartLocked: boolean;
  /**
   * The first and the latest issue published in the system (null before the first one): once
   * locked, the start point in effect is the first one's, whether or not an admin ever set one
   * (the demo publishes its issue from the default start).
   */
  firstPublished: PublishedNumbers | null;
  lastPublished: PublishedNumbers | null;
  /** The last imported past issue: a start point must come after it. */
  lastImported: PublishedNumbers | null;
  /** Issues not yet published: they are renumbered when the start point changes. */
  unpublishedIssueCount: number;
}

export interface PublishedNumbers {
  year: number;
  yearNumber: number;
  totalNumber: number;
}

export interface UpdatedPublicationSettings extends PublicationSettings {
  isStartChanged: boolean;
}

const START_LOCKED =
  '已有期刊发布，编号起点已经固定，不能再修改。刊物名称、编印单位、分送和目录提要设置仍可修改。';

const settingsSelect = {
  id: true,
  slug: true,
  name: true,
  mastheadTitle: true,
  publisher: true,
  distribution: true,
  contentsOnOwnPage: true,
  contentsStyle: true,
  startYear: true,
  startYearNumber: true,
  startTotalNumber: true,
} as const satisfies Prisma.PublicationSelect;

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, 'publication' | 'issue'>;

async function readSettings(client: Reader, publicationId: number): Promise<PublicationSettings | null> {
  const publication = await client.publication.findUnique({ where: { id: publicationId }, select: settingsSelect });
  if (!publication) return null;
  // One after the other: inside a transaction the queries share one connection anyway.
  const numbers = { year: true, yearNumber: true, totalNumber: true } as const;
  // Imported history does not lock the start point: only what the system itself published.
  const published = { publicationId, status: 'PUBLISHED', origin: 'EDITED' } as const;
  const firstPublished = await client.issue.findFirst({ where: published, orderBy: { totalNumber: 'asc' }, select: numbers });
  const lastPublished = await client.issue.findFirst({ where: published, orderBy: { totalNumber: 'desc' }, select: numbers });
  const unpublishedIssueCount = await client.issue.count({ where: { publicationId, status: UNPUBLISHED } });
  const lastImported = await client.issue.findFirst({
    where: { publicationId, origin: 'IMPORTED' },
    orderBy: { totalNumber: 'desc' },
    select: numbers,
  });
  return { ...publication, isStartLocked: firstPublished !== null, firstPublished, lastPublished, lastImported, unpublishedIssueCount };
}

/** The settings as the admin page shows them (the default publication's without an id), or null when there is none. */
export async function getPublicationSettings(id?: number): Promise<PublicationSettings | null> {
  const publicationId = id ?? (await findPublicationId());
  return publicationId === null ? null : readSettings(db, publicationId);
}

/**
 * Saves the settings. The numbering start point may change only while nothing is published
 * (a published number is final, and later numbers continue from it); a change then renumbers
 * the unpublished issues in the same transaction. The publication lock is the one the
 * numbering code holds too, so no issue gets published or numbered from the old start point
 * while this runs.
 */
export async function updatePublicationSettings(
  input: UpdatePublicationSettingsInput,
  user: CurrentUser,
): Promise<UpdatedPublicationSettings> {
  // The action allows admins only; checked again here so no other caller can skip it.
  if (!user.roles.includes('ADMIN')) throw new AppError('FORBIDDEN');
  return db.$transaction(
    async (tx) => {
      const publicationId = await lockPublication(tx, input.publicationId);
      await assertNameFree(tx, input.name, publicationId);
      const current = await tx.publication.findUniqueOrThrow({ where: { id: publicationId }, select: settingsSelect });
      const { start } = input;
      const isStartChanged =
        start !== undefined &&
        (start.year !== current.startYear ||
          start.yearNumber !== current.startYearNumber ||
          start.totalNumber !== current.startTotalNumber);
      if (start && isStartChanged) await assertStartChangeable(tx, publicationId, start);

      await tx.publication.update({
        where: { id: publicationId },
        data: {
          name: input.name,
          ...(input.mastheadTitle !== undefined ? { mastheadTitle: input.mastheadTitle } : {}),
          publisher: input.publisher,
          distribution: input.distribution,
          contentsOnOwnPage: input.contentsOnOwnPage,
          ...(input.contentsStyle ? { contentsStyle: input.contentsStyle } : {}),
          ...(start && isStartChanged
            ? { startYear: start.year, startYearNumber: start.yearNumber, startTotalNumber: start.totalNumber }
            : {}),
        },
      });
      if (isStartChanged) {
        const { renumberUnpublishedIssues } = await import('@/lib/numbering');
        await renumberUnpublishedIssues(tx, publicationId);
      }
      const settings = await readSettings(tx, publicationId);
      if (!settings) throw new AppError('NOT_FOUND', NO_PUBLICATION);
      return { ...settings, isStartChanged };
    },
    // Lock waits count against the transaction's time, so leave room for a queue.
    { maxWait: 10_000, timeout: 20_000 },
  );
}

async function assertStartChangeable(tx: Tx, publicationId: number, start: NumberingStartInput): Promise<void> {
  const publishedCount = await tx.issue.count({ where: { publicationId, status: 'PUBLISHED', origin: 'EDITED' } });
  if (publishedCount > 0) throw new AppError('CONFLICT', START_LOCKED);
  // Imported history is published: a start point inside it would hand out its numbers again.
  const lastImported = await tx.issue.findFirst({
    where: { publicationId, origin: 'IMPORTED' },
    orderBy: { totalNumber: 'desc' },
    select: { totalNumber: true, issueDate: true },
  });
  if (lastImported && (start.totalNumber <= lastImported.totalNumber || start.year < lastImported.issueDate.getUTCFullYear())) {
    const message = `已导入的历史期次到总第${lastImported.totalNumber}期（${lastImported.issueDate.getUTCFullYear()}年），编号起点须在它之后。`;
    throw new AppError('CONFLICT', message, { startTotalNumber: [message] });
  }
  // Numbering refuses an issue dated before the start year; an issue already being prepared
  // must not end up there either.
  const earliest = await tx.issue.findFirst({
    where: { publicationId, status: UNPUBLISHED },
    orderBy: [{ issueDate: 'asc' }, { id: 'asc' }],
    select: { issueDate: true },
  });
  const earliestYear = earliest?.issueDate.getUTCFullYear();
  if (earliestYear !== undefined && earliestYear < start.year) {
    const message = `已有${earliestYear}年的期正在准备中，起点年份不能晚于${earliestYear}年。`;
    throw new AppError('CONFLICT', message, { startYear: [message] });
  }
}

// ---------------------------------------------------------------------------------------------
// A new publication (新建刊物)

const NAME_TAKEN = '已有同名的刊物，请换一个名称。';
const SLUG_TAKEN = '已有刊物使用这个代号，请换一个。';

async function assertNameFree(tx: Tx, name: string, exceptId?: number): Promise<void> {
  const taken = await tx.publication.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new AppError('DUPLICATE', NAME_TAKEN, { name: [NAME_TAKEN] });
}

/**
 * Creates a publication with its section catalogue, after the others in the switcher. Its
 * numbering is its own from the start point given (or 第1期, 总第1期). Creations queue on a
 * transaction-scoped advisory lock, so two admins choosing the same name or short code at once
 * get a clear refusal (the unique indexes back this up).
 */
export async function createPublication(input: CreatePublicationInput, user: CurrentUser): Promise<{ id: number; slug: string }> {
  if (!user.roles.includes('ADMIN')) throw new AppError('FORBIDDEN');
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('publication-create'))`;
      await assertNameFree(tx, input.name);
      if (await tx.publication.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
        throw new AppError('DUPLICATE', SLUG_TAKEN, { slug: [SLUG_TAKEN] });
      }
      const last = await tx.publication.aggregate({ _max: { position: true } });
      const sections = [
        ...(input.leadSection ? [{ name: input.leadSection, kind: 'LEAD' as const }] : []),
        ...input.sections.map((name) => ({ name, kind: 'REGULAR' as const })),
      ];
      return tx.publication.create({
        data: {
          name: input.name,
          slug: input.slug,
          mastheadTitle: input.mastheadTitle,
          position: (last._max.position ?? -1) + 1,
          publisher: input.publisher,
          distribution: input.distribution,
          contentsOnOwnPage: input.contentsOnOwnPage,
          contentsStyle: input.contentsStyle ?? 'HEADLINES',
          ...(input.start
            ? { startYear: input.start.year, startYearNumber: input.start.yearNumber, startTotalNumber: input.start.totalNumber }
            : {}),
          sections: { create: sections.map((section, position) => ({ ...section, position })) },
        },
        select: { id: true, slug: true },
      });
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

/** The short code of the publication a record belongs to (for the shell on a record's page), or null. */
export async function findRecordPublicationSlug(record: { sectionId: number } | { issueId: number }): Promise<string | null> {
  const where = 'sectionId' in record ? { sections: { some: { id: record.sectionId } } } : { issues: { some: { id: record.issueId } } };
  return (await db.publication.findFirst({ where, select: { slug: true } }))?.slug ?? null;
}
