// The kinds of unit that send information, with their Chinese labels (also the import's column values).
import type { UnitKind } from '@/lib/generated/prisma/enums';

export type { UnitKind };

export const UNIT_KINDS = ['DISTRICT', 'SOCIETY', 'AFFILIATE', 'DEPARTMENT'] as const satisfies readonly UnitKind[];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  DISTRICT: '区科协',
  SOCIETY: '学会',
  AFFILIATE: '直属单位',
  DEPARTMENT: '机关部门',
};

/** A kind from its label or its code (区科协 or DISTRICT), or null. */
export function parseUnitKind(text: string): UnitKind | null {
  const value = text.trim();
  for (const kind of UNIT_KINDS) if (value === kind || value === UNIT_KIND_LABELS[kind]) return kind;
  return null;
}
