// The proofreader: every rule over an item's title, subtitle and paragraphs, and over an issue
// (ordinals written the same way in every item). Pure and synchronous, for the editor, the
// issue page, the CLI and the benchmark alike.
import { layoutTitle } from '@/lib/layout/title';
import { checkGlossary } from '@/lib/proofread/glossary';
import {
  checkDates,
  checkEllipsisDash,
  checkHalfwidthPunctuation,
  checkNumbers,
  checkPairs,
  checkRepeats,
  checkSourceAtEnd,
  checkSpaces,
  convertOrdinal,
  findOrdinals,
} from '@/lib/proofread/text-rules';
import type { Finding, GlossaryTerm, ItemField, ItemFinding } from '@/lib/proofread/types';

export interface CheckOptions {
  glossary?: readonly GlossaryTerm[];
}

/** Every text rule over one piece of text; findings in text order, one per place and rule. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  if (!text.trim()) return [];
  const findings = [
    ...checkHalfwidthPunctuation(text),
    ...checkSpaces(text),
    ...checkPairs(text),
    ...checkRepeats(text),
    ...checkEllipsisDash(text),
    ...checkDates(text),
    ...checkNumbers(text),
    ...(options.glossary?.length ? checkGlossary(text, options.glossary) : []),
  ];
  return dedupe(findings);
}

/** The paragraphs of a body (or of a file): the text rules on each, the source rule on the last. */
export function checkParagraphs(paragraphs: readonly string[], options: CheckOptions = {}): Finding[][] {
  const results = paragraphs.map((p) => checkText(p, options));
  const last = paragraphs.findLastIndex((p) => p.trim() !== '');
  if (last !== -1) results[last] = dedupe([...results[last]!, ...checkSourceAtEnd(paragraphs[last]!)]);
  return results;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .filter((f) => {
      const key = `${f.rule}:${f.from}:${f.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export interface ProofreadItem {
  title: string;
  subtitle?: string;
  paragraphs: readonly string[];
}

/** A key for a finding that survives edits elsewhere: the rule and the text around it. */
export function findingKey(rule: string, text: string, from: number, to: number): string {
  return `${rule}|${text.slice(Math.max(0, from - 6), from)}[${text.slice(from, to)}]${text.slice(to, to + 6)}`;
}

function toItemFindings(findings: Finding[], field: ItemField, paragraph: number, text: string): ItemFinding[] {
  return findings.map((f) => ({ ...f, field, paragraph, excerpt: text.slice(f.from, f.to), key: findingKey(f.rule, text, f.from, f.to) }));
}

/** The title's own rules: at most two printed lines, no closing full stop. */
export function checkTitle(title: string): Finding[] {
  const findings: Finding[] = [];
  const lines = layoutTitle(title);
  if (lines.length > 2) {
    findings.push({ rule: 'title-length', message: `标题印出来有${lines.length}行，应在两行以内`, from: 0, to: title.length });
  }
  const end = /[。，；：、.,;:]+$/u.exec(title.trimEnd());
  if (end) findings.push({ rule: 'title-punctuation', message: '标题末尾不加标点', from: end.index, to: end.index + end[0].length, fix: '' });
  return findings;
}

export function checkItem(item: ProofreadItem, options: CheckOptions = {}): ItemFinding[] {
  const subtitle = item.subtitle ?? '';
  // A title that prints on two lines may hold its break as a space (as imported, or copied
  // from a list): that space is where the line breaks, not a stray one.
  const isTwoLineTitle = layoutTitle(item.title).length > 1;
  const titleFindings = checkText(item.title, options).filter(
    (f) => !(isTwoLineTitle && f.rule === 'space-in-chinese' && item.title.slice(f.from, f.to) === ' '),
  );
  return [
    ...toItemFindings(dedupe([...titleFindings, ...checkTitle(item.title)]), 'title', 0, item.title),
    ...toItemFindings(checkText(subtitle, options), 'subtitle', 0, subtitle),
    ...checkParagraphs(item.paragraphs, options).flatMap((findings, i) => toItemFindings(findings, 'body', i, item.paragraphs[i]!)),
  ];
}

function fieldText(item: ProofreadItem, field: ItemField, paragraph: number): string {
  return field === 'title' ? item.title : field === 'subtitle' ? (item.subtitle ?? '') : field === 'body' ? (item.paragraphs[paragraph] ?? '') : '';
}

/**
 * An issue's items, each with its own findings and those that need the whole issue: ordinals
 * with the same counter word written both ways (第十三届 and 第13届). The form used first in
 * the issue is the one to keep.
 */
export function checkIssue(items: readonly ProofreadItem[], options: CheckOptions = {}): ItemFinding[][] {
  const results = items.map((item) => checkItem(item, options));
  const firstForm = new Map<string, boolean>();
  const places: { item: number; field: ItemField; paragraph: number; ordinal: ReturnType<typeof findOrdinals>[number] }[] = [];
  items.forEach((item, index) => {
    const fields: [ItemField, number, string][] = [
      ['title', 0, item.title],
      ['subtitle', 0, item.subtitle ?? ''],
      ...item.paragraphs.map((p, i): [ItemField, number, string] => ['body', i, p]),
    ];
    for (const [field, paragraph, text] of fields) {
      for (const ordinal of findOrdinals(text)) {
        if (!firstForm.has(ordinal.counter)) firstForm.set(ordinal.counter, ordinal.isArabic);
        places.push({ item: index, field, paragraph, ordinal });
      }
    }
  });
  for (const { item, field, paragraph, ordinal } of places) {
    const keep = firstForm.get(ordinal.counter)!;
    if (ordinal.isArabic === keep) continue;
    const fix = convertOrdinal(ordinal);
    const text = fieldText(items[item]!, field, paragraph);
    const finding: Finding = {
      rule: 'number-consistency',
      message: `本期“第…${ordinal.counter}”${keep ? '用阿拉伯数字' : '用汉字'}，此处应为“第${fix}${ordinal.counter}”`,
      from: ordinal.from,
      to: ordinal.to,
      fix,
    };
    results[item]!.push(...toItemFindings([finding], field, paragraph, text));
  }
  return results;
}

/** Applies fixes (non-overlapping, any order) to one text. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  let out = text;
  let lastFrom = Infinity;
  for (const f of [...findings].filter((x) => x.fix !== undefined).sort((a, b) => b.from - a.from)) {
    if (f.to > lastFrom) continue;
    out = out.slice(0, f.from) + f.fix + out.slice(f.to);
    lastFrom = f.from;
  }
  return out;
}
