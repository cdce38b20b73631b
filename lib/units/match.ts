// Matching printed source names (（来源单位）) onto the unit catalogue. No database and no React:
// the item form, the source-name mapping screen, the archive and 采用统计 all use these
// functions, so 科技社团服务中心 and 北京科技社团服务中心 are one unit everywhere.
import { splitSourceUnits } from '@/lib/archive/normalize';

export interface MatchableUnit {
  id: number;
  name: string;
  shortNames: readonly string[];
  aliases: readonly string[];
  isActive?: boolean;
}

/**
 * A name as it is compared: NFKC (full-width and half-width forms alike), no white space (a
 * printed line break) and no enclosing brackets. Case is kept: unit names are Chinese.
 */
export function normalizeUnitName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^[（(【[]+|[）)】\]]+$/gu, '');
}

export interface UnitMatcher {
  /** The unit a single printed name stands for (its name, a 简称 or an alias), or null. */
  match(name: string): number | null;
  /** Every name the catalogue already knows, normalised. */
  has(name: string): boolean;
}

/**
 * Builds the lookup once per catalogue. A full name wins over a short name or alias that
 * another unit happens to use, so an ambiguous alias never takes a unit's own name away.
 */
export function buildUnitMatcher(units: readonly MatchableUnit[]): UnitMatcher {
  const byName = new Map<string, number>();
  for (const unit of units) byName.set(normalizeUnitName(unit.name), unit.id);
  const byOther = new Map<string, number>();
  for (const unit of units) {
    for (const other of [...unit.shortNames, ...unit.aliases]) {
      const key = normalizeUnitName(other);
      if (key && !byName.has(key) && !byOther.has(key)) byOther.set(key, unit.id);
    }
  }
  return {
    match(name) {
      const key = normalizeUnitName(name);
      return byName.get(key) ?? byOther.get(key) ?? null;
    },
    has(name) {
      const key = normalizeUnitName(name);
      return byName.has(key) || byOther.has(key);
    },
  };
}

export interface SourceMatch {
  /** Units named, each once, in printed order. */
  unitIds: number[];
  /** Names no unit answers to, each once, in printed order. */
  unmatched: string[];
}

/** The units an item's printed sources name (`['北京科技社团服务中心、平谷区科协']` → two units). */
export function matchSources(sources: readonly string[], matcher: UnitMatcher): SourceMatch {
  const unitIds: number[] = [];
  const unmatched: string[] = [];
  for (const name of splitSourceUnits(sources)) {
    const id = matcher.match(name);
    if (id === null) {
      if (!unmatched.includes(name)) unmatched.push(name);
    } else if (!unitIds.includes(id)) unitIds.push(id);
  }
  return { unitIds, unmatched };
}

/**
 * Units whose name, 简称 or alias contains what was typed, for the item form's 来源 field:
 * names that start with it first, then the rest, active units only, at most `limit`.
 */
export function suggestUnits<U extends MatchableUnit>(typed: string, units: readonly U[], limit = 8): U[] {
  const query = normalizeUnitName(typed);
  if (!query) return [];
  const starts: U[] = [];
  const contains: U[] = [];
  for (const unit of units) {
    if (unit.isActive === false) continue;
    const names = [unit.name, ...unit.shortNames, ...unit.aliases].map(normalizeUnitName);
    if (names.some((name) => name.startsWith(query))) starts.push(unit);
    else if (names.some((name) => name.includes(query))) contains.push(unit);
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * The first unit whose 简称 or alias is another unit's full name, or whose full name is another
 * unit's 简称 or alias (that name would then count for the wrong unit), as a Chinese sentence.
 */
export function findNameClash(units: readonly Omit<MatchableUnit, 'id'>[]): string | null {
  const owners = new Map(units.map((unit) => [normalizeUnitName(unit.name), unit.name]));
  for (const unit of units) {
    for (const other of [...unit.shortNames, ...unit.aliases]) {
      const owner = owners.get(normalizeUnitName(other));
      if (owner && owner !== unit.name) return `“${other}”是单位“${owner}”的全称，不能作为其他单位的简称或别名。`;
    }
  }
  return null;
}
