// Likely duplicates among 来稿: the same text sent by two units, or by one unit twice, with small
// edits. Texts are compared as the archive search compares them (lib/archive/normalize.ts: NFKC,
// lower case, no white space) by their sets of adjacent character pairs — the archive index's
// keys — with the Dice coefficient. Candidates are found first by a few probes: stretches of the
// text that a copy keeps. No database here: unit-tested directly.
import { normalizeSearchText } from '@/lib/archive/normalize';

/** Above this share of common character pairs two texts are flagged as likely the same. */
export const DUPLICATE_THRESHOLD = 0.6;

const PROBE_LENGTH = 12;
const PROBE_COUNT = 4;

function characterPairs(text: string): Set<string> {
  const chars = Array.from(normalizeSearchText(text));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  return pairs;
}

/** Dice coefficient of the two texts' character-pair sets: 1 for the same text, 0 for nothing shared. */
export function textSimilarity(a: string, b: string): number {
  const x = characterPairs(a);
  const y = characterPairs(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

/**
 * A few stretches of the normalised text, spread over it, that a copy of it would likely still
 * contain verbatim (at least one of them, after small edits elsewhere).
 */
export function duplicateProbes(text: string): string[] {
  const chars = Array.from(normalizeSearchText(text));
  if (chars.length < PROBE_LENGTH) return chars.length ? [chars.join('')] : [];
  const probes = new Set<string>();
  const last = chars.length - PROBE_LENGTH;
  for (let i = 0; i < PROBE_COUNT; i++) {
    const start = Math.round((last * i) / Math.max(1, PROBE_COUNT - 1));
    probes.add(chars.slice(start, start + PROBE_LENGTH).join(''));
  }
  return [...probes];
}
