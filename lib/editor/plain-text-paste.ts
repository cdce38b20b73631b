// Plain-text paste for the item editor: text copied from a PDF, a chat message or an e-mail is
// often hard-wrapped at the print grid (~28 characters a line), sometimes with a blank line
// after every line (PDF extraction). This module joins such lines back into paragraphs and
// spots the item's source attribution `（A、B）` at the end. The rules are derived from
// shared/fixtures/items/2023-02-items.txt and shared/fixtures/issues/2023-14.txt.
import { displayWidth } from '@/lib/layout/estimate';

export interface PlainTextPaste {
  paragraphs: string[];
  /** Source units found at the end of the last paragraph (still part of its text), or null. */
  sources: string[] | null;
}

/** Lines wider than this are never treated as hard-wrapped (80 ASCII columns). */
const MAX_WRAP_WIDTH = 40;
/** Below this there is no evidence of wrapping: short lines are lists or headings. */
const MIN_WRAP_WIDTH = 16;
/** The grid the bulletin is printed on; a lone full line is trusted only near it. */
const GRID_WIDTH = 28;
/**
 * How far short of the wrap width a line can end and still be "full": the first line of a
 * paragraph loses two characters to the indent, CJK line-breaking pushes a character to the
 * next line, and Latin words or digits don't fill the last cell. In the fixtures full lines are
 * 25–29.5 wide and the last lines of paragraphs at most 23.
 */
const FULL_TOLERANCE = 3.5;
/** A line this much wider than the wrap width was not wrapped at it. */
const LONG_MARGIN = 4;

const LEADING_SPACE = /^[ \t\u00a0\u3000]*/u;
const TRAILING_SPACE = /[ \t\u00a0\u3000]+$/u;
/** Characters that open a list or a heading line; they never continue a wrapped sentence. */
const BLOCK_MARKER = /^[●○■□◆◇★☆▲►【]/u;
/** Any punctuation or symbol at the end of a line (used to tell a wrapped title from prose). */
const ENDS_WITH_PUNCTUATION = /[\p{P}\p{S}]$/u;
/** Punctuation that ends a sentence or clause: such a line is prose, not half a title. */
const ENDS_SENTENCE = /[。！？；：，、…!?;:,.]$/u;
/** A Latin letter or digit (or Latin punctuation) on both sides of a join needs a space. */
const LATIN_END = /[A-Za-z0-9\u00c0-\u024f.,;:!?%)\]]$/u;
const LATIN_START = /^[A-Za-z0-9\u00c0-\u024f([]/u;

interface Line {
  text: string;
  width: number;
  indented: boolean;
  /** Blank lines between this line and the previous non-blank one. */
  gapBefore: number;
}

interface Wrap {
  width: number;
  /** Blank lines needed to end a paragraph: 2 when every line is followed by a blank line. */
  paragraphGap: number;
}

/**
 * Turns pasted plain text into paragraphs.
 *
 * - CRLF/CR are normalised, trailing spaces trimmed, empty paragraphs dropped.
 * - Blank lines separate paragraphs, unless the text is "double-spaced" (a blank line after
 *   nearly every full line, as PDF extraction produces); then a single blank line is only a
 *   line break and two or more separate paragraphs.
 * - A line is joined to the next when it is full (display width within 3.5 of the wrap width,
 *   which is estimated from the text, ~28) and the next line does not start a paragraph
 *   (indented with a full-width space, a tab or two spaces; or a bullet/【heading】).
 * - A line that ends clearly short of the wrap width ends its paragraph — except the first
 *   line of a title wrapped by hand ("…标准化 多部门合" / "力打造产业兴旺“平谷样板”"): a line
 *   at least 60 % of the width with no punctuation at its end, followed by another short line
 *   that does not end a sentence, is joined to it.
 * - Text that is not hard-wrapped (most text in lines wider than the wrap, or no two lines of
 *   similar width) keeps each line as a paragraph.
 * - Joining adds no space, except between two Latin letters/digits (`Hello` + `world`).
 */
export function parsePlainTextPaste(text: string): PlainTextPaste {
  const lines = readLines(text);
  const wrap = detectWrap(lines);
  const paragraphs: string[] = [];
  let current: string[] = [];
  let previous: Line | null = null;

  for (const line of lines) {
    const joins =
      previous !== null && wrap !== null && continuesParagraph(previous, line, current.length === 1, wrap);
    if (!joins && current.length > 0) {
      paragraphs.push(joinLines(current));
      current = [];
    }
    current.push(line.text);
    previous = line;
  }
  if (current.length > 0) paragraphs.push(joinLines(current));

  const last = paragraphs.at(-1);
  return { paragraphs, sources: last === undefined ? null : detectTrailingSource(last) };
}

/**
 * The source attribution closing a paragraph, split into its units: `…。（北京科技社团服务中心、
 * 平谷区科协）` → ['北京科技社团服务中心', '平谷区科协']. Only a full-width parenthesis at the
 * very end counts, with at most 60 characters and no sentence inside.
 */
export function detectTrailingSource(paragraph: string): string[] | null {
  const match = matchTrailingSource(paragraph);
  if (match === null) return null;
  const units = match.content
    .split('、')
    .map((unit) => unit.trim())
    .filter((unit) => unit !== '');
  return units.length > 0 ? units : null;
}

/** The paragraph without its trailing source attribution (unchanged when there is none). */
export function stripTrailingSource(paragraph: string): string {
  const match = matchTrailingSource(paragraph);
  return match === null ? paragraph : paragraph.slice(0, match.index).replace(TRAILING_SPACE, '');
}

function matchTrailingSource(paragraph: string): { index: number; content: string } | null {
  const match = /（([^（）]+)）[ \t\u00a0\u3000]*$/u.exec(paragraph);
  if (match === null) return null;
  const content = (match[1] ?? '').trim();
  if (content === '' || Array.from(content).length > 60 || /[。！？；!?]/u.test(content)) return null;
  return { index: match.index, content };
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  for (const raw of text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n')) {
    const trimmed = raw.replace(TRAILING_SPACE, '');
    const lead = LEADING_SPACE.exec(trimmed)?.[0] ?? '';
    const content = trimmed.slice(lead.length);
    if (content === '') {
      gap += 1;
      continue;
    }
    // One leading space is noise (PDF extraction puts one at the top of a page); a full-width
    // space, a tab or two spaces are an indent, which starts a paragraph.
    const indented = /[\u3000\t]/u.test(lead) || lead.length >= 2;
    lines.push({ text: content, width: displayWidth(content), indented, gapBefore: lines.length > 0 ? gap : 0 });
    gap = 0;
  }
  return lines;
}

/** The wrap width of hard-wrapped text, or null when the text is not hard-wrapped. */
function detectWrap(lines: readonly Line[]): Wrap | null {
  const candidates = lines.filter((line) => line.width <= MAX_WRAP_WIDTH).map((line) => line.width);
  const longCount = lines.length - candidates.length;
  const widest = Math.max(0, ...candidates);
  if (widest < MIN_WRAP_WIDTH) return null;

  const width = median(candidates.filter((width) => width >= widest - FULL_TOLERANCE));
  const fullCount = candidates.filter((candidate) => candidate >= width - FULL_TOLERANCE).length;
  if (fullCount < longCount) return null; // mostly unwrapped paragraphs (e.g. issues/2023-14.txt)
  const enoughEvidence =
    fullCount >= 2
      ? fullCount * 4 >= candidates.length // a list of short lines with one long one isn't wrapped
      : candidates.length <= 3 && Math.abs(width - GRID_WIDTH) <= 4; // a short paste at the grid
  if (!enoughEvidence) return null;

  // Double spacing: after most full lines comes a blank line, not the continuation.
  let blankAfterFull = 0;
  let tightAfterFull = 0;
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = lines[i];
    const next = lines[i + 1];
    if (line === undefined || next === undefined || !isFull(line, width)) continue;
    if (next.gapBefore > 0) blankAfterFull += 1;
    else tightAfterFull += 1;
  }
  const paragraphGap = blankAfterFull >= 2 && blankAfterFull > tightAfterFull ? 2 : 1;
  return { width, paragraphGap };
}

function continuesParagraph(previous: Line, line: Line, previousStartsParagraph: boolean, wrap: Wrap): boolean {
  if (line.gapBefore >= wrap.paragraphGap || line.indented || BLOCK_MARKER.test(line.text)) return false;
  if (isLong(previous, wrap.width) || isLong(line, wrap.width)) return false;
  if (isFull(previous, wrap.width)) return true;
  return previousStartsParagraph && isWrappedTitle(previous, line, wrap.width);
}

/** First half of a title wrapped by hand for balance, and its second half. */
function isWrappedTitle(first: Line, second: Line, width: number): boolean {
  return (
    first.width >= width * 0.6 &&
    !ENDS_WITH_PUNCTUATION.test(first.text) &&
    !isFull(second, width) &&
    !ENDS_SENTENCE.test(second.text)
  );
}

function isFull(line: Line, width: number): boolean {
  return line.width >= width - FULL_TOLERANCE && !isLong(line, width);
}

function isLong(line: Line, width: number): boolean {
  return line.width > width + LONG_MARGIN;
}

function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    text += text !== '' && LATIN_END.test(text) && LATIN_START.test(line) ? ` ${line}` : line;
  }
  return text;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}
