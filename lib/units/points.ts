// 采用统计 per unit: periods, point rules and the tally with rank. Pure (no database, no React),
// so the exact points are unit-tested here and in test/unit-adoption.test.ts.
//
// Points are kept in hundredths (integers) because the rules are Decimal(6,2): 0.5 + 0.5 + 1
// must be exactly 2, not 1.9999999.

export interface PointRules {
  /** YYYY-MM-DD: the rules count for issues dated on or after this day (until the next version). */
  effectiveFrom: string;
  singleAdoption: number;
  mergedAdoption: number;
  requestBonus: number;
  instructionBonus: number;
}

/** The office's rules when the admin has set none: 单独采用 1, 综合采用 0.5, 约稿采用 +1, 领导批示 +2. */
export const DEFAULT_POINT_RULES: PointRules = {
  effectiveFrom: '1900-01-01',
  singleAdoption: 1,
  mergedAdoption: 0.5,
  requestBonus: 1,
  instructionBonus: 2,
};

export const POINT_RULE_LABELS = {
  singleAdoption: '单独采用',
  mergedAdoption: '综合采用',
  requestBonus: '约稿采用加分',
  instructionBonus: '领导批示加分',
} as const satisfies Record<Exclude<keyof PointRules, 'effectiveFrom'>, string>;

export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** `2.5`, `1`, `0.25`: points as the tables print them. */
export function formatPoints(hundredths: number): string {
  return String(hundredths / 100);
}

/** The rules in effect on a date: the latest version effective on or before it, else the defaults. */
export function rulesOn(date: string, ruleSets: readonly PointRules[]): PointRules {
  let found: PointRules | null = null;
  for (const rules of ruleSets) {
    if (rules.effectiveFrom <= date && (!found || rules.effectiveFrom > found.effectiveFrom)) found = rules;
  }
  return found ?? DEFAULT_POINT_RULES;
}

// ---------------------------------------------------------------------------------------
// Periods

export interface AdoptionPeriod {
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
  /** 2023年、2023年第二季度、2023年3月1日至2023年5月31日 */
  label: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function chineseDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function yearPeriod(year: number): AdoptionPeriod {
  return { from: isoDay(year, 1, 1), to: isoDay(year, 12, 31), label: `${year}年` };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): AdoptionPeriod {
  const lastDay = [31, 30, 30, 31][quarter - 1]!;
  return {
    from: isoDay(year, quarter * 3 - 2, 1),
    to: isoDay(year, quarter * 3, lastDay),
    label: `${year}年第${QUARTER_NAMES[quarter - 1]}季度`,
  };
}

export function customPeriod(from: string, to: string): AdoptionPeriod {
  const [first, last] = from <= to ? [from, to] : [to, from];
  return { from: first, to: last, label: `${chineseDay(first)}至${chineseDay(last)}` };
}

// ---------------------------------------------------------------------------------------
// The tally

export interface TallyUnit {
  id: number;
  name: string;
}

export interface TallyInput {
  /** The units that get a row (the active catalogue), in any order. */
  units: readonly TallyUnit[];
  /** 报送: submissions each unit created in the period. */
  submitted: ReadonlyMap<number, number>;
  /** Adopted submissions whose item is in a published issue dated in the period. */
  adoptions: readonly { unitId: number; isMerged: boolean; isRequested: boolean; issueDate: string; count: number }[];
  /** 领导批示 on items printed in the period, each with the units it credits. */
  instructions: readonly { unitIds: readonly number[]; issueDate: string }[];
  ruleSets: readonly PointRules[];
}

export interface UnitAdoptionRow {
  unitId: number;
  unit: string;
  submitted: number;
  single: number;
  merged: number;
  /** 约稿采用: adopted submissions that answered a 约稿. */
  requested: number;
  instructions: number;
  /** (单独采用 + 综合采用) / 报送, or null when nothing was sent. */
  rate: number | null;
  /** In hundredths. */
  points: number;
  /** 1 for the most points; equal points share a rank (1, 2, 2, 4). */
  rank: number;
}

const collator = new Intl.Collator('zh-CN');

export function tallyAdoption(input: TallyInput): UnitAdoptionRow[] {
  const rows = new Map<number, UnitAdoptionRow>();
  for (const unit of input.units) {
    rows.set(unit.id, {
      unitId: unit.id,
      unit: unit.name,
      submitted: input.submitted.get(unit.id) ?? 0,
      single: 0,
      merged: 0,
      requested: 0,
      instructions: 0,
      rate: null,
      points: 0,
      rank: 0,
    });
  }
  for (const adoption of input.adoptions) {
    const row = rows.get(adoption.unitId);
    if (!row) continue;
    const rules = rulesOn(adoption.issueDate, input.ruleSets);
    const base = toHundredths(adoption.isMerged ? rules.mergedAdoption : rules.singleAdoption);
    if (adoption.isMerged) row.merged += adoption.count;
    else row.single += adoption.count;
    row.points += base * adoption.count;
    if (adoption.isRequested) {
      row.requested += adoption.count;
      row.points += toHundredths(rules.requestBonus) * adoption.count;
    }
  }
  for (const instruction of input.instructions) {
    const bonus = toHundredths(rulesOn(instruction.issueDate, input.ruleSets).instructionBonus);
    for (const unitId of new Set(instruction.unitIds)) {
      const row = rows.get(unitId);
      if (!row) continue;
      row.instructions += 1;
      row.points += bonus;
    }
  }
  const sorted = [...rows.values()];
  for (const row of sorted) row.rate = row.submitted ? (row.single + row.merged) / row.submitted : null;
  sorted.sort(
    (a, b) => b.points - a.points || b.single + b.merged - (a.single + a.merged) || b.submitted - a.submitted || collator.compare(a.unit, b.unit),
  );
  sorted.forEach((row, i) => {
    const previous = sorted[i - 1];
    row.rank = previous && previous.points === row.points ? previous.rank : i + 1;
  });
  return sorted;
}

/** 采用率 as printed: `50%`, `33.3%`, `—` when nothing was sent. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** The period a query names: from–to when both are given, else a quarter of a year, else the year. */
export function resolveAdoptionPeriod(query: { year?: number; quarter?: '1' | '2' | '3' | '4'; from?: string; to?: string }, defaultYear: number): AdoptionPeriod {
  if (query.from && query.to) return customPeriod(query.from, query.to);
  const year = query.year ?? defaultYear;
  return query.quarter ? quarterPeriod(year, Number(query.quarter) as 1 | 2 | 3 | 4) : yearPeriod(year);
}
