// Normalisation shared by the archive's indexing, its search queries, the highlighting of
// matches and the 信息采用统计. No database and no React here: unit-tested directly.

/**
 * Text as the search compares it: NFKC (full-width ＡＢＣ１２３ and half-width forms alike),
 * lower case, and no white space at all — text read from a printed PDF carries spaces where a
 * line broke (`共 26 个`, `嘉年华暨 云岗`), which a person searching never types.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Separates the fields in `searchText`, so that no match spans two of them (never typed: a control character). */
export const FIELD_SEPARATOR = '\u0001';

export interface SearchableItem {
  title: string;
  subtitle: string | null;
  bodyText: string;
  sources: readonly string[];
}

/** The `searchText` column of an archive item: title, subtitle, text and sources. */
export function buildSearchText(item: SearchableItem): string {
  return [item.title, item.subtitle ?? '', item.bodyText, item.sources.join('、')].map(normalizeSearchText).join(FIELD_SEPARATOR);
}

/** Separators between units in one source line: `北京科技社团服务中心、平谷区科协`. */
const UNIT_SEPARATORS = /[、，,；;／/]+/u;

/**
 * 来源单位 for the statistics: every unit named in the sources, once, in printed order, each
 * trimmed, without white space inside (a PDF line break) and without enclosing brackets.
 * `['北京科技社团服务中心、平谷区科协']` and `['北京科技社团服务中心', '平谷区科协']` give the same.
 */
export function splitSourceUnits(sources: readonly string[]): string[] {
  const units: string[] = [];
  for (const source of sources) {
    for (const part of source.normalize('NFC').split(UNIT_SEPARATORS)) {
      const unit = part.replace(/\s+/gu, '').replace(/^[（(【[]+|[）)】\]]+$/gu, '');
      if (unit && !units.includes(unit)) units.push(unit);
    }
  }
  return units;
}

export const MAX_QUERY_TERMS = 5;

/**
 * The terms of a query: separated by white space, all of them must match (AND). Each term is
 * normalised as the indexed text is; empty and repeated terms are dropped.
 */
export function parseSearchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of query.split(/\s+/u)) {
    const term = normalizeSearchText(word).replaceAll(FIELD_SEPARATOR, '');
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, MAX_QUERY_TERMS);
}

/**
 * What the index is asked for: a one-character term by that character, a longer one by each
 * pair of adjacent characters (all of which a matching text must hold). Characters are code
 * points, as PostgreSQL counts them.
 */
export function termGrams(terms: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const term of terms) {
    const chars = Array.from(term);
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/** A LIKE pattern that finds the term anywhere (its own % _ \ taken literally). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface TextSegment {
  text: string;
  isMatch: boolean;
}

/**
 * Where the terms occur in an original (unnormalised) text, as the search sees it: each
 * character is normalised on its own and white space is skipped, so `嘉年华暨云岗` is found in
 * `嘉年华暨 云岗` and `２０２３` by `2023`. Returns [start, end) ranges in UTF-16 offsets, merged.
 */
export function findMatchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (!terms.length || !text) return [];
  let normalized = '';
  // For every UTF-16 unit of `normalized`: the original range of the character it came from.
  const origins: [number, number][] = [];
  for (let offset = 0; offset < text.length; ) {
    const code = text.codePointAt(offset)!;
    const length = code > 0xffff ? 2 : 1;
    const next = offset + length;
    // Most characters are their own normal form (CJK ideographs, lower-case ASCII, digits);
    // only the others go through normalize(), which is slow called once per character.
    const form =
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
        ? String.fromCharCode(code)
        : normalizeSearchText(text.slice(offset, next));
    for (let k = 0; k < form.length; k++) origins.push([offset, next]);
    normalized += form;
    offset = next;
  }
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = normalized.indexOf(term); at !== -1; at = normalized.indexOf(term, at + term.length)) {
      ranges.push([origins[at]![0], origins[at + term.length - 1]![1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The text cut into plain and matching segments, for rendering with <mark>. */
export function highlightText(text: string, terms: readonly string[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const [start, end] of findMatchRanges(text, terms)) {
    if (start > position) segments.push({ text: text.slice(position, start), isMatch: false });
    segments.push({ text: text.slice(start, end), isMatch: true });
    position = end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), isMatch: false });
  return segments;
}

/**
 * A short excerpt of the text around its first match (or its beginning), with the matches
 * highlighted; line breaks become spaces.
 */
export function excerptAround(text: string, terms: readonly string[], options: { before?: number; length?: number } = {}): TextSegment[] {
  const { before = 30, length = 110 } = options;
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const first = findMatchRanges(flat, terms)[0];
  const start = first ? Math.max(0, first[0] - before) : 0;
  const end = Math.min(flat.length, start + length);
  const segments = highlightText(flat.slice(start, end), terms);
  if (start > 0) segments.unshift({ text: '…', isMatch: false });
  if (end < flat.length) segments.push({ text: '…', isMatch: false });
  return segments;
}
