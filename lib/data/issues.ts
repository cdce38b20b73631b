// Reading issues for their lists and the assembly page.
import 'server-only';
import { db, type Prisma } from '@/lib/db';
import { loadIssueItems, printIssueInclude, toPrintIssue } from '@/lib/data/issue-print';
import { fromDbDate as toIsoDate } from '@/lib/dates';
import { toPrintSections } from '@/lib/issues/print-model';
import { readPrintSnapshot } from '@/lib/export/print-issue';
import { findStandingReturn } from '@/lib/issues/returns';
import type { IssueStatus } from '@/lib/validations/issues';
import { UNPUBLISHED } from '@/lib/issues/workflow';

/** The latest submission or return of an issue, enough to tell whether it stands returned. */
const lastReviewEvent = {
  where: { type: { in: ['SUBMITTED', 'RETURNED'] } },
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  take: 1,
  select: { type: true, comment: true, createdAt: true, actor: { select: { displayName: true } } },
} as const satisfies Prisma.Issue$eventsArgs;

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
export async function listIssues(options: { statuses?: IssueStatus[]; publicationId?: number } = {}) {
  const order = { totalNumber: 'desc' } as const;
  // Without publicationId: every publication's (the header's review count).
  const { publicationId } = options;
  const issues = options.statuses
    ? await db.issue.findMany({ where: { publicationId, status: { in: options.statuses } }, orderBy: order, select: issueListSelect })
    : (
        await Promise.all([
          db.issue.findMany({ where: { publicationId, status: UNPUBLISHED }, orderBy: order, select: issueListSelect }),
          db.issue.findMany({ where: { publicationId, status: 'PUBLISHED' }, orderBy: order, take: RECENT_PUBLISHED_ISSUES, select: issueListSelect }),
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
    issue.status === 'PUBLISHED' && issue.snapshot ? readPrintSnapshot(issue.snapshot) : toPrintIssue(issue, toPrintSections(items));
  return { ...issue, issueDate: toIsoDate(issue.issueDate), items, print };
}
