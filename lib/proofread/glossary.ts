// The admin's glossary, checked for exact and near misses: a person's title written otherwise
// (市科协党组书记、常务付主席沈洁), a preferred form with one character wrong, a word to avoid.
import type { Finding, GlossaryTerm } from '@/lib/proofread/types';

/** Where a title in front of a name starts: after the last mark that is not 、. */
const TITLE_BOUNDARY = /[，。；：？！“”‘’（）《》\s,.;:!?()]/u;
/** Title words: a prefix ending in one of these is a title, not just any text before the name. */
const TITLE_WORD = /(书记|主席|主任|部长|局长|处长|院长|会长|理事长|秘书长|巡视员|委员|组长|校长|所长|司长|市长|区长|县长|主委|总经理|董事长|馆长|社长|厅长)$/u;

/** Parts of a title a shorter form may use, each a tail of a part of the exact title. */
function isShortFormOf(prefix: string, title: string): boolean {
  const parts = title.split('、');
  let at = 0;
  for (const piece of prefix.split('、')) {
    while (at < parts.length && !(parts[at]!.endsWith(piece) && piece.length >= 2)) at++;
    if (at === parts.length) return false;
    at++;
  }
  return true;
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function* occurrences(text: string, term: string): Generator<number> {
  if (!term) return;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) yield at;
}

function checkPerson(text: string, entry: GlossaryTerm, findings: Finding[]) {
  const title = entry.title ?? '';
  const name = entry.term;
  if (!title) return;
  for (const at of occurrences(text, name)) {
    let start = at;
    while (start > 0 && !TITLE_BOUNDARY.test(text[start - 1]!)) start--;
    const prefix = text.slice(start, at);
    if (!prefix || !TITLE_WORD.test(prefix) || title.endsWith(prefix) || isShortFormOf(prefix, title)) continue;
    // Only a near miss of the exact title (or of its tail as long as what was written) is flagged;
    // a different office entirely (副主席田文、…) is a list of people, not a typo.
    const tail = title.slice(Math.max(0, title.length - prefix.length));
    const distance = Math.min(editDistance(prefix, title), editDistance(prefix, tail));
    if (distance === 0 || distance > Math.max(2, Math.floor(prefix.length / 4))) continue;
    const fix = editDistance(prefix, tail) <= editDistance(prefix, title) ? tail : title;
    findings.push({ rule: 'glossary-person', message: `${name}的职务应为“${title}”`, from: start, to: at, fix });
  }
  // The exact title followed by a name one character off: 市科协党组书记、常务副主席沈杰.
  for (const at of occurrences(text, title)) {
    const after = at + title.length;
    const written = text.slice(after, after + name.length);
    if (written !== name && written.length === name.length && editDistance(written, name) === 1 && /^\p{Script=Han}+$/u.test(written)) {
      findings.push({ rule: 'glossary-person', message: `“${title}”是${name}，不是“${written}”`, from: after, to: after + name.length, fix: name });
    }
  }
}

function checkPreferred(text: string, entry: GlossaryTerm, findings: Finding[]) {
  const term = entry.term;
  for (const variant of entry.variants ?? []) {
    for (const at of occurrences(text, variant)) {
      findings.push({ rule: 'glossary-preferred', message: `应写作“${term}”`, from: at, to: at + variant.length, fix: term });
    }
  }
  if (term.length < 4) return;
  // One character different: either half matches exactly, so look the halves up.
  const half = Math.floor(term.length / 2);
  const seen = new Set<number>();
  const candidates = [
    ...[...occurrences(text, term.slice(0, half))].map((at) => at),
    ...[...occurrences(text, term.slice(half))].map((at) => at - half),
  ];
  for (const at of candidates) {
    if (at < 0 || seen.has(at) || at + term.length > text.length) continue;
    seen.add(at);
    const written = text.slice(at, at + term.length);
    if (written === term || !/^\p{Script=Han}+$/u.test(written)) continue;
    let differences = 0;
    for (let i = 0; i < term.length; i++) if (written[i] !== term[i]) differences++;
    if (differences === 1) findings.push({ rule: 'glossary-preferred', message: `应写作“${term}”`, from: at, to: at + term.length, fix: term });
  }
}

function checkAvoid(text: string, entry: GlossaryTerm, findings: Finding[]) {
  const suggestion = entry.variants?.[0];
  for (const at of occurrences(text, entry.term)) {
    findings.push({
      rule: 'glossary-avoid',
      message: suggestion ? `避免使用“${entry.term}”，可改为“${suggestion}”` : `避免使用“${entry.term}”${entry.note ? `：${entry.note}` : ''}`,
      from: at,
      to: at + entry.term.length,
      ...(suggestion ? { fix: suggestion } : {}),
    });
  }
}

export function checkGlossary(text: string, glossary: readonly GlossaryTerm[]): Finding[] {
  const findings: Finding[] = [];
  for (const entry of glossary) {
    if (entry.kind === 'PERSON') checkPerson(text, entry, findings);
    else if (entry.kind === 'PREFERRED') checkPreferred(text, entry, findings);
    else checkAvoid(text, entry, findings);
  }
  return findings;
}
