import 'server-only';
import { db, Prisma } from '@/lib/db';
import type { StatisticsQuery } from '@/lib/validations/statistics';

// 信息采用统计: how many items of each source unit (来源单位) the bulletin used, per period and
// section, over every published and imported issue. An item naming several units
// (`北京科技社团服务中心、平谷区科协`) counts once for each of them; read from the archive rows,
// whose units are normalised when the issue is published or imported.

export interface StatisticsPeriod {
  key: string;
  label: string;
}

export interface UnitStatistics {
  unit: string;
  total: number;
  byPeriod: number[];
  bySection: number[];
}

export interface AdoptionStatistics {
  query: Required<Pick<StatisticsQuery, 'granularity'>> & { fromYear: number; toYear: number; section: string | null };
  periods: StatisticsPeriod[];
  /** Sections with items in the range, in the order the archive prints them (lead first). */
  sections: string[];
  units: UnitStatistics[];
  /** Items used in the range (each once, whatever its units), per period. */
  itemTotals: { total: number; byPeriod: number[]; withoutSource: number; withoutSourceLead: number };
  /** Every non-empty cell: unit, period (index into periods), section, items. */
  cells: { unit: string; period: number; section: string; count: number }[];
  /** Years that have items at all, newest first (for the filter). */
  years: number[];
  /** Sections of the whole archive (for the filter). */
  allSections: string[];
}

function periodKeySql(granularity: StatisticsQuery['granularity']): Prisma.Sql {
  if (granularity === 'year') return Prisma.sql`to_char(a."issueDate", 'YYYY')`;
  if (granularity === 'quarter') return Prisma.sql`to_char(a."issueDate", 'YYYY-"Q"Q')`;
  return Prisma.sql`to_char(a."issueDate", 'YYYY-MM')`;
}

export function listPeriods(granularity: StatisticsQuery['granularity'], fromYear: number, toYear: number): StatisticsPeriod[] {
  const periods: StatisticsPeriod[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (granularity === 'year') periods.push({ key: String(year), label: `${year}年` });
    if (granularity === 'quarter') for (let q = 1; q <= 4; q++) periods.push({ key: `${year}-Q${q}`, label: `${year}年第${q}季度` });
    if (granularity === 'month') {
      for (let m = 1; m <= 12; m++) periods.push({ key: `${year}-${String(m).padStart(2, '0')}`, label: `${year}年${m}月` });
    }
  }
  return periods;
}

const collator = new Intl.Collator('zh-CN');

/** One publication's statistics with its id (every publication's without). */
export async function getAdoptionStatistics(query: StatisticsQuery, publicationId?: number): Promise<AdoptionStatistics> {
  const ofPublication = publicationId ? Prisma.sql`WHERE "publicationId" = ${publicationId}` : Prisma.empty;
  const [yearRows, sectionRows] = await Promise.all([
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT "year" FROM "ArchiveItem" ${ofPublication} ORDER BY "year" DESC`,
    db.$queryRaw<{ name: string }[]>`
      SELECT "sectionName" AS name FROM "ArchiveItem" ${ofPublication} GROUP BY "sectionName" ORDER BY bool_or("isLead") DESC, min("position"), "sectionName"`,
  ]);
  const years = yearRows.map((r) => r.year);
  const latest = years[0] ?? new Date().getFullYear();
  let fromYear = query.fromYear ?? query.toYear ?? latest;
  let toYear = query.toYear ?? query.fromYear ?? latest;
  if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear];
  const section = query.section ?? null;
  const periods = listPeriods(query.granularity, fromYear, toYear);
  const periodIndex = new Map(periods.map((p, i) => [p.key, i]));

  const where = Prisma.join(
    [
      Prisma.sql`a."year" BETWEEN ${fromYear} AND ${toYear}`,
      ...(section ? [Prisma.sql`a."sectionName" = ${section}`] : []),
      ...(publicationId ? [Prisma.sql`a."publicationId" = ${publicationId}`] : []),
    ],
    ' AND ',
  );
  const period = periodKeySql(query.granularity);
  const [cells, itemRows] = await Promise.all([
    db.$queryRaw<{ unit: string; section: string; period: string; n: number }[]>`
      SELECT u.unit, a."sectionName" AS section, ${period} AS period, count(*)::int AS n
      FROM "ArchiveItem" a CROSS JOIN LATERAL unnest(a."sourceUnits") AS u(unit)
      WHERE ${where}
      GROUP BY 1, 2, 3`,
    db.$queryRaw<{ period: string; n: number; without: number; without_lead: number }[]>`
      SELECT ${period} AS period, count(*)::int AS n, count(*) FILTER (WHERE cardinality(a."sourceUnits") = 0)::int AS without,
        count(*) FILTER (WHERE cardinality(a."sourceUnits") = 0 AND a."isLead")::int AS without_lead
      FROM "ArchiveItem" a
      WHERE ${where}
      GROUP BY 1`,
  ]);

  const present = new Set(cells.map((c) => c.section));
  const sections = sectionRows.map((r) => r.name).filter((name) => present.has(name));
  const sectionIndex = new Map(sections.map((name, i) => [name, i]));
  const byUnit = new Map<string, UnitStatistics>();
  for (const cell of cells) {
    const entry = byUnit.get(cell.unit) ?? {
      unit: cell.unit,
      total: 0,
      byPeriod: periods.map(() => 0),
      bySection: sections.map(() => 0),
    };
    entry.total += cell.n;
    entry.byPeriod[periodIndex.get(cell.period)!]! += cell.n;
    entry.bySection[sectionIndex.get(cell.section)!]! += cell.n;
    byUnit.set(cell.unit, entry);
  }
  const itemTotals = { total: 0, byPeriod: periods.map(() => 0), withoutSource: 0, withoutSourceLead: 0 };
  for (const row of itemRows) {
    itemTotals.total += row.n;
    itemTotals.withoutSource += row.without;
    itemTotals.withoutSourceLead += row.without_lead;
    itemTotals.byPeriod[periodIndex.get(row.period)!]! += row.n;
  }
  return {
    query: { granularity: query.granularity, fromYear, toYear, section },
    periods,
    sections,
    units: [...byUnit.values()].sort((a, b) => b.total - a.total || collator.compare(a.unit, b.unit)),
    itemTotals,
    cells: cells
      .map((cell) => ({ unit: cell.unit, period: periodIndex.get(cell.period)!, section: cell.section, count: cell.n }))
      .sort((a, b) => collator.compare(a.unit, b.unit) || a.period - b.period || sectionIndex.get(a.section)! - sectionIndex.get(b.section)!),
    years,
    allSections: sectionRows.map((r) => r.name),
  };
}
