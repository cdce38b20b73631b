import 'server-only';
import { db } from '@/lib/db';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { buildUnitMatcher, matchSources } from '@/lib/units/match';
import { listPointRuleSets } from '@/lib/data/point-rules';
import {
  renderAdoptionCsv,
  renderAdoptionReportDocx,
  renderAdoptionReportPdf,
  renderAdoptionXlsx,
  type AdoptionReport,
} from '@/lib/export/adoption-report';
import { tallyAdoption, type AdoptionPeriod, type UnitAdoptionRow } from '@/lib/units/points';

// 采用统计 per unit — the one computation the statistics page, its CSV/XLSX, the 通报 (PDF/DOCX)
// and `npm run report` share. Meaning (agreed with the intake side):
// - 报送: submissions a unit created in the period (Beijing days).
// - 单独采用 (ADOPTED) / 综合采用 (MERGED): submissions whose item is in a PUBLISHED issue dated in
//   the period; 约稿采用 when the submission answered a 约稿 (requestId).
// - 领导批示: each instruction on an item printed in the period credits the units whose
//   submissions the item was made from, or, for items not made from submissions (history,
//   imports), the units its printed sources name (name, 简称 or alias).
// - Points follow the PointRuleSet in effect on the issue's date.

export interface UnitAdoption {
  period: AdoptionPeriod;
  rows: UnitAdoptionRow[];
  totals: { units: number; submitted: number; single: number; merged: number; instructions: number; points: number };
}

/** Midnight in Beijing of an ISO day, as the instant stored in a timestamp column. */
function beijingMidnight(iso: string): Date {
  return new Date(`${iso}T00:00:00+08:00`);
}

function nextDay(iso: string): string {
  const date = toDbDate(iso);
  date.setUTCDate(date.getUTCDate() + 1);
  return fromDbDate(date);
}

export async function getUnitAdoption(period: AdoptionPeriod): Promise<UnitAdoption> {
  const from = toDbDate(period.from);
  const to = toDbDate(period.to);
  const [units, submittedRows, adoptionRows, instructionRows, ruleSets] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, shortNames: true, aliases: true, isActive: true } }),
    db.$queryRaw<{ unitId: number; n: number }[]>`
      SELECT "unitId", count(*)::int AS n FROM "Submission"
      WHERE "createdAt" >= ${beijingMidnight(period.from)} AND "createdAt" < ${beijingMidnight(nextDay(period.to))}
      GROUP BY 1`,
    db.$queryRaw<{ unitId: number; merged: boolean; requested: boolean; issueDate: Date; n: number }[]>`
      SELECT s."unitId", s."status" = 'MERGED' AS merged, s."requestId" IS NOT NULL AS requested, i."issueDate", count(*)::int AS n
      FROM "Issue" i
      JOIN "Item" it ON it."issueId" = i."id"
      JOIN "Submission" s ON s."itemId" = it."id"
      WHERE i."status" = 'PUBLISHED' AND i."issueDate" BETWEEN ${from} AND ${to} AND s."status" IN ('ADOPTED', 'MERGED')
      GROUP BY 1, 2, 3, 4`,
    // The printed item an instruction is on is found by its issue and title (the snapshot
    // keeps no item ids); its submissions' units, if any, are the ones credited.
    db.$queryRaw<{ issueDate: Date; sources: string[]; unitIds: number[] | null }[]>`
      SELECT i."issueDate", a."sources",
        (SELECT array_agg(DISTINCT s."unitId") FROM "Item" it JOIN "Submission" s ON s."itemId" = it."id"
          WHERE it."issueId" = li."issueId" AND it."title" = a."title" AND s."status" IN ('ADOPTED', 'MERGED')) AS "unitIds"
      FROM "LeaderInstruction" li
      JOIN "Issue" i ON i."id" = li."issueId"
      JOIN "ArchiveItem" a ON a."issueId" = li."issueId" AND a."position" = li."position"
      WHERE i."issueDate" BETWEEN ${from} AND ${to}`,
    listPointRuleSets(),
  ]);
  const matcher = buildUnitMatcher(units);
  const rows = tallyAdoption({
    units: units.filter((unit) => unit.isActive),
    submitted: new Map(submittedRows.map((row) => [row.unitId, row.n])),
    adoptions: adoptionRows.map((row) => ({
      unitId: row.unitId,
      isMerged: row.merged,
      isRequested: row.requested,
      issueDate: fromDbDate(row.issueDate),
      count: row.n,
    })),
    instructions: instructionRows.map((row) => ({
      issueDate: fromDbDate(row.issueDate),
      unitIds: row.unitIds?.length ? row.unitIds : matchSources(row.sources, matcher).unitIds,
    })),
    ruleSets,
  });
  const totals = { units: rows.length, submitted: 0, single: 0, merged: 0, instructions: 0, points: 0 };
  for (const row of rows) {
    totals.submitted += row.submitted;
    totals.single += row.single;
    totals.merged += row.merged;
    totals.instructions += row.instructions;
    totals.points += row.points;
  }
  return { period, rows, totals };
}

/** The 采用统计 of a period with what the 通报 prints around it (publisher, publication, date). */
export async function getAdoptionReport(period: AdoptionPeriod, date: string): Promise<AdoptionReport> {
  const [adoption, publication] = await Promise.all([
    getUnitAdoption(period),
    db.publication.findFirst({ orderBy: { id: 'asc' }, select: { name: true, publisher: true } }),
  ]);
  return {
    ...adoption,
    publisher: publication?.publisher ?? '北京市科协办公室',
    publicationName: publication?.name ?? '科协每周动态',
    date,
  };
}

export type AdoptionFormat = 'csv' | 'xlsx' | 'pdf' | 'docx';

/** The file of a report in one of the four formats (the download and `npm run report` alike). */
export function renderAdoptionFile(report: AdoptionReport, format: AdoptionFormat): Promise<Buffer> {
  if (format === 'csv') return Promise.resolve(renderAdoptionCsv(report));
  if (format === 'xlsx') return renderAdoptionXlsx(report);
  if (format === 'pdf') return renderAdoptionReportPdf(report);
  return renderAdoptionReportDocx(report);
}
