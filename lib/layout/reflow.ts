// Rebuilds paragraphs from hard-wrapped print text: the text pdftotext (or a copy out of a PDF
// viewer) gives of the bulletin, one printed line per line, ~28 characters a line, page numbers
// and page breaks in between. One module for the item editor's plain-text paste
// (lib/paste/plain-text-paste.ts) and the legacy import (lib/import/parse-issue.ts), which adds
// the structure on top. No React, no server: unit-tested directly and measured by
// `npm run bench:paste` and `npm run bench:import`.
//
// The rules (derived from shared/fixtures/items/2023-02-items.txt and from the real issues as
// this project prints them):
// - CRLF/CR are normalised, trailing spaces trimmed, empty paragraphs dropped.
// - Blank lines separate paragraphs, unless the text is "double-spaced" (a blank line after
//   nearly every full line, as some PDF extraction produces); then a single blank line is only
//   a line break and two or more separate paragraphs.
// - A line is joined to the next when it is full (display width within 3.5 of the wrap width,
//   which is estimated from the text, ~28; half-width characters count half) and the next line
//   does not start a paragraph (indented with a full-width space, a tab or two spaces; or a
//   bullet/【heading】).
// - A full line does not continue into the next when it ends a sentence and the next line is
//   no wider than a paragraph's first line (two characters short of the grid, the indent lost
//   in the copy; one more for a hanging punctuation mark): "…综合运营平台。" (28) / "针对区科协
//   工作，…的战略" (26) are two paragraphs.
// - A line that ends clearly short of the wrap width ends its paragraph — except the first line
//   of a title set on two lines: two short lines at the start of a paragraph, neither ending a
//   sentence, are one title. They join with a space where the title was broken by choice or for
//   balance, without one where the first line was simply full; a space at the break in the copy
//   is kept, never doubled.
// - Page numbers (`- 3 -`, `-3-`), form feeds and the 样稿 mark of a draft are dropped, and a page
//   break between them is not a paragraph break; one leading space (PDF extraction puts one at
//   the top of a page) is not an indent.
// - Optionally (the import) links and running headers are dropped too, and reported.
// - Text that is not hard-wrapped (most text in lines wider than the wrap, or no two lines of
//   similar width) keeps each line as a paragraph.
// - Joining adds no space, except between two Latin letters/digits and at a title's break.
import { GRID, PARAGRAPH_INDENT, TITLE_CHARS_PER_LINE } from './grid';
import { displayWidth } from './width';

/** Lines wider than this are never treated as hard-wrapped (80 ASCII columns). */
const MAX_WRAP_WIDTH = 40;
/** Below this there is no evidence of wrapping: short lines are lists or headings. */
const MIN_WRAP_WIDTH = 16;
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
export const TITLE_LINE_MAX = TITLE_CHARS_PER_LINE + 2;

const LEADING_SPACE = /^[ \t\u00a0\u3000]*/u;
const TRAILING_SPACE = /[ \t\u00a0\u3000]+$/u;
/** Characters that open a list or a heading line; they never continue a wrapped sentence. */
const BLOCK_MARKER = /^[●○■□◆◇★☆▲►【]/u;
/** A whole line that is a 【section】 heading: never joined to what follows either. */
const SECTION_HEADING_LINE = /^【[^【】]{1,30}】$/u;
/** Punctuation that ends a sentence or clause: such a line is prose, not half a title. */
const ENDS_SENTENCE = /[。！？；：，、…!?;:,.]$/u;
/** A sentence ends here (a closing quote or bracket may follow): a paragraph may end too. */
const ENDS_PARAGRAPH = /[。！？…!?][”’」』）)]*$|）$/u;
/** Punctuation a printer lets hang past the grid's last cell. */
const HANGING = /[，。、；：！？”’）」』]$/u;
/** A title's first line ending at a phrase boundary: a closing quote, or the next opens one. */
const PHRASE_END = /[”’」』》）)]$/u;
const PHRASE_START = /^(?:[“‘「『《（(]|——)/u;
/** Page furniture: page numbers (`- 3 -`, `—3—`, `-3-`, `第3页`) and our draft mark. */
const PAGE_FURNITURE = /^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|样稿|样稿 · 未经发布，不得印发)$/u;
/** A line that is (or continues) a web address: `https://…`, `www.…`, a search engine's redirect. */
const LINK = /(?:^|[\s：:（(])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s]+/iu;
/** The rest of a long address wrapped onto the next line: Latin only, no spaces, URL characters. */
const LINK_TAIL = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#[\]]{8,}$/u;
/** A Latin letter or digit (or Latin punctuation) on both sides of a join needs a space. */
const LATIN_END = /[A-Za-z0-9\u00c0-\u024f.,;:!?%)\]]$/u;
const LATIN_START = /^[A-Za-z0-9\u00c0-\u024f([]/u;

export interface ReflowLine {
  text: string;
  width: number;
  indented: boolean;
  /** Blank lines between this line and the previous non-blank one. */
  gapBefore: number;
  /** The line ended with a space before the line break (trimmed from `text`). */
  hasTrailingSpace: boolean;
  /** 0-based line number in the input. */
  index: number;
}

export interface ReflowParagraph {
  text: string;
  /** The printed lines it was rebuilt from. */
  lines: ReflowLine[];
}

export type DroppedReason = 'page' | 'link' | 'header';

export interface DroppedLine {
  text: string;
  reason: DroppedReason;
  /** 0-based line number in the input. */
  index: number;
}

export interface Reflow {
  paragraphs: ReflowParagraph[];
  /** Page numbers, links and running headers left out. */
  dropped: DroppedLine[];
  /** Whether the text was hard-wrapped (otherwise every line is a paragraph). */
  isWrapped: boolean;
}

export interface ReflowOptions {
  /** Drop web addresses and search-engine redirect lines (the import: no link is stored). */
  dropLinks?: boolean;
  /** Lines repeated at the top of pages (`科协每周动态`, `2023年第14期`): dropped after the first page. */
  runningHeaders?: readonly string[];
  /** Lines that are a paragraph of their own whatever their width (a masthead, a 版记, a column's name). */
  isStandalone?: (text: string, index: number) => boolean;
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

/** Why a line is not text to keep, or null. */
export function classifyNoiseLine(content: string, options: Pick<ReflowOptions, 'dropLinks'> = {}): DroppedReason | null {
  if (PAGE_FURNITURE.test(content)) return 'page';
  if (options.dropLinks && isLinkLine(content)) return 'link';
  return null;
}

/** A line that is mostly a web address (a sentence that merely mentions one is kept). */
function isLinkLine(content: string): boolean {
  const match = LINK.exec(content);
  if (!match) return false;
  const rest = content.replace(match[0], '').replace(/^[\s：:（(）)]+|[\s：:（(）)]+$/gu, '');
  // "原文链接：https://…", "网址：www.…": at most a short label besides the address.
  return displayWidth(rest) <= 6;
}

/** Rebuilds the paragraphs of hard-wrapped text (see the rules above). */
export function reflowText(text: string, options: ReflowOptions = {}): Reflow {
  const { lines, dropped } = readLines(text, options);
  const wrap = detectWrap(lines);
  const paragraphs: ReflowParagraph[] = [];
  let current: ReflowParagraph | null = null;
  let previous: ReflowLine | null = null;
  const isStandalone = (line: ReflowLine) => SECTION_HEADING_LINE.test(line.text) || (options.isStandalone?.(line.text, line.index) ?? false);

  for (const line of lines) {
    const join =
      current !== null && previous !== null && wrap !== null && !isStandalone(previous) && !isStandalone(line)
        ? continuesParagraph(previous, line, current.lines.length === 1, wrap)
        : null;
    if (join === null || current === null) {
      current = { text: line.text, lines: [line] };
      paragraphs.push(current);
    } else {
      current.text += join === 'space' || needsLatinSpace(current.text, line.text) ? ` ${line.text}` : line.text;
      current.lines.push(line);
    }
    previous = line;
  }
  return { paragraphs, dropped, isWrapped: wrap !== null };
}

function readLines(text: string, options: ReflowOptions): { lines: ReflowLine[]; dropped: DroppedLine[] } {
  const lines: ReflowLine[] = [];
  const dropped: DroppedLine[] = [];
  const headers = new Set((options.runningHeaders ?? []).map((header) => header.replace(/\s+/gu, '')));
  const seenHeaders = new Set<string>();
  let gap = 0;
  /** The gap before page furniture: blank lines after it belong to the page break. */
  let gapAtPageBreak: number | null = null;
  let isLinkRun = false;
  const rawLines = text.replace(/^\uFEFF/u, '').replace(/\r\n?|\f/gu, '\n').split('\n');
  rawLines.forEach((raw, index) => {
    const trimmed = raw.replace(TRAILING_SPACE, '');
    const lead = LEADING_SPACE.exec(trimmed)?.[0] ?? '';
    const content = trimmed.slice(lead.length);
    let reason = content === '' ? null : classifyNoiseLine(content, options);
    if (reason === null && isLinkRun && LINK_TAIL.test(content)) reason = 'link';
    const compact = content.replace(/\s+/gu, '');
    if (reason === null && headers.has(compact)) {
      // The first time is the masthead; again later, the top of a page.
      if (seenHeaders.has(compact)) reason = 'header';
      seenHeaders.add(compact);
    }
    if (content !== '') isLinkRun = reason === 'link';
    if (reason !== null) {
      dropped.push({ text: content, reason, index });
      gapAtPageBreak ??= gap;
      return;
    }
    if (content === '') {
      gap += 1;
      return;
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
      index,
    });
    gap = 0;
  });
  return { lines, dropped };
}

/** The wrap width of hard-wrapped text, or null when the text is not hard-wrapped. */
function detectWrap(lines: readonly ReflowLine[]): Wrap | null {
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
      : candidates.length <= 3 && Math.abs(width - GRID.charsPerLine) <= 4; // a short paste at the grid
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
function continuesParagraph(previous: ReflowLine, line: ReflowLine, previousStartsParagraph: boolean, wrap: Wrap): 'join' | 'space' | null {
  if (line.gapBefore >= wrap.paragraphGap || line.indented || BLOCK_MARKER.test(line.text)) return null;
  if (isLong(previous, wrap.width) || isLong(line, wrap.width)) return null;
  if (isFull(previous, wrap.width)) return startsIndentedParagraph(previous, line, wrap.grid) ? null : 'join';
  if (previousStartsParagraph && isWrappedTitle(previous, line, wrap.width)) return titleBreak(previous, line);
  return null;
}

/**
 * A full line that ends a sentence, then a line that fits the first line of a paragraph (the
 * grid less the indent the copy lost, plus a punctuation mark hanging past it): the paragraph
 * ended exactly at the end of a line. A continuation line is as wide as the grid.
 */
function startsIndentedParagraph(previous: ReflowLine, line: ReflowLine, grid: number): boolean {
  if (!ENDS_PARAGRAPH.test(previous.text)) return false;
  const firstLine = grid - PARAGRAPH_INDENT;
  // A line left short because the next starts with a number that could not be broken
  // ("…贡献。" + "2023年"), then a line that fills a first line only with its digits counted
  // as half: digits print wider than half a cell, so no first line holds that much — the
  // paragraph goes on.
  const leadingNumber = /^[0-9A-Za-z.%]+./u.exec(line.text)?.[0];
  if (leadingNumber && previous.width < grid - 0.5 && previous.width + displayWidth(leadingNumber) > grid && line.width >= firstLine) return false;
  return line.width <= firstLine + 0.5 || (line.width <= firstLine + 1 && HANGING.test(line.text));
}

/** The two lines of a title: short, at the start of a paragraph, neither ending a sentence. */
function isWrappedTitle(first: ReflowLine, second: ReflowLine, width: number): boolean {
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
function titleBreak(first: ReflowLine, second: ReflowLine): 'join' | 'space' {
  if (first.hasTrailingSpace || PHRASE_END.test(first.text) || PHRASE_START.test(second.text)) return 'space';
  const isRunOver = first.width >= TITLE_LINE_MAX - 6 && first.width - second.width >= 4;
  return isRunOver ? 'join' : 'space';
}

function isFull(line: ReflowLine, width: number): boolean {
  return line.width >= width - FULL_TOLERANCE && !isLong(line, width);
}

function isLong(line: ReflowLine, width: number): boolean {
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
