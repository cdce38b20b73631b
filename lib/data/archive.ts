import 'server-only';
import { db, Prisma } from '@/lib/db';
import { buildArchiveRows } from '@/lib/archive/index-rows';
import { fromDbDate } from '@/lib/dates';
import {
  excerptAround,
  highlightText,
  likePattern,
  parseSearchTerms,
  termGrams,
  type TextSegment,
} from '@/lib/archive/normalize';
import { readPrintSnapshot, type PrintIssue } from '@/lib/export/print-issue';

// The archive (已发布 and imported issues): its index rows, the search over them, and what the
// archive pages list. Rows are written once, when an issue is published or imported, from the
// frozen snapshot — so the archive always shows what was printed.

type Tx = Prisma.TransactionClient;

/** Writes the archive rows of a just-published or just-imported issue (same transaction). */
export async function indexPublishedIssue(tx: Tx, issueId: number, print: PrintIssue): Promise<void> {
  const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId }, select: { id: true, publicationId: true } });
  const rows = buildArchiveRows(issue, print);
  if (rows.length) await tx.archiveItem.createMany({ data: rows });
}

/**
 * Indexes published issues that have no archive rows yet (published before the archive
 * existed). Run by the launcher after the migrations; cheap when there is nothing to do.
 */
export async function ensureArchiveIndexed(): Promise<number> {
  const missing = await db.issue.findMany({
    where: { status: 'PUBLISHED', snapshot: { not: Prisma.AnyNull }, archiveItems: { none: {} } },
    select: { id: true, snapshot: true },
  });
  for (const issue of missing) {
    await db.$transaction(async (tx) => {
      // Another process may have indexed it meanwhile.
      if ((await tx.archiveItem.count({ where: { issueId: issue.id } })) > 0) return;
      await indexPublishedIssue(tx, issue.id, readPrintSnapshot(issue.snapshot));
    });
  }
  return missing.length;
}

// ---------------------------------------------------------------------------------------
// Search

export const SEARCH_PAGE_SIZE = 20;
/** Counting stops here: past it the page says “500 条以上” and asks for narrower filters. */
export const SEARCH_COUNT_CAP = 500;

export interface ArchiveSearchInput {
  query: string;
  /** The publication searched (its id leads the date index); every publication when not given. */
  publicationId?: number | null;
  year?: number | null;
  section?: string | null;
  source?: string | null;
  page?: number;
}

export interface ArchiveHit {
  id: number;
  issueId: number;
  position: number;
  year: number;
  yearNumber: number;
  totalNumber: number;
  issueDate: string;
  sectionName: string;
  columnName: string | null;
  title: TextSegment[];
  subtitle: TextSegment[] | null;
  excerpt: TextSegment[];
  sources: TextSegment[];
}

export interface ArchiveSearchResult {
  terms: string[];
  total: number;
  /** More than SEARCH_COUNT_CAP matched; only that many can be paged through. */
  isTotalCapped: boolean;
  page: number;
  pageCount: number;
  hits: ArchiveHit[];
}

/** A hit as read from ArchiveItem, before its text is cut and highlighted. */
type HitRow = Omit<ArchiveHit, 'issueDate' | 'title' | 'subtitle' | 'excerpt' | 'sources'> & {
  issueDate: Date;
  title: string;
  subtitle: string | null;
  bodyText: string;
  sources: string[];
};

/** Filters other than the text: publication, year, section, source unit. */
function filterConditions(input: ArchiveSearchInput): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (input.publicationId) conditions.push(Prisma.sql`"publicationId" = ${input.publicationId}`);
  if (input.year) conditions.push(Prisma.sql`"year" = ${input.year}`);
  if (input.section) conditions.push(Prisma.sql`"sectionName" = ${input.section}`);
  if (input.source) conditions.push(Prisma.sql`"sourceUnits" @> ARRAY[${input.source}]::text[]`);
  return conditions;
}

/** The exact match: every term in the normalised text (LIKE on the stored column). */
function textConditions(terms: string[]): Prisma.Sql[] {
  return terms.map((term) => Prisma.sql`"searchText" LIKE ${likePattern(term)}`);
}

/** The WHERE clause that finds the candidates through the index, LIKE checking the exact text. */
function indexedConditions(terms: string[], input: ArchiveSearchInput, grams = termGrams(terms)): Prisma.Sql {
  // The expression must be written exactly as in the index ("ArchiveItem_search_idx").
  const conditions = [Prisma.sql`archive_search_grams("searchText") @> ${grams}::text[]`];
  // A term of one or two characters is its own index key, so the index answers it exactly;
  // a longer one is found by its pairs, which must also stand together and in order.
  conditions.push(...textConditions(terms.filter((term) => Array.from(term).length > 2)));
  return Prisma.join([...conditions, ...filterConditions(input)], ' AND ');
}

// How common each character pair is, from the statistics PostgreSQL keeps on the index
// expression (ANALYZE): the index reads every entry of every pair asked for, so a long term
// is looked up by its rarest pairs only (LIKE checks the rest), and a term in most items is
// not looked up at all but checked along the newest items.
interface GramStatistics {
  rows: number;
  frequency: Map<string, number>;
  readAt: number;
}
let gramStatistics: GramStatistics | undefined;
const GRAM_STATISTICS_TTL_MS = 5 * 60_000;

async function getGramStatistics(): Promise<GramStatistics> {
  if (gramStatistics && Date.now() - gramStatistics.readAt < GRAM_STATISTICS_TTL_MS) return gramStatistics;
  const [stats] = await db.$queryRaw<{ elems: string[] | null; freqs: number[] | null }[]>`
    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
    FROM pg_stats WHERE schemaname = 'public' AND tablename = 'ArchiveItem_search_idx'`;
  const [table] = await db.$queryRaw<{ rows: number }[]>`SELECT GREATEST(reltuples, 0)::float8 AS rows FROM pg_class WHERE relname = 'ArchiveItem'`;
  const frequency = new Map<string, number>();
  stats?.elems?.forEach((gram, i) => frequency.set(gram, stats.freqs?.[i] ?? 0));
  gramStatistics = { rows: table?.rows ?? 0, frequency, readAt: Date.now() };
  return gramStatistics;
}

/** At most this many pairs of a long term are looked up in the index. */
const MAX_LOOKUP_GRAMS = 2;

interface SearchPlan {
  grams: string[];
  /** Estimated share of items that hold every term (from the rarest pair's frequency); 0 without statistics. */
  share: number;
}

async function planSearch(terms: string[]): Promise<SearchPlan> {
  const stats = await getGramStatistics();
  // A pair the statistics do not list is rarer than every pair they do.
  const frequencyOf = (gram: string) => stats.frequency.get(gram) ?? 0;
  const grams: string[] = [];
  let share = 1;
  for (const term of terms) {
    const own = termGrams([term]).sort((a, b) => frequencyOf(a) - frequencyOf(b));
    const chosen = own.slice(0, Array.from(term).length > 2 ? MAX_LOOKUP_GRAMS : own.length);
    grams.push(...chosen.filter((g) => !grams.includes(g)));
    share = Math.min(share, frequencyOf(chosen[0]!));
  }
  // Without statistics (a new archive) nothing counts as frequent.
  return { grams, share: stats.frequency.size ? share : 0 };
}

const HIT_COLUMNS = Prisma.sql`"id", "issueId", "position", "year", "yearNumber", "totalNumber", "issueDate", "sectionName", "columnName",
  "title", "subtitle", "bodyText", "sources"`;
const NEWEST_FIRST = Prisma.sql`ORDER BY "issueDate" DESC, "totalNumber" DESC, "position"`;

/**
 * One page of the matches that `matches` selects (at most SEARCH_COUNT_CAP + 1 of them, with
 * their sort columns), counted (`matchCount` on every row), newest first: one round trip.
 */
function pageOfMatchesSql(matches: Prisma.Sql, offset: number): Prisma.Sql {
  return Prisma.sql`
    WITH matches AS MATERIALIZED (${matches}), page AS (
      SELECT "id" FROM matches ${NEWEST_FIRST} LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM matches)::int AS "matchCount", ${HIT_COLUMNS}
    FROM "ArchiveItem" WHERE "id" IN (SELECT "id" FROM page) ${NEWEST_FIRST}`;
}

/**
 * Up to SEARCH_COUNT_CAP + 1 matches found through the index, counted, and one page of them.
 * Exact while there are no more than the cap; past it the page is read along the newest items
 * instead. (Exported for the EXPLAIN test.)
 */
export function indexedPageSql(input: ArchiveSearchInput, offset = 0, grams?: string[]): Prisma.Sql {
  const terms = parseSearchTerms(input.query);
  return pageOfMatchesSql(
    Prisma.sql`SELECT "id", "issueDate", "totalNumber", "position" FROM "ArchiveItem"
      WHERE ${indexedConditions(terms, input, grams)} LIMIT ${SEARCH_COUNT_CAP + 1}`,
    offset,
  );
}

/**
 * A page of a term found in many items (exported for the EXPLAIN test): the newest matches are
 * among the newest items, so only the newest `window` items, read in date order through the
 * date index (per publication: its own index), are checked, and the first `matchLimit` matches
 * among them counted (by default up to SEARCH_COUNT_CAP + 1) — sorting every item that mentions
 * 科协 would cost more than the search. A count past the cap, or a full page, is exact for the
 * newest matches. The scan stops at `matchLimit` matches: a page whose count is already known
 * asks for no more than it shows.
 */
export function frequentPageSql(input: ArchiveSearchInput, offset: number, window: number, matchLimit = SEARCH_COUNT_CAP + 1): Prisma.Sql {
  const terms = parseSearchTerms(input.query);
  const filters = filterConditions(input);
  return pageOfMatchesSql(
    Prisma.sql`SELECT "id", "issueDate", "totalNumber", "position" FROM (
        SELECT "id", "issueDate", "totalNumber", "position", "searchText" FROM "ArchiveItem"
        ${filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty}
        ${NEWEST_FIRST} LIMIT ${window}
      ) AS recent
      WHERE ${Prisma.join(textConditions(terms), ' AND ')}
      ${NEWEST_FIRST} LIMIT ${matchLimit}`,
    offset,
  );
}

/**
 * The smallest window of newest items a capped page is read along: sized from the term's
 * estimated share to hold the page, it grows fourfold while the page is not full.
 */
export const FREQUENT_WINDOW = 200;
/**
 * A term expected in more than SEARCH_COUNT_CAP of at most this many newest items is looked up
 * along them first (one query: counted to the cap, and the page); a rarer one through the index.
 * Reading items along the date index and checking their text is dear: at 60,000 items, 2,000
 * of them took longer than the index lookup of a term in 16,000 (74 against 43 ms, busy machine).
 */
const FREQUENT_WINDOW_MAX = 2_000;

type PageRow = HitRow & { matchCount: number };

function readPage(sql: Prisma.Sql) {
  return db.$queryRaw<PageRow[]>(sql);
}

/** The newest items along which `matches` matches are expected, with a margin (Infinity without statistics). */
function windowFor(matches: number, share: number): number {
  return share > 0 ? Math.ceil((1.5 * matches) / share) : Infinity;
}

/**
 * A page of a term in more than SEARCH_COUNT_CAP items, read along the newest items. The count
 * is known, so the scan stops at the page's last match: for a term the statistics do not list
 * (a window of every item), the first page of 培训班 in 6 % of 60,000 items read 300 items, not
 * the 8,000 that hold 501 matches (2 ms against 50).
 */
async function readCappedPage(input: ArchiveSearchInput, plan: SearchPlan, offset: number): Promise<PageRow[]> {
  const wanted = Math.min(SEARCH_PAGE_SIZE, SEARCH_COUNT_CAP - offset);
  for (let window = Math.max(FREQUENT_WINDOW, Math.min(windowFor(offset + wanted, plan.share), 1_000_000)); ; window *= 4) {
    const rows = await readPage(frequentPageSql(input, offset, window, offset + wanted));
    if (rows.length >= wanted || window >= 1_000_000) return rows;
  }
}

/**
 * Items of all published and imported issues whose title, subtitle, text or sources hold every
 * term of the query (white space separates terms), newest issue first, with the matches
 * highlighted. Filters: year, section (as printed) and source unit.
 */
export async function searchArchive(input: ArchiveSearchInput): Promise<ArchiveSearchResult> {
  const terms = parseSearchTerms(input.query);
  const empty: ArchiveSearchResult = { terms, total: 0, isTotalCapped: false, page: 1, pageCount: 0, hits: [] };
  if (!terms.length) return empty;
  const plan = await planSearch(terms);
  const requested = Math.max(1, input.page ?? 1);
  const cappedPage = Math.min(requested, Math.ceil(SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE));
  const offsetOf = (page: number) => (page - 1) * SEARCH_PAGE_SIZE;
  let result: { found: number; page: number; rows: HitRow[] } | null = null;
  const window = windowFor(SEARCH_COUNT_CAP + 1, plan.share);
  if (window <= FREQUENT_WINDOW_MAX) {
    // Expected past the cap among the newest items: counted there and the page read, in one go.
    const rows = await readPage(frequentPageSql(input, offsetOf(cappedPage), window));
    if ((rows[0]?.matchCount ?? 0) > SEARCH_COUNT_CAP) result = { found: SEARCH_COUNT_CAP + 1, page: cappedPage, rows };
  }
  if (!result) {
    // One round trip for the usual case: the matches counted and the page read together.
    let rows = await readPage(indexedPageSql(input, offsetOf(requested), plan.grams));
    let page = requested;
    if (!rows.length && requested > 1) {
      // Past the last page (the results changed, or a hand-made link): show the last one.
      const first = await readPage(indexedPageSql(input, 0, plan.grams));
      page = Math.max(1, Math.ceil(Math.min(first[0]?.matchCount ?? 0, SEARCH_COUNT_CAP) / SEARCH_PAGE_SIZE));
      rows = page === 1 ? first : await readPage(indexedPageSql(input, offsetOf(page), plan.grams));
    }
    const found = rows[0]?.matchCount ?? 0;
    result =
      found > SEARCH_COUNT_CAP
        ? { found, page: cappedPage, rows: await readCappedPage(input, plan, offsetOf(cappedPage)) }
        : { found, page, rows };
  }
  if (result.found === 0) return empty;
  const { found, page, rows } = result;
  const isTotalCapped = found > SEARCH_COUNT_CAP;
  const total = Math.min(found, SEARCH_COUNT_CAP);
  const pageCount = Math.ceil(total / SEARCH_PAGE_SIZE);
  return {
    terms,
    total,
    isTotalCapped,
    page,
    pageCount,
    hits: rows.map((row) => ({
      id: row.id,
      issueId: row.issueId,
      position: row.position,
      year: row.year,
      yearNumber: row.yearNumber,
      totalNumber: row.totalNumber,
      issueDate: fromDbDate(row.issueDate),
      sectionName: row.sectionName,
      columnName: row.columnName,
      title: highlightText(row.title, terms),
      subtitle: row.subtitle ? highlightText(row.subtitle, terms) : null,
      excerpt: excerptAround(row.bodyText, terms),
      sources: highlightText(row.sources.join('、'), terms),
    })),
  };
}

export interface SearchFilterOptions {
  years: number[];
  sections: string[];
  /** The most used source units, for the filter's suggestions. */
  sources: string[];
}

/** What the archive holds, for the filters of the search and of 信息采用统计. */
export interface ArchiveFacets {
  /** Years with items, newest first. */
  years: number[];
  /** Sections with items: lead sections first, then by how many items (the search's order). */
  sectionsByUse: string[];
  /** Sections with items: lead sections first, then as printed (the statistics' order). */
  sectionsAsPrinted: string[];
  /** The most used source units. */
  sources: string[];
}

const cachedFacets = new Map<number, { version: number; facets: ArchiveFacets; checkedAt: number }>();
/** How long the facets are used without even asking whether the archive changed. */
const FACETS_RECHECK_MS = 30_000;

/**
 * The archive's years, sections and frequent sources for one publication. Reading them means
 * going through all of its rows, so they are kept (per instance) until the archive changes: a
 * new row has a new id, rows are never changed, and deleting the newest rows changes the
 * maximum too. The check is one probe of the primary key.
 */
export async function getArchiveFacets(publicationId: number): Promise<ArchiveFacets> {
  const cached = cachedFacets.get(publicationId);
  if (cached && Date.now() - cached.checkedAt < FACETS_RECHECK_MS) return cached.facets;
  const [row] = await db.$queryRaw<{ version: number }[]>`
    SELECT COALESCE(max("id"), 0)::int AS version FROM "ArchiveItem" WHERE "publicationId" = ${publicationId}`;
  const version = row?.version ?? 0;
  if (cached && cached.version === version) {
    cached.checkedAt = Date.now();
    return cached.facets;
  }
  const facets = await readArchiveFacets(publicationId);
  cachedFacets.set(publicationId, { version, facets, checkedAt: Date.now() });
  return facets;
}

async function readArchiveFacets(publicationId: number): Promise<ArchiveFacets> {
  const [years, sections, sources] = await Promise.all([
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT "year" FROM "ArchiveItem" WHERE "publicationId" = ${publicationId} ORDER BY "year" DESC`,
    db.$queryRaw<{ name: string; isLead: boolean; items: number; firstPosition: number }[]>`
      SELECT "sectionName" AS name, bool_or("isLead") AS "isLead", count(*)::int AS items, min("position")::int AS "firstPosition"
      FROM "ArchiveItem" WHERE "publicationId" = ${publicationId} GROUP BY "sectionName"`,
    db.$queryRaw<{ unit: string }[]>`
      SELECT unit FROM "ArchiveItem", unnest("sourceUnits") AS unit WHERE "publicationId" = ${publicationId}
      GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 300`,
  ]);
  const leadFirst = (a: (typeof sections)[number], b: (typeof sections)[number]) => Number(b.isLead) - Number(a.isLead);
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    years: years.map((r) => r.year),
    sectionsByUse: [...sections].sort((a, b) => leadFirst(a, b) || b.items - a.items || byName(a, b)).map((r) => r.name),
    sectionsAsPrinted: [...sections].sort((a, b) => leadFirst(a, b) || a.firstPosition - b.firstPosition || byName(a, b)).map((r) => r.name),
    sources: sources.map((r) => r.unit),
  };
}

/** What the search filters offer: years and sections present in the archive, frequent sources. */
export async function getSearchFilterOptions(publicationId: number): Promise<SearchFilterOptions> {
  const facets = await getArchiveFacets(publicationId);
  return { years: facets.years, sections: facets.sectionsByUse, sources: facets.sources };
}

// ---------------------------------------------------------------------------------------
// The archive's listing (per publication: every query starts with "publicationId" = $1, the
// leading column of the index it reads)

/**
 * Years with published issues, newest first, with how many issues each: read from the index
 * "Issue_publicationId_status_year_totalNumber_idx" alone (one small entry per issue, no row).
 */
export async function listPublishedYears(publicationId: number): Promise<{ year: number; count: number }[]> {
  return db.$queryRaw<{ year: number; count: number }[]>`
    SELECT "year", count(*)::int AS "count" FROM "Issue"
    WHERE "publicationId" = ${publicationId} AND "status" = 'PUBLISHED'
    GROUP BY "year" ORDER BY "year" DESC`;
}

/**
 * Published and imported issues of one year, newest first, with their printed items counted
 * for these issues only (Prisma's `_count` would aggregate every archive row first).
 */
export async function listPublishedIssuesOfYear(publicationId: number, year: number) {
  const issues = await db.issue.findMany({
    where: { publicationId, status: 'PUBLISHED', year },
    orderBy: { totalNumber: 'desc' },
    select: { id: true, year: true, yearNumber: true, totalNumber: true, issueDate: true, publishedAt: true, origin: true },
  });
  const counts = await db.archiveItem.groupBy({
    by: ['issueId'],
    where: { issueId: { in: issues.map((issue) => issue.id) } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((row) => [row.issueId, row._count._all]));
  return issues.map((issue) => ({ ...issue, itemCount: countOf.get(issue.id) ?? 0 }));
}
