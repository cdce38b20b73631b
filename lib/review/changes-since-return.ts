import 'server-only';
import { db, type Prisma } from '@/lib/db';
import { getTitleText } from '@/lib/layout/title';
import { formatSources } from '@/lib/render-body';
import type { IssueStatus } from '@/lib/validations/issues';

type Tx = Prisma.TransactionClient;

export interface ChangedItem {
  id: number;
  title: string;
  /** The version the reviewer returned; null: the item was written after the return. */
  fromVersion: number | null;
  toVersion: number;
  /** Title, subtitle, text and source as printed at the return ('' for a new item) and now. */
  before: string;
  after: string;
}

export interface ChangesSinceReturn {
  returnedAt: Date;
  reviewerName: string;
  items: ChangedItem[];
}

type PrintedFields = { title: string; subtitle: string | null; bodyText: string; sources: string[] };

/** What a reviewer compares: the printed text of an item (open 修订 read as not made). */
function printedText(fields: PrintedFields): string {
  return [getTitleText(fields.title), fields.subtitle ? `——${fields.subtitle}` : '', fields.bodyText, formatSources(fields.sources)]
    .filter(Boolean)
    .join('\n');
}

/**
 * The items of a returned issue that changed since its latest return (退回修改), each with the
 * text the reviewer returned and the text now; null when the issue was never returned or is
 * past review. Relies on a history entry never spanning a review step (see
 * saveItem in lib/data/items.ts, through getLatestReviewStep), so the last version written up to
 * the return is exactly what the reviewer saw.
 */
export async function getChangesSinceReturn(issueId: number, status: IssueStatus): Promise<ChangesSinceReturn | null> {
  if (status !== 'ASSEMBLING' && status !== 'IN_REVIEW') return null;
  const returned = await db.issueEvent.findFirst({
    where: { issueId, type: 'RETURNED' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { createdAt: true, actor: { select: { displayName: true } } },
  });
  if (!returned) return null;
  const items = await db.item.findMany({
    where: { issueId },
    orderBy: [{ issuePosition: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, subtitle: true, bodyText: true, sources: true, version: true },
  });
  const atReturn = await db.itemVersion.findMany({
    where: { itemId: { in: items.map((item) => item.id) }, createdAt: { lte: returned.createdAt } },
    orderBy: [{ itemId: 'asc' }, { version: 'desc' }],
    distinct: ['itemId'],
    select: { itemId: true, version: true, title: true, subtitle: true, bodyText: true, sources: true },
  });
  const byItem = new Map(atReturn.map((version) => [version.itemId, version]));
  const changed: ChangedItem[] = [];
  for (const item of items) {
    const old = byItem.get(item.id);
    const before = old ? printedText(old) : '';
    const after = printedText(item);
    if (old && before === after) continue;
    changed.push({ id: item.id, title: getTitleText(item.title), fromVersion: old?.version ?? null, toVersion: item.version, before, after });
  }
  return { returnedAt: returned.createdAt, reviewerName: returned.actor.displayName, items: changed };
}

/**
 * When the issue an item is in last went to or came back from review: a history entry started
 * before that is not extended by later saves, so each review step has its own versions.
 */
export async function getLatestReviewStep(tx: Tx, issueId: number | null): Promise<Date | null> {
  if (issueId === null) return null;
  const event = await tx.issueEvent.findFirst({
    where: { issueId, type: { in: ['SUBMITTED', 'RETURNED'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { createdAt: true },
  });
  return event?.createdAt ?? null;
}
