// The proofreading benchmark's corpora (scripts/bench-proofread.ts, test/proofread.test.ts):
// the published fixture issues as items, the findings on them judged real errors, and a
// generated corpus of injected errors of every kind the proofreader checks.
import { readFixtureIssue } from '@/test/support/issue-fixture';
import type { ProofreadItem } from '@/lib/proofread/check';
import type { GlossaryTerm, RuleId } from '@/lib/proofread/types';

export const FIXTURE_ISSUE_NAMES = ['2023-14.txt', '2023-07.md'] as const;

export function readFixtureItems(name: string): ProofreadItem[] {
  return readFixtureIssue(name).items.map((item) => ({ title: item.title, paragraphs: item.paragraphs }));
}

/**
 * Findings on the published issues that are real errors by the office's own rules, each read by
 * a person: `rule|text found`. Everything else found there counts as a false positive.
 */
export const REAL_ERRORS_IN_FIXTURES: Record<string, string> = {
  // House style: no space between Chinese and digits (the printed PDF set one, the copy kept it).
  'space-in-chinese|2023 数字': '标题“2023 数字乡村发展与合作大会在京召开”中数字与汉字之间的空格',
  'space-in-chinese|共 26': '“共 26 个”',
  'space-in-chinese|26 个': '“共 26 个”',
  'space-in-chinese|等 8': '“等 8 家”',
  'space-in-chinese|8 家': '“等 8 家”',
  'space-in-chinese|区 4': '“4 大板块”',
  'space-in-chinese|4 大': '“4 大板块”',
  'space-in-chinese|开 2023': '“召开 2023 年”',
  'space-in-chinese|2023 年': '“召开 2023 年”',
  'space-in-chinese|协 2.0': '“智慧科协 2.0”',
  'space-in-chinese|糯 336': '“农科糯 336”',
  'space-in-chinese|336 和': '“336 和”',
  'space-in-chinese|玉 368': '“农科玉 368”',
  // A word typed twice in the printed issue.
  'repeated-word|应用协会应用协会': '“北京物联网智能技术应用协会应用协会会长”',
};

/** Whether a finding is one of REAL_ERRORS_IN_FIXTURES: its excerpt covers what was found. */
export function isRealFixtureError(rule: RuleId, text: string, from: number, to: number): boolean {
  const context = text.slice(Math.max(0, from - 4), to + 4);
  return Object.keys(REAL_ERRORS_IN_FIXTURES).some((key) => {
    const [keyRule, excerpt] = key.split('|') as [string, string];
    const at = context.indexOf(excerpt);
    // The excerpt must cover what was found.
    return keyRule === rule && at !== -1 && at <= from - Math.max(0, from - 4) && at + excerpt.length >= to - Math.max(0, from - 4);
  });
}

export const BENCH_GLOSSARY: GlossaryTerm[] = [
  { kind: 'PERSON', term: '沈洁', title: '市科协党组书记、常务副主席' },
  { kind: 'PREFERRED', term: '北京市科学技术协会', variants: ['北京市科技协会'] },
  { kind: 'AVOID', term: '截止目前', variants: ['截至目前'] },
];

/** A small deterministic generator (mulberry32), so the corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface InjectedError {
  kind: string;
  /** The clean text and the text with the error. */
  original: string;
  text: string;
  /** Where the error sits in `text`. */
  from: number;
  to: number;
  /** Whether a one-click fix can restore the original (unpaired marks need a person). */
  isFixable: boolean;
  /** For the ordinal rule: the issue's other item that fixes the form. */
  context?: string;
}

type Injector = (p: string, random: () => number) => Omit<InjectedError, 'kind' | 'original'> | null;

function pick<T>(items: T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

function replaceAt(p: string, at: number, length: number, by: string, isFixable = true) {
  return { text: p.slice(0, at) + by + p.slice(at + length), from: at, to: at + by.length, isFixable };
}

function positions(p: string, pattern: RegExp): RegExpExecArray[] {
  return [...p.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))];
}

const INJECTORS: Record<string, Injector> = {
  'halfwidth-comma': (p, r) => {
    const m = pick(positions(p, /(?<=\p{Script=Han})，(?=\p{Script=Han})/u), r);
    return m ? replaceAt(p, m.index, 1, ',') : null;
  },
  'halfwidth-stop': (p, r) => {
    const m = pick(positions(p, /(?<=\p{Script=Han})。/u), r);
    return m ? replaceAt(p, m.index, 1, '.') : null;
  },
  'halfwidth-colon': (p, r) => {
    const m = pick(positions(p, /(?<=\p{Script=Han})[：；]/u), r);
    return m ? replaceAt(p, m.index, 1, m[0] === '：' ? ':' : ';') : null;
  },
  'halfwidth-brackets': (p, r) => {
    const m = pick(positions(p, /（[^（）]{1,20}）/u), r);
    return m ? { text: p.slice(0, m.index) + '(' + m[0].slice(1, -1) + ')' + p.slice(m.index + m[0].length), from: m.index, to: m.index + m[0].length, isFixable: true } : null;
  },
  'halfwidth-quotes': (p, r) => {
    const m = pick(positions(p, /“[^“”]{1,20}”/u), r);
    return m ? { text: p.slice(0, m.index) + '"' + m[0].slice(1, -1) + '"' + p.slice(m.index + m[0].length), from: m.index, to: m.index + m[0].length, isFixable: true } : null;
  },
  'space-between-han': (p, r) => {
    const m = pick(positions(p, /(?<=\p{Script=Han})(?=\p{Script=Han})/u), r);
    return m && !/[“《]/u.test(p.slice(0, m.index)) ? replaceAt(p, m.index, 0, ' ') : null;
  },
  'space-in-date': (p, r) => {
    const m = pick(positions(p, /\d{1,2}月\d{1,2}日/u), r);
    return m ? replaceAt(p, m.index, m[0].length, m[0].replace(/(\d+)月(\d+)日/u, '$1 月 $2 日')) : null;
  },
  'unpaired-quote': (p, r) => {
    const m = pick(positions(p, /”/u), r);
    return m ? { ...replaceAt(p, m.index, 1, '', false), from: p.lastIndexOf('“', m.index), to: p.lastIndexOf('“', m.index) + 1 } : null;
  },
  'unpaired-title-mark': (p, r) => {
    const m = pick(positions(p, /》/u), r);
    return m ? { ...replaceAt(p, m.index, 1, '', false), from: p.lastIndexOf('《', m.index), to: p.lastIndexOf('《', m.index) + 1 } : null;
  },
  'repeated-particle': (p, r) => {
    const m = pick(positions(p, /(?<=\p{Script=Han})[的了在和是](?=\p{Script=Han})/u), r);
    if (!m || p[m.index - 1] === m[0] || p[m.index + 1] === m[0] || /目的|为了|不了|除了|实在/u.test(p.slice(m.index - 1, m.index + 2))) return null;
    return replaceAt(p, m.index, 1, m[0] + m[0]);
  },
  'repeated-word': (p, r) => {
    const m = pick(positions(p, /(?<=[，。])\p{Script=Han}{2}/u), r);
    return m ? replaceAt(p, m.index, 2, m[0] + m[0]) : null;
  },
  'date-dot': (p, r) => {
    const m = pick(positions(p, /(?<!\d)(\d{1,2})月(\d{1,2})日(?=\p{Script=Han}|，)/u), r);
    return m ? replaceAt(p, m.index, m[0].length, `${m[1]}.${m[2]}`) : null;
  },
  'date-iso': (p, r) => {
    const m = pick(positions(p, /(\d{4})年(\d{1,2})月(\d{1,2})日/u), r);
    return m ? replaceAt(p, m.index, m[0].length, `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : null;
  },
  'year-space': (p, r) => {
    const m = pick(positions(p, /(\d{4})年/u), r);
    return m ? replaceAt(p, m.index, m[0].length, `${m[1]} 年`) : null;
  },
  'fullwidth-digits': (p, r) => {
    const m = pick(positions(p, /(?<!\d)\d{1,3}(?!\d)/u), r);
    return m ? replaceAt(p, m.index, m[0].length, [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')) : null;
  },
};

/** Errors whose clean form must first be put into the text (…… and —— are rare in the fixtures). */
const SENTENCE_INJECTORS: Record<string, [clean: (p: string, at: number) => string, broken: string, cleanMark: string]> = {
  'ellipsis-dots': [(p, at) => p.slice(0, at) + '等……' + p.slice(at), '...', '……'],
  'ellipsis-single': [(p, at) => p.slice(0, at) + '等……' + p.slice(at), '…', '……'],
  'dash-hyphens': [(p, at) => p.slice(0, at) + '——' + p.slice(at + 1), '--', '——'],
  'dash-single': [(p, at) => p.slice(0, at) + '——' + p.slice(at + 1), '—', '——'],
};

/** At least `count` injected errors, spread over the kinds, in paragraphs of the fixture issues. */
export function generateInjectedCorpus(paragraphs: readonly string[], count: number, seed = 18): InjectedError[] {
  const random = seededRandom(seed);
  const corpus: InjectedError[] = [];
  const kinds = [...Object.keys(INJECTORS), ...Object.keys(SENTENCE_INJECTORS), 'source-brackets', 'glossary-person', 'glossary-preferred', 'number-consistency'];
  let attempts = 0;
  while (corpus.length < count && attempts < count * 50) {
    attempts++;
    const kind = kinds[attempts % kinds.length]!;
    const p = pick([...paragraphs], random)!;
    if (kind in INJECTORS) {
      const injected = INJECTORS[kind]!(p, random);
      if (injected) corpus.push({ kind, original: p, ...injected });
    } else if (kind in SENTENCE_INJECTORS) {
      const [clean, broken, mark] = SENTENCE_INJECTORS[kind]!;
      const m = pick(positions(p, /(?<=\p{Script=Han}{2})，(?=\p{Script=Han})/u), random);
      if (!m) continue;
      const original = clean(p, m.index);
      const at = original.indexOf(mark, m.index);
      corpus.push({ kind, original, ...replaceAt(original, at, mark.length, broken) });
    } else if (kind === 'source-brackets') {
      const unit = pick(['怀柔区科协', '北京安全技术学会', '科普部、科技社团服务中心', '密云区科协'], random)!;
      const base = p.replace(/[。！？]?$/u, '。');
      corpus.push({ kind, original: `${base}（${unit}）`, text: `${base}(${unit})`, from: base.length, to: base.length + unit.length + 2, isFixable: true });
    } else if (kind === 'glossary-person') {
      const wrong = pick(['市科协党组书记、常务付主席', '市科协党组书记、长务副主席', '市科协党组书纪、常务副主席'], random)!;
      const at = p.indexOf('，');
      if (at === -1) continue;
      const original = `${p.slice(0, at)}，市科协党组书记、常务副主席沈洁出席${p.slice(at)}`;
      const text = `${p.slice(0, at)}，${wrong}沈洁出席${p.slice(at)}`;
      corpus.push({ kind, original, text, from: at + 1, to: at + 1 + wrong.length, isFixable: true });
    } else if (kind === 'glossary-preferred') {
      const wrong = pick(['北京市科学枝术协会', '北京市科学技术协汇', '北京市科技协会'], random)!;
      const at = p.indexOf('，');
      if (at === -1) continue;
      const original = `${p.slice(0, at)}，北京市科学技术协会${p.slice(at)}`;
      const text = `${p.slice(0, at)}，${wrong}${p.slice(at)}`;
      corpus.push({ kind, original, text, from: at + 1, to: at + 1 + wrong.length, isFixable: true });
    } else if (kind === 'number-consistency') {
      const n = 2 + Math.floor(random() * 20);
      const chinese = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一'][n]!;
      const at = p.indexOf('，');
      if (at === -1) continue;
      const original = `${p.slice(0, at)}，第${chinese}届论坛开幕${p.slice(at)}`;
      const text = `${p.slice(0, at)}，第${n}届论坛开幕${p.slice(at)}`;
      corpus.push({ kind, original, text, from: at + 2, to: at + 2 + String(n).length, isFixable: true, context: `第${chinese}届论坛在京举行。` });
    }
  }
  return corpus;
}
