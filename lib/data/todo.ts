import 'server-only';
import { db } from '@/lib/db';
import { listSuggestions } from '@/lib/suggestions';
import { ZItemBody } from '@/lib/validations/item-body';

// What 待办 (the home page) reads beyond the issue lists: open 修订, the latest published
// issue, and what an admin should look at.

/** Items of unpublished issues with open 修订, oldest issue first. */
export async function listItemsWithOpenSuggestions() {
  // Only bodies that mention a suggestion mark are read and counted.
  const candidates = await db.$queryRaw<{ id: number }[]>`
    SELECT i."id" FROM "Item" i JOIN "Issue" s ON s."id" = i."issueId"
    WHERE s."status" <> 'PUBLISHED' AND i."body"::text ~ '"type": ?"(insertion|deletion)"'`;
  if (!candidates.length) return [];
  const items = await db.item.findMany({
    where: { id: { in: candidates.map((c) => c.id) } },
    select: { id: true, title: true, body: true, issue: { select: { id: true, year: true, yearNumber: true, totalNumber: true } } },
    orderBy: [{ issue: { totalNumber: 'asc' } }, { issuePosition: 'asc' }],
  });
  return items.map(({ body, ...item }) => ({ ...item, count: listSuggestions(ZItemBody.parse(body)).length })).filter((item) => item.count > 0);
}

/** The newest published issue (for staff: what to download), or null. */
export function getLatestPublishedIssue() {
  return db.issue.findFirst({
    where: { status: 'PUBLISHED' },
    orderBy: { totalNumber: 'desc' },
    select: { id: true, year: true, yearNumber: true, totalNumber: true, issueDate: true, publishedAt: true },
  });
}

/** What an admin should look at: issues held up, and whether numbering has its start point. */
export async function getAdminAttention() {
  const [byStatus, publication, disabledUsers] = await Promise.all([
    db.issue.groupBy({ by: ['status'], where: { status: { in: ['IN_REVIEW', 'APPROVED'] } }, _count: true }),
    db.publication.findFirst({ select: { startYear: true }, orderBy: { id: 'asc' } }),
    db.user.count({ where: { isDisabled: true } }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count ?? 0;
  return { inReview: count('IN_REVIEW'), approved: count('APPROVED'), isStartPointMissing: !!publication && publication.startYear === null, disabledUsers };
}
