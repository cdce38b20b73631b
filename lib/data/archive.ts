import 'server-only';
import { db, Prisma } from '@/lib/db';
import { buildArchiveRows } from '@/lib/archive/index-rows';
import {
  excerptAround,
  highlightText,
  likePattern,
  parseSearchTerms,
  termGrams,
  type TextSegment,
} from '@/lib/archive/normalize';
import type { PrintIssue } from '@/lib/export/print-issue';

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
      await indexPublishedIssue(tx, issue.id, issue.snapshot as unknown as PrintIssue);
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
  /** One publication's archive; absent: every publication's. */
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

interface HitRow {
  id: number;
  issueId: number;
  position: number;
  year: number;
  yearNumber: number;
  totalNumber: number;
  issueDate: Date;
  sectionName: string;
  columnName: string | null;
  title: string;
  subtitle: string | null;
  bodyText: string;
  sources: string[];
}

/** Filters other than the text: year, section, source unit. */
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
/** A term found in at least this share of all items is checked along the newest items instead. */
const FREQUENT_SHARE = 0.4;

interface SearchPlan {
  grams: string[];
  /** Estimated share of items that hold every term (from the rarest pair's frequency). */
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
 * Up to SEARCH_COUNT_CAP + 1 matches found through the index, counted (`matchCount` on every
 * row), and one page of them, newest first: one round trip for the usual search. Exact while
 * there are no more than the cap; past it the page is read along the newest items instead.
 * (Exported for the EXPLAIN test.)
 */
export function indexedPageSql(input: ArchiveSearchInput, offset = 0, grams?: string[]): Prisma.Sql {
  const terms = parseSearchTerms(input.query);
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT "id", "issueDate", "totalNumber", "position" FROM "ArchiveItem"
      WHERE ${indexedConditions(terms, input, grams)} LIMIT ${SEARCH_COUNT_CAP + 1}
    ), page AS (
      SELECT "id" FROM matches ${NEWEST_FIRST} LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM matches)::int AS "matchCount", ${HIT_COLUMNS}
    FROM "ArchiveItem" WHERE "id" IN (SELECT "id" FROM page) ${NEWEST_FIRST}`;
}

/**
 * A page of a term found in many items (exported for the EXPLAIN test): the newest matches are
 * among the newest items, so only the newest `window` items, read in date order through the
 * date index, are checked — sorting every item that mentions 科协 would cost more than the search.
 */
export function frequentPageSql(input: ArchiveSearchInput, offset: number, window: number): Prisma.Sql {
  const terms = parseSearchTerms(input.query);
  const filters = filterConditions(input);
  return Prisma.sql`
    SELECT ${HIT_COLUMNS} FROM (
      SELECT ${HIT_COLUMNS}, "searchText" FROM "ArchiveItem" ${filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty}
      ${NEWEST_FIRST} LIMIT ${window}
    ) AS recent
    WHERE ${Prisma.join(textConditions(terms), ' AND ')}
    ${NEWEST_FIRST} LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
}

/** The first window of newest items checked for a frequent term; it grows fourfold while a page is not full. */
export const FREQUENT_WINDOW = 1_000;

function readIndexedPage(terms: string[], input: ArchiveSearchInput, grams: string[], offset: number) {
  return db.$queryRaw<(HitRow & { matchCount: number })[]>(indexedPageSql(input, offset, grams));
}

/** Whether a term in most items is in more than SEARCH_COUNT_CAP of the newest: counted along the date index. */
async function countAlongNewest(terms: string[], input: ArchiveSearchInput): Promise<number> {
  const filters = filterConditions(input);
  const [counted] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM (
        SELECT "searchText" FROM "ArchiveItem" ${filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty}
        ${NEWEST_FIRST} LIMIT ${FREQUENT_COUNT_WINDOW}
      ) AS recent
      WHERE ${Prisma.join(textConditions(terms), ' AND ')}
      LIMIT ${SEARCH_COUNT_CAP + 1}
    ) AS matches`;
  return counted?.n ?? 0;
}

/** How many of the newest items a frequent term is counted along before the index is asked after all. */
const FREQUENT_COUNT_WINDOW = 5_000;

async function readFrequentPage(input: ArchiveSearchInput, offset: number, total: number): Promise<HitRow[]> {
  const wanted = Math.min(SEARCH_PAGE_SIZE, total - offset);
  for (let window = FREQUENT_WINDOW; ; window *= 4) {
    const rows = await db.$queryRaw<HitRow[]>(frequentPageSql(input, offset, window));
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
  const capped = async () => {
    const page = Math.min(requested, Math.ceil(SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE));
    return { found: SEARCH_COUNT_CAP + 1, page, rows: await readFrequentPage(input, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_COUNT_CAP) };
  };
  let result: { found: number; page: number; rows: HitRow[] } | null = null;
  if (plan.share >= FREQUENT_SHARE && (await countAlongNewest(terms, input)) > SEARCH_COUNT_CAP) result = await capped();
  if (!result) {
    // One round trip for the usual case: the matches counted and the page read together.
    let rows = await readIndexedPage(terms, input, plan.grams, (requested - 1) * SEARCH_PAGE_SIZE);
    let page = requested;
    if (!rows.length && requested > 1) {
      // Past the last page (the results changed, or a hand-made link): show the last one.
      const first = await readIndexedPage(terms, input, plan.grams, 0);
      page = Math.max(1, Math.ceil(Math.min(first[0]?.matchCount ?? 0, SEARCH_COUNT_CAP) / SEARCH_PAGE_SIZE));
      rows = page === 1 ? first : await readIndexedPage(terms, input, plan.grams, (page - 1) * SEARCH_PAGE_SIZE);
    }
    const found = rows[0]?.matchCount ?? 0;
    result = found > SEARCH_COUNT_CAP ? await capped() : { found, page, rows };
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
      issueDate: row.issueDate.toISOString().slice(0, 10),
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

/** Per publication (0: all of them). */
const cachedOptionsByPublication = new Map<number, { version: number; options: SearchFilterOptions; checkedAt: number }>();
/** How long the options are shown without even asking whether the archive changed. */
const OPTIONS_RECHECK_MS = 30_000;

/**
 * What the search filters offer: years and sections present in the archive, frequent sources.
 * Reading them means going through the whole archive, so they are kept until the archive
 * changes (a new row has a new id; rows are never changed).
 */
export async function getSearchFilterOptions(publicationId = 0): Promise<SearchFilterOptions> {
  const cachedOptions = cachedOptionsByPublication.get(publicationId);
  if (cachedOptions && Date.now() - cachedOptions.checkedAt < OPTIONS_RECHECK_MS) return cachedOptions.options;
  const [row] = await db.$queryRaw<{ version: number }[]>`SELECT COALESCE(max("id"), 0)::int AS version FROM "ArchiveItem"`;
  const version = row?.version ?? 0;
  if (cachedOptions && cachedOptions.version === version) {
    cachedOptions.checkedAt = Date.now();
    return cachedOptions.options;
  }
  const options = await readSearchFilterOptions(publicationId);
  cachedOptionsByPublication.set(publicationId, { version, options, checkedAt: Date.now() });
  return options;
}

async function readSearchFilterOptions(publicationId: number): Promise<SearchFilterOptions> {
  const where = publicationId ? Prisma.sql`WHERE "publicationId" = ${publicationId}` : Prisma.empty;
  const [years, sections, sources] = await Promise.all([
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT "year" FROM "ArchiveItem" ${where} ORDER BY "year" DESC`,
    db.$queryRaw<{ name: string }[]>`
      SELECT "sectionName" AS name FROM "ArchiveItem" ${where} GROUP BY "sectionName"
      ORDER BY bool_or("isLead") DESC, count(*) DESC, "sectionName"`,
    db.$queryRaw<{ unit: string }[]>`
      SELECT unit FROM "ArchiveItem", unnest("sourceUnits") AS unit ${where} GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 300`,
  ]);
  return { years: years.map((r) => r.year), sections: sections.map((r) => r.name), sources: sources.map((r) => r.unit) };
}

// ---------------------------------------------------------------------------------------
// The archive's listing

/** Years with published issues, newest first, with how many issues each. */
export async function listPublishedYears(publicationId?: number): Promise<{ year: number; count: number }[]> {
  const rows = await db.issue.groupBy({ by: ['year'], where: { status: 'PUBLISHED', publicationId }, _count: { _all: true }, orderBy: { year: 'desc' } });
  return rows.map((row) => ({ year: row.year, count: row._count._all }));
}

/** Published and imported issues of one year, newest first. */
export function listPublishedIssuesOfYear(year: number, publicationId?: number) {
  return db.issue.findMany({
    where: { status: 'PUBLISHED', year, publicationId },
    orderBy: { totalNumber: 'desc' },
    select: {
      id: true,
      year: true,
      yearNumber: true,
      totalNumber: true,
      issueDate: true,
      publishedAt: true,
      origin: true,
      _count: { select: { archiveItems: true } },
    },
  });
}
