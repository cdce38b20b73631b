import 'server-only';
import type { z } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { splitSourceUnits } from '@/lib/archive/normalize';
import { CatalogueFileError, readCatalogueFile } from '@/lib/units/catalogue-file';
import { buildUnitMatcher, findNameClash } from '@/lib/units/match';
import type { ZCreateUnit, ZImportUnits, ZMapSourceName, ZUpdateUnit } from '@/lib/validations/units';

// The unit catalogue (区科协, 学会, 直属单位, 机关部门): kept by the admin by hand or from a file,
// and grown by mapping the source names printed in items and the archive onto units.

const unitSelect = { id: true, name: true, shortNames: true, aliases: true, kind: true, isActive: true } as const;
export type UnitRecord = Prisma.UnitGetPayload<{ select: typeof unitSelect }>;

const KIND_ORDER = { DISTRICT: 0, SOCIETY: 1, AFFILIATE: 2, DEPARTMENT: 3 } as const;
const collator = new Intl.Collator('zh-CN');

/** The catalogue by kind, then name. */
export async function listUnits(options: { activeOnly?: boolean } = {}): Promise<UnitRecord[]> {
  const units = await db.unit.findMany({ where: options.activeOnly ? { isActive: true } : undefined, select: unitSelect });
  return units.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name));
}

/** A unit's 简称 and aliases may not be another unit's name, nor its name another unit's alias. */
async function assertNamesFree(client: Prisma.TransactionClient, unit: { id?: number; name: string; shortNames: string[]; aliases: string[] }) {
  const others = await client.unit.findMany({ where: unit.id ? { id: { not: unit.id } } : undefined, select: unitSelect });
  const clash = findNameClash([...others.filter((other) => other.name !== unit.name), unit]);
  if (clash) throw new AppError('DUPLICATE', clash);
}

export async function createUnit(input: z.output<typeof ZCreateUnit>): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    await assertNamesFree(tx, input);
    if (await tx.unit.findUnique({ where: { name: input.name }, select: { id: true } })) throw new AppError('DUPLICATE', `单位“${input.name}”已在名录中。`);
    return tx.unit.create({ data: input, select: { id: true } });
  });
}

export async function updateUnit(input: z.output<typeof ZUpdateUnit>): Promise<void> {
  const { id, ...data } = input;
  await db.$transaction(async (tx) => {
    if (!(await tx.unit.findUnique({ where: { id }, select: { id: true } }))) throw new AppError('NOT_FOUND', '该单位不存在。');
    await assertNamesFree(tx, input);
    const clash = await tx.unit.findUnique({ where: { name: input.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new AppError('DUPLICATE', `单位“${input.name}”已在名录中。`);
    await tx.unit.update({ where: { id }, data });
  });
}

export interface CatalogueImportResult {
  created: number;
  updated: number;
}

/**
 * Imports the catalogue file: every row or none. A unit already in the catalogue (same name)
 * takes the file's kind and status and gains its 简称 and aliases; a new name is added. Any
 * refused row refuses the file, with each row's reason.
 */
export async function importUnits(input: z.output<typeof ZImportUnits>): Promise<CatalogueImportResult> {
  let read: Awaited<ReturnType<typeof readCatalogueFile>>;
  try {
    read = await readCatalogueFile(input.file.name, input.file.bytes);
  } catch (error) {
    if (error instanceof CatalogueFileError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
  const { rows, problems } = read;
  if (problems.length) {
    const report = problems.slice(0, 20).map((p) => `第${p.line}行：${p.message}`);
    if (problems.length > 20) report.push(`……共${problems.length}行有误`);
    throw new AppError('INVALID_INPUT', `有${problems.length}行未通过检查，名录未作任何修改：${report.join('；')}`, { rows: report });
  }
  if (!rows.length) throw new AppError('INVALID_INPUT', '文件里没有单位（表头下面一行起每行一个单位）。');
  return db.$transaction(
    async (tx) => {
      const existing = new Map((await tx.unit.findMany({ select: unitSelect })).map((unit) => [unit.name, unit]));
      let created = 0;
      let updated = 0;
      for (const row of rows) {
        const before = existing.get(row.name);
        const merged = {
          name: row.name,
          kind: row.kind,
          isActive: row.isActive,
          shortNames: [...new Set([...(before?.shortNames ?? []), ...row.shortNames])],
          aliases: [...new Set([...(before?.aliases ?? []), ...row.aliases])],
        };
        if (before) {
          await tx.unit.update({ where: { id: before.id }, data: merged });
          existing.set(row.name, { ...before, ...merged });
          updated++;
        } else {
          const unit = await tx.unit.create({ data: merged, select: unitSelect });
          existing.set(row.name, unit);
          created++;
        }
      }
      // Checked once all rows are in, so two rows may name each other in any order.
      const clash = findNameClash([...existing.values()]);
      if (clash) throw new AppError('INVALID_INPUT', `名录未作任何修改：${clash}`);
      return { created, updated };
    },
    { timeout: 60_000 },
  );
}

export interface UnmatchedSource {
  name: string;
  /** Printed archive items and items being edited that name it. */
  count: number;
}

/**
 * Source names in items and the archive that match no unit (name, 简称 or alias), most used
 * first: what the admin maps onto units so that 采用统计 counts them.
 */
export async function listUnmatchedSources(): Promise<UnmatchedSource[]> {
  const [units, archiveNames, itemSources] = await Promise.all([
    db.unit.findMany({ select: unitSelect }),
    db.$queryRaw<{ name: string; n: number }[]>`
      SELECT u.name, count(*)::int AS n FROM "ArchiveItem" a CROSS JOIN LATERAL unnest(a."sourceUnits") AS u(name) GROUP BY 1`,
    db.$queryRaw<{ sources: string[] }[]>`
      SELECT "sources" FROM "Item" i WHERE cardinality("sources") > 0
        AND NOT EXISTS (SELECT 1 FROM "Issue" s WHERE s."id" = i."issueId" AND s."status" = 'PUBLISHED')`,
  ]);
  const matcher = buildUnitMatcher(units);
  const counts = new Map<string, number>();
  for (const row of archiveNames) counts.set(row.name, (counts.get(row.name) ?? 0) + row.n);
  for (const row of itemSources) for (const name of splitSourceUnits(row.sources)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .filter(([name]) => !matcher.has(name))
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}

/** Maps a source name onto a unit by adding it to the unit's aliases. */
export async function mapSourceName(input: z.output<typeof ZMapSourceName>): Promise<void> {
  await db.$transaction(async (tx) => {
    const units = await tx.unit.findMany({ select: unitSelect });
    const unit = units.find((u) => u.id === input.unitId);
    if (!unit) throw new AppError('NOT_FOUND', '该单位不存在。');
    const owner = buildUnitMatcher(units).match(input.name);
    if (owner !== null) {
      const ownerName = units.find((u) => u.id === owner)!.name;
      throw new AppError('CONFLICT', `“${input.name}”已对应单位“${ownerName}”。`);
    }
    await tx.unit.update({ where: { id: unit.id }, data: { aliases: [...unit.aliases, input.name] } });
  });
}

/** Active units with their names, for the item form's 来源 suggestions. */
export async function listUnitChoices(): Promise<{ id: number; name: string; shortNames: string[]; aliases: string[] }[]> {
  return db.unit.findMany({ where: { isActive: true }, select: { id: true, name: true, shortNames: true, aliases: true }, orderBy: { name: 'asc' } });
}
