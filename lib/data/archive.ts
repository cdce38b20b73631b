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
  const rows = buildArchiveRows(issueId, print);
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

/** The WHERE clause of a search: the index finds the candidates, LIKE checks the exact text. */
function searchConditions(terms: string[], input: ArchiveSearchInput): Prisma.Sql {
  // The expression must be written exactly as in the index ("ArchiveItem_search_idx").
  const conditions = [Prisma.sql`archive_search_grams("searchText") @> ${termGrams(terms)}::text[]`];
  // A term of one or two characters is its own index key, so the index answers it exactly;
  // a longer one is found by its pairs, which must also stand together and in order.
  for (const term of terms) {
    if (Array.from(term).length > 2) conditions.push(Prisma.sql`"searchText" LIKE ${likePattern(term)}`);
  }
  if (input.year) conditions.push(Prisma.sql`"year" = ${input.year}`);
  if (input.section) conditions.push(Prisma.sql`"sectionName" = ${input.section}`);
  if (input.source) conditions.push(Prisma.sql`"sourceUnits" @> ARRAY[${input.source}]::text[]`);
  return Prisma.join(conditions, ' AND ');
}

/** The SQL of one results page (exported for the EXPLAIN test). */
export function searchPageSql(input: ArchiveSearchInput, offset = 0): Prisma.Sql {
  const terms = parseSearchTerms(input.query);
  return Prisma.sql`
    SELECT "id", "issueId", "position", "year", "yearNumber", "totalNumber", "issueDate", "sectionName", "columnName",
           "title", "subtitle", "bodyText", "sources"
    FROM "ArchiveItem"
    WHERE ${searchConditions(terms, input)}
    ORDER BY "issueDate" DESC, "totalNumber" DESC, "position"
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
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
  const where = searchConditions(terms, input);
  const [counted] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "ArchiveItem" WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) AS matches`;
  const found = counted?.n ?? 0;
  if (found === 0) return empty;
  const total = Math.min(found, SEARCH_COUNT_CAP);
  const pageCount = Math.ceil(total / SEARCH_PAGE_SIZE);
  const page = Math.min(Math.max(1, input.page ?? 1), pageCount);
  const rows = await db.$queryRaw<HitRow[]>(searchPageSql(input, (page - 1) * SEARCH_PAGE_SIZE));
  return {
    terms,
    total,
    isTotalCapped: found > SEARCH_COUNT_CAP,
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

/** What the search filters offer: years and sections present in the archive, frequent sources. */
export async function getSearchFilterOptions(): Promise<SearchFilterOptions> {
  const [years, sections, sources] = await Promise.all([
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT "year" FROM "ArchiveItem" ORDER BY "year" DESC`,
    db.$queryRaw<{ name: string }[]>`
      SELECT "sectionName" AS name FROM "ArchiveItem" GROUP BY "sectionName"
      ORDER BY bool_or("isLead") DESC, count(*) DESC, "sectionName"`,
    db.$queryRaw<{ unit: string }[]>`
      SELECT unit FROM "ArchiveItem", unnest("sourceUnits") AS unit GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 300`,
  ]);
  return { years: years.map((r) => r.year), sections: sections.map((r) => r.name), sources: sources.map((r) => r.unit) };
}

// ---------------------------------------------------------------------------------------
// The archive's listing

/** Years with published issues, newest first, with how many issues each. */
export async function listPublishedYears(): Promise<{ year: number; count: number }[]> {
  const rows = await db.issue.groupBy({ by: ['year'], where: { status: 'PUBLISHED' }, _count: { _all: true }, orderBy: { year: 'desc' } });
  return rows.map((row) => ({ year: row.year, count: row._count._all }));
}

/** Published and imported issues of one year, newest first. */
export function listPublishedIssuesOfYear(year: number) {
  return db.issue.findMany({
    where: { status: 'PUBLISHED', year },
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
