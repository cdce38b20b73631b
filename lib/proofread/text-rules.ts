// The rules that read one piece of text (a paragraph, a title): GB/T 15834 punctuation, spaces,
// pairs, repetitions, ellipsis and dash, dates and numbers (GB/T 15835). Each returns findings
// with offsets into that text; `fix`, when present, replaces text[from, to).
import { isChinese, isDigit, isHan, isLatin, isSpace, isZhPunctuation, nextVisible, previousVisible } from '@/lib/proofread/chars';
import { chineseToNumber, numberToChinese } from '@/lib/proofread/numerals';
import type { Finding } from '@/lib/proofread/types';

const FULLWIDTH: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Half-width ，。：；？！（）“” in Chinese text. Decimals (3.5), times (10:30) and 1,000 stay. */
export function checkHalfwidthPunctuation(text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (from: number, mark: string, fix: string) =>
    findings.push({ rule: 'halfwidth-punctuation', message: `中文中应使用全角标点“${fix}”，不用半角“${mark}”`, from, to: from + 1, fix });
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!',.:;?!'.includes(c)) continue;
    const before = text[i - 1];
    const after = nextVisible(text, i + 1).ch;
    if (isDigit(before) && isDigit(text[i + 1])) continue; // 3.5, 10:30, 1,000, 8.9 (dates: date-form)
    if (c === '.' && (text[i + 1] === '.' || before === '.')) continue; // ... is the ellipsis rule's
    const chineseBefore = isHan(before) || isZhPunctuation(before);
    const chineseAfter = isHan(after);
    const isChineseContext =
      c === ',' || c === ';' ? chineseBefore || chineseAfter : c === '.' ? isHan(before) && (after === undefined || isChinese(after)) : isHan(before);
    if (isChineseContext) add(i, c, FULLWIDTH[c]!);
  }
  // Brackets: a pair whose content or surroundings are Chinese.
  for (let i = text.indexOf('('); i !== -1; i = text.indexOf('(', i + 1)) {
    const close = text.indexOf(')', i + 1);
    const inner = close === -1 ? '' : text.slice(i + 1, close);
    // Latin in brackets after Latin ("Zoom (online)") is English and stays as it is.
    if (!/\p{Script=Han}/u.test(inner) && !isHan(previousVisible(text, i))) continue;
    add(i, '(', '（');
    if (close !== -1) add(close, ')', '）');
  }
  // Straight double quotes in Chinese text: alternately opening and closing.
  const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
  if (quotes.some((q) => isHan(previousVisible(text, q)) || isHan(nextVisible(text, q + 1).ch))) {
    quotes.forEach((q, n) => add(q, '"', n % 2 === 0 ? '“' : '”'));
  }
  return findings.sort((a, b) => a.from - b.from);
}

function spanInside(text: string, index: number, open: string, close: string): boolean {
  const lastOpen = text.lastIndexOf(open, index);
  return lastOpen !== -1 && text.lastIndexOf(close, index) < lastOpen && text.indexOf(close, index) !== -1;
}

/**
 * Spaces between Chinese characters, or between Chinese and digits or Latin letters (official
 * documents set none; PDF copies leave them: "8 月 9 日"). A space between two phrases of a
 * slogan inside quotes or 《》 ("科技赋能 共建数字乡村合作新生态") is the office's own usage.
 */
export function checkSpaces(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(/[ \t\u00a0\u3000]+/g)) {
    const from = m.index;
    const to = from + m[0].length;
    const a = text[from - 1];
    const b = text[to];
    if (a === undefined || b === undefined || a === '\n' || b === '\n') continue;
    const chineseA = isChinese(a);
    const chineseB = isChinese(b);
    const westernA = isDigit(a) || isLatin(a);
    const westernB = isDigit(b) || isLatin(b);
    if (!((chineseA && (chineseB || westernB)) || (westernA && chineseB))) continue;
    if (isHan(a) && isHan(b) && (spanInside(text, from, '“', '”') || spanInside(text, from, '《', '》'))) continue;
    // The masthead's "2023年 第14期".
    if (a === '年' && /^第\d+期/.test(text.slice(to))) continue;
    const what = isDigit(a) || isDigit(b) ? '中文与数字之间' : isLatin(a) || isLatin(b) ? '中文与字母之间' : isZhPunctuation(a) || isZhPunctuation(b) ? '标点前后' : '汉字之间';
    findings.push({ rule: 'space-in-chinese', message: `${what}不应有空格`, from, to, fix: '' });
  }
  return findings;
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '〈': '〉', '「': '」' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Quotes, brackets and 书名号 that open without closing or close without opening. */
export function checkPairs(text: string): Finding[] {
  const findings: Finding[] = [];
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (PAIRS[c]) stack.push({ ch: c, at: i });
    else if (CLOSERS.has(c)) {
      const open = CLOSERS.get(c)!;
      const index = stack.findLastIndex((s) => s.ch === open);
      if (index === -1) {
        findings.push({ rule: 'unpaired-mark', message: `“${c}”没有对应的“${open}”`, from: i, to: i + 1 });
      } else {
        for (const unclosed of stack.splice(index).slice(1)) {
          findings.push({ rule: 'unpaired-mark', message: `“${unclosed.ch}”没有对应的“${PAIRS[unclosed.ch]}”`, from: unclosed.at, to: unclosed.at + 1 });
        }
      }
    }
  }
  for (const unclosed of stack) {
    findings.push({ rule: 'unpaired-mark', message: `“${unclosed.ch}”没有对应的“${PAIRS[unclosed.ch]}”`, from: unclosed.at, to: unclosed.at + 1 });
  }
  return findings.sort((a, b) => a.from - b.from);
}

/** Function words that never stand twice in a row… */
const PARTICLES = '的了是在和与及对将把被为也都就而并向从于其之已由着';
/** …except in these words (the doubled pair with what surrounds it). */
const DOUBLED_EXCEPTIONS = [
  '目的的', '的的确', '为了了', '不了了', '除了了', '了了之', '是是非', '实实在在', '在在是', '和和美',
  '合并并', '一并并', '尤其其', '总之之', '之之乎',
];
/** Reduplicated verbs and adjectives (ABAB) that are correct. */
const ABAB_EXCEPTIONS = new Set([
  '研究', '讨论', '商量', '学习', '考虑', '介绍', '休息', '锻炼', '活动', '了解', '比较', '检查', '收拾', '打扫',
  '雪白', '通红', '笔直', '碧绿', '火红', '冰凉', '滚烫', '谢谢', '哈哈', '呵呵',
]);

/** 的的, 了了, 进行进行: a function word or a word typed twice. 谢谢, 常常, 人人 are words. */
export function checkRepeats(text: string): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c !== text[i - 1] || !PARTICLES.includes(c) || text[i + 1] === c) continue;
    const window = text.slice(Math.max(0, i - 3), i + 3);
    if (DOUBLED_EXCEPTIONS.some((w) => window.includes(w) && isDoubleInside(text, i, w, c))) continue;
    findings.push({ rule: 'repeated-word', message: `“${c}${c}”重复，应删去一个“${c}”`, from: i - 1, to: i + 1, fix: c });
  }
  for (const m of text.matchAll(/(\p{Script=Han})\1{2,}/gu)) {
    if (/[哈呵嘻啦]/u.test(m[1]!)) continue;
    findings.push({ rule: 'repeated-word', message: `“${m[1]}”连续出现${m[0].length}次`, from: m.index, to: m.index + m[0].length, fix: m[1]!.repeat(2) });
  }
  for (const m of text.matchAll(/(\p{Script=Han}{2,6})\1/gu)) {
    const word = m[1]!;
    if (ABAB_EXCEPTIONS.has(word) || /^一[步点天年次批个件位份层把]$/u.test(word) || word[0] === word[1]) continue;
    findings.push({ rule: 'repeated-word', message: `“${word}”重复`, from: m.index, to: m.index + m[0].length, fix: word });
  }
  return findings;
}

function isDoubleInside(text: string, i: number, word: string, c: string): boolean {
  // The exception word must cover the doubled pair at i-1, i.
  for (let start = Math.max(0, i - word.length); start <= i; start++) {
    if (text.startsWith(word, start) && start <= i - 1 && start + word.length >= i + 1 && word.includes(c + c)) return true;
  }
  return false;
}

/** …… and —— (two characters each); "...", "。。。", "…", "--", "—" between Chinese. */
export function checkEllipsisDash(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(/\.{3,}|。{3,}|…+|·{3,}|\.{2}(?=\p{Script=Han})/gu)) {
    if (m[0] === '……') continue;
    findings.push({ rule: 'ellipsis-dash', message: `省略号应为“……”，不用“${m[0]}”`, from: m.index, to: m.index + m[0].length, fix: '……' });
  }
  for (const m of text.matchAll(/[—―－–-]+/g)) {
    const run = m[0];
    if (run === '——') continue;
    const before = text[m.index - 1];
    const after = text[m.index + run.length];
    const chineseAround = isChinese(before) || isChinese(after) || before === undefined;
    if (run.length === 1) {
      // A hyphen or a range (2023—2025年, 8—10月) is fine; a lone long dash between Chinese is not.
      if (run === '-' || run === '–' || !isHan(before) || !isChinese(after)) continue;
    } else if (!chineseAround) continue;
    findings.push({ rule: 'ellipsis-dash', message: `破折号应为“——”，不用“${run}”`, from: m.index, to: m.index + run.length, fix: '——' });
  }
  return findings;
}

/** Characters after a decimal that make it a quantity, not a date (3.5亿, 8.9%). */
const UNITS = '亿万千百十元角分米倍个岁秒克吨度里亩人次家项件场篇名位余多级寸斤两公平立%‰℃';

/** Dates as 8月9日 and 2023年: not 8.9, 2023.8.9, 2023-08-09, 08月, 二〇二三年. */
export function checkDates(text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (from: number, to: number, fix: string) =>
    findings.push({ rule: 'date-form', message: `日期应写作“${fix}”`, from, to, fix });
  const ymd = /(?<![\d./A-Za-z])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d./A-Za-z])/g;
  for (const m of text.matchAll(ymd)) {
    const [, y, , mo, d] = m;
    if (isDate(Number(mo), Number(d))) add(m.index, m.index + m[0].length, `${Number(y)}年${Number(mo)}月${Number(d)}日`);
  }
  for (const m of text.matchAll(/(?<![\d./A-Za-z])(\d{1,2})\.(\d{1,2})(?![\d.])/g)) {
    const after = text[m.index + m[0].length];
    const before = text[m.index - 1];
    if (!isDate(Number(m[1]), Number(m[2])) || (after !== undefined && UNITS.includes(after))) continue;
    if (after !== undefined && !isChinese(after) && after !== '-' && after !== '—') continue;
    if (before !== undefined && !isChinese(before) && !isSpace(before)) continue;
    add(m.index, m.index + m[0].length, `${Number(m[1])}月${Number(m[2])}日`);
  }
  for (const m of text.matchAll(/(?<![\d年])0(\d)(?=月)|(?<=月)0(\d)(?=日)/g)) {
    add(m.index, m.index + 2, m[1] ?? m[2]!);
  }
  for (const m of text.matchAll(/[〇零一二三四五六七八九]{4}(?=年)/gu)) {
    const year = chineseToNumber(m[0]);
    if (year !== null && year >= 1900 && year <= 2100) add(m.index, m.index + 4, String(year));
  }
  for (const m of text.matchAll(/(?<![\d.])(\d{2})年(?=\d{1,2}月)/g)) {
    const short = Number(m[1]);
    add(m.index, m.index + 2, String(short <= 50 ? 2000 + short : 1900 + short));
  }
  for (const f of findings) if (f.fix !== undefined && /^\d+$/.test(f.fix)) f.message = `日期中的数字应写作“${f.fix}”`;
  return findings.sort((a, b) => a.from - b.from);
}

function isDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** GB/T 15835 basics: half-width digits; 三四个 (not 三、四个); 十几 (not 10几). */
export function checkNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(/[０-９]+/g)) {
    const fix = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('');
    findings.push({ rule: 'number-form', message: `数字应使用半角“${fix}”`, from: m.index, to: m.index + m[0].length, fix });
  }
  const order = '一二三四五六七八九';
  for (const m of text.matchAll(/(?<!、)([一二三四五六七八九])、([一二三四五六七八九])(?!、)(?=[个天年人次名家种项位批届月日岁条点])/gu)) {
    if (order.indexOf(m[2]!) !== order.indexOf(m[1]!) + 1) continue;
    findings.push({ rule: 'number-form', message: '相邻两数表示概数，中间不用顿号', from: m.index, to: m.index + 3, fix: m[1]! + m[2]! });
  }
  for (const m of text.matchAll(/(?<!\d)([1-9]0)几/g)) {
    const fix = numberToChinese(Number(m[1])) + '几';
    findings.push({ rule: 'number-form', message: `含“几”的概数用汉字：“${fix}”`, from: m.index, to: m.index + m[0].length, fix });
  }
  return findings;
}

/** An ordinal with its counter word: 第十三届, 第13届. */
export interface Ordinal {
  from: number;
  to: number;
  counter: string;
  value: number;
  isArabic: boolean;
}

export function findOrdinals(text: string): Ordinal[] {
  const ordinals: Ordinal[] = [];
  for (const m of text.matchAll(/第([一二三四五六七八九十百零两]+|\d{1,3})(届|次|批|轮|季|期)/gu)) {
    const isArabic = isDigit(m[1]![0]);
    const value = isArabic ? Number(m[1]) : chineseToNumber(m[1]!);
    if (value === null || value < 1) continue;
    // The masthead's own numbering (第14期, 总第67期) is not prose.
    if (m[2] === '期' && isArabic) continue;
    ordinals.push({ from: m.index + 1, to: m.index + 1 + m[1]!.length, counter: m[2]!, value, isArabic });
  }
  return ordinals;
}

/** An ordinal in the other form: 13 ↔ 十三. */
export function convertOrdinal(ordinal: Ordinal): string {
  return ordinal.isArabic ? numberToChinese(ordinal.value) : String(ordinal.value);
}

/** The source at the end of the last paragraph, in full-width brackets after the full stop. */
export function checkSourceAtEnd(text: string): Finding[] {
  const findings: Finding[] = [];
  const half = /[([【]([^()[\]【】（）]{2,40})[)\]】]\s*$/u.exec(text);
  if (half && /\p{Script=Han}/u.test(half[1]!)) {
    findings.push({
      rule: 'source-brackets',
      message: '文末来源应使用全角圆括号“（）”',
      from: half.index,
      to: half.index + half[0].trimEnd().length,
      fix: `（${half[1]!.trim()}）`,
    });
  }
  const after = /([^。！？])（([^（）]{2,40})）([。．.])\s*$/u.exec(text);
  if (after) {
    findings.push({
      rule: 'source-brackets',
      message: '文末来源应放在句号之后：“。（来源）”',
      from: after.index + 1,
      to: after.index + after[0].trimEnd().length,
      fix: `。（${after[2]}）`,
    });
  }
  return findings;
}
