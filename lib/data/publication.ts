import 'server-only';
import { db, type Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

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
 * to the section catalogue takes this lock first, so catalogue changes run one at a time; in
 * READ COMMITTED each later statement then sees what the previous holder committed (rows it
 * inserted included, which locking the section rows themselves would miss).
 */
export async function lockPublication(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Publication" ORDER BY "id" LIMIT 1 FOR UPDATE`;
  const id = rows[0]?.id;
  if (id === undefined) throw new AppError('NOT_FOUND', NO_PUBLICATION);
  return id;
}
