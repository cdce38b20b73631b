import 'server-only';
import { db, type Prisma } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import type { ContentsStyle, NumberingStartInput, UpdatePublicationSettingsInput } from '@/lib/validations/publication';

// The system serves one publication: the first row of Publication (created by the seed).

const NO_PUBLICATION = '尚未建立刊物信息，请联系管理员初始化系统。';

/** The publication's id, or null on a database that has not been set up yet. */
export async function findPublicationId(): Promise<number | null> {
  const publication = await db.publication.findFirst({ orderBy: { id: 'asc' }, select: { id: true } });
  return publication?.id ?? null;
}

/** The publication's id; a missing publication is a 404 for the caller. */
export async function getPublicationId(): Promise<number> {
  const id = await findPublicationId();
  if (id === null) throw new AppError('NOT_FOUND', NO_PUBLICATION);
  return id;
}

/**
 * Locks the publication row for the rest of the transaction and returns its id. Every change
 * to the section catalogue, the settings or the numbering takes this lock first, so they run
 * one at a time; in READ COMMITTED each later statement then sees what the previous holder
 * committed (rows it inserted included, which locking the section rows themselves would miss).
 */
export async function lockPublication(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Publication" ORDER BY "id" LIMIT 1 FOR UPDATE`;
  const id = rows[0]?.id;
  if (id === undefined) throw new AppError('NOT_FOUND', NO_PUBLICATION);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Settings (刊物设置)

export interface PublicationSettings {
  name: string;
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
  name: true,
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
  const unpublishedIssueCount = await client.issue.count({ where: { publicationId, status: { not: 'PUBLISHED' } } });
  const lastImported = await client.issue.findFirst({
    where: { publicationId, origin: 'IMPORTED' },
    orderBy: { totalNumber: 'desc' },
    select: numbers,
  });
  return { ...publication, isStartLocked: firstPublished !== null, firstPublished, lastPublished, lastImported, unpublishedIssueCount };
}

/** The settings as the admin page shows them, or null on a database that has not been set up yet. */
export async function getPublicationSettings(): Promise<PublicationSettings | null> {
  const publicationId = await findPublicationId();
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
      const publicationId = await lockPublication(tx);
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
    where: { publicationId, status: { not: 'PUBLISHED' } },
    orderBy: [{ issueDate: 'asc' }, { id: 'asc' }],
    select: { issueDate: true },
  });
  const earliestYear = earliest?.issueDate.getUTCFullYear();
  if (earliestYear !== undefined && earliestYear < start.year) {
    const message = `已有${earliestYear}年的期正在准备中，起点年份不能晚于${earliestYear}年。`;
    throw new AppError('CONFLICT', message, { startYear: [message] });
  }
}
