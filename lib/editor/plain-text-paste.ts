// Plain-text paste for the item editor: text copied from a PDF, a chat message or an e-mail is
// often hard-wrapped at the print grid (~28 characters a line), sometimes with a blank line
// after every line (PDF extraction), with page numbers and page breaks in between. This module
// joins such lines back into paragraphs and spots the item's source attribution `（A、B）` at
// the end. The rules are derived from shared/fixtures/items/2023-02-items.txt and from the
// real issues in shared/fixtures/issues/ as this project prints them (measured with
// `npm run bench:paste`, see test/support/paste-corpus.ts).
import { displayWidth, PARAGRAPH_INDENT } from '@/lib/layout/estimate';
import { TITLE_CHARS_PER_LINE } from '@/lib/layout/title';
import { EMPTY_BODY, getParagraphText } from '@/lib/item-body-text';
import type { ItemBody, ParagraphNode } from '@/lib/validations/item-body';

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
/** Widest a title line can be: ours hold 22 of the grid's characters, Word's a few more. */
const TITLE_LINE_MAX = TITLE_CHARS_PER_LINE + 2;

const LEADING_SPACE = /^[ \t\u00a0\u3000]*/u;
const TRAILING_SPACE = /[ \t\u00a0\u3000]+$/u;
/** Characters that open a list or a heading line; they never continue a wrapped sentence. */
const BLOCK_MARKER = /^[●○■□◆◇★☆▲►【]/u;
/** Punctuation that ends a sentence or clause: such a line is prose, not half a title. */
const ENDS_SENTENCE = /[。！？；：，、…!?;:,.]$/u;
/** A sentence ends here (a closing quote or bracket may follow): a paragraph may end too. */
const ENDS_PARAGRAPH = /[。！？…!?][”’」』）)]*$|）$/u;
/** A title's first line ending at a phrase boundary: a closing quote, or the next opens one. */
const PHRASE_END = /[”’」』》）)]$/u;
const PHRASE_START = /^(?:[“‘「『《（(]|——)/u;
/** Page furniture in text copied out of a PDF: page numbers (`- 3 -`, `—3—`) and our draft mark. */
const PAGE_FURNITURE = /^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|样稿|样稿 · 未经发布，不得印发)$/u;
/** A Latin letter or digit (or Latin punctuation) on both sides of a join needs a space. */
const LATIN_END = /[A-Za-z0-9\u00c0-\u024f.,;:!?%)\]]$/u;
const LATIN_START = /^[A-Za-z0-9\u00c0-\u024f([]/u;

interface Line {
  text: string;
  width: number;
  indented: boolean;
  /** Blank lines between this line and the previous non-blank one. */
  gapBefore: number;
  /** The line ended with a space before the line break (trimmed from `text`). */
  hasTrailingSpace: boolean;
}

interface Wrap {
  width: number;
  /**
   * The width of a full line inside a paragraph (the grid, 28): the commonest width of the full
   * lines, rounded, the wider on a tie. The median `width` sits lower, first lines being two short.
   */
  grid: number;
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
 * - A full line does not continue into the next when it ends a sentence and the next line is
 *   no wider than a paragraph's first line (two characters short of the grid, the indent
 *   lost in the copy): "…综合运营平台。" (28) / "针对区科协工作，…的战略" (26) are two paragraphs.
 * - A line that ends clearly short of the wrap width ends its paragraph — except the first
 *   line of a title set on two lines ("…标准化 多部门合" / "力打造产业兴旺“平谷样板”",
 *   "丰台区航天科普嘉年华暨" / "云岗地区科普联盟成立仪式举行"): two short lines at the start of a
 *   paragraph, neither ending a sentence, are one title. They join with a space where the
 *   title was broken by choice or for balance (as the office writes such titles on one line),
 *   without one where the first line was simply full ("…多部门合" / "力打造…"); a space at the
 *   break in the copy is kept, never doubled.
 * - Page numbers (`- 3 -`), form feeds and the 样稿 mark of a draft are dropped, and a page
 *   break between them is not a paragraph break.
 * - Text that is not hard-wrapped (most text in lines wider than the wrap, or no two lines of
 *   similar width) keeps each line as a paragraph.
 * - Joining adds no space, except between two Latin letters/digits (`Hello` + `world`) and at
 *   a title's break (above).
 */
export function parsePlainTextPaste(text: string): PlainTextPaste {
  const lines = readLines(text);
  const wrap = detectWrap(lines);
  const paragraphs: string[] = [];
  let current = '';
  let lineCount = 0;
  let previous: Line | null = null;

  for (const line of lines) {
    const join = previous !== null && wrap !== null ? continuesParagraph(previous, line, lineCount === 1, wrap) : null;
    if (join === null) {
      if (lineCount > 0) paragraphs.push(current);
      current = line.text;
      lineCount = 1;
    } else {
      current += join === 'space' || needsLatinSpace(current, line.text) ? ` ${line.text}` : line.text;
      lineCount += 1;
    }
    previous = line;
  }
  if (lineCount > 0) paragraphs.push(current);

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

/**
 * The body without the source closing its last paragraph, once the source is taken into the
 * item's sources field (it is printed from there). A paragraph that held only the source goes
 * with it, and so do empty paragraphs and line breaks left at the end: nothing blank is left.
 */
export function removeTrailingSource(body: ItemBody): ItemBody {
  const isBlank = (paragraph: ParagraphNode) => getParagraphText(paragraph).trim() === '';
  const content = [...body.content];
  while (content.length > 0 && isBlank(content.at(-1)!)) content.pop();
  const last = content.at(-1);
  if (!last) return body;
  const nodes = [...(last.content ?? [])];
  const trimBreaks = () => {
    while (nodes.at(-1)?.type === 'hardBreak') nodes.pop();
  };
  trimBreaks();
  const tail = nodes.at(-1);
  if (tail?.type !== 'text') return body;
  const stripped = stripTrailingSource(tail.text);
  if (stripped === tail.text) return body;
  if (stripped) nodes[nodes.length - 1] = { ...tail, text: stripped };
  else nodes.pop();
  trimBreaks();
  const paragraph = { ...last, content: nodes };
  content[content.length - 1] = paragraph;
  if (isBlank(paragraph)) content.pop();
  return content.length > 0 ? { ...body, content } : EMPTY_BODY;
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
  /** The gap before page furniture: blank lines after it belong to the page break. */
  let gapAtPageBreak: number | null = null;
  for (const raw of text.replace(/^\uFEFF/u, '').replace(/\r\n?|\f/gu, '\n').split('\n')) {
    const trimmed = raw.replace(TRAILING_SPACE, '');
    const lead = LEADING_SPACE.exec(trimmed)?.[0] ?? '';
    const content = trimmed.slice(lead.length);
    if (PAGE_FURNITURE.test(content)) {
      gapAtPageBreak ??= gap;
      continue;
    }
    if (content === '') {
      gap += 1;
      continue;
    }
    if (gapAtPageBreak !== null) [gap, gapAtPageBreak] = [gapAtPageBreak, null];
    // One leading space is noise (PDF extraction puts one at the top of a page); a full-width
    // space, a tab or two spaces are an indent, which starts a paragraph.
    const indented = /[\u3000\t]/u.test(lead) || lead.length >= 2;
    lines.push({
      text: content,
      width: displayWidth(content),
      indented,
      gapBefore: lines.length > 0 ? gap : 0,
      hasTrailingSpace: trimmed.length < raw.length,
    });
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
  const counts = new Map<number, number>();
  for (const candidate of candidates) {
    if (candidate >= width - FULL_TOLERANCE) counts.set(Math.round(candidate), (counts.get(Math.round(candidate)) ?? 0) + 1);
  }
  const [grid] = [...counts].reduce((best, entry) => (entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0]) ? entry : best));
  return { width, grid, paragraphGap };
}

/** How `line` continues the paragraph `previous` is in: joined as is, with a space, or not at all. */
function continuesParagraph(previous: Line, line: Line, previousStartsParagraph: boolean, wrap: Wrap): 'join' | 'space' | null {
  if (line.gapBefore >= wrap.paragraphGap || line.indented || BLOCK_MARKER.test(line.text)) return null;
  if (isLong(previous, wrap.width) || isLong(line, wrap.width)) return null;
  if (isFull(previous, wrap.width)) return startsIndentedParagraph(previous, line, wrap.grid) ? null : 'join';
  if (previousStartsParagraph && isWrappedTitle(previous, line, wrap.width)) return titleBreak(previous, line);
  return null;
}

/**
 * A full line that ends a sentence, then a line that fits the first line of a paragraph (the
 * grid less the indent the copy lost): the paragraph ended exactly at the end of a line.
 * A continuation line is as wide as the grid.
 */
function startsIndentedParagraph(previous: Line, line: Line, grid: number): boolean {
  return ENDS_PARAGRAPH.test(previous.text) && line.width <= grid - PARAGRAPH_INDENT + 0.5;
}

/** The two lines of a title: short, at the start of a paragraph, neither ending a sentence. */
function isWrappedTitle(first: Line, second: Line, width: number): boolean {
  return (
    first.width <= TITLE_LINE_MAX &&
    second.width <= TITLE_LINE_MAX &&
    !ENDS_SENTENCE.test(first.text) &&
    !isFull(second, width) &&
    !ENDS_SENTENCE.test(second.text)
  );
}

/**
 * Whether a title's break stands for a space: yes where the copy kept one, where the break
 * falls between phrases (a closing quote, an opening one, a dash) or where the lines were
 * balanced or chosen; no where the first line was simply full and the rest ran over.
 */
function titleBreak(first: Line, second: Line): 'join' | 'space' {
  if (first.hasTrailingSpace || PHRASE_END.test(first.text) || PHRASE_START.test(second.text)) return 'space';
  const isRunOver = first.width >= TITLE_LINE_MAX - 6 && first.width - second.width >= 4;
  return isRunOver ? 'join' : 'space';
}

function isFull(line: Line, width: number): boolean {
  return line.width >= width - FULL_TOLERANCE && !isLong(line, width);
}

function isLong(line: Line, width: number): boolean {
  return line.width > width + LONG_MARGIN;
}

function needsLatinSpace(text: string, next: string): boolean {
  return text !== '' && LATIN_END.test(text) && LATIN_START.test(next);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}
