// Layout estimates on the bulletin's print grid (see shared/spec/bulletin-format.md): A4 with
// 28 characters × 22 lines of 16 pt body type. These are estimates for the editor's word count
// and page count display, not the layout engine: they ignore CJK line-breaking rules
// (a line may not start with ，。 etc.), punctuation compression and page breaks inside items.
import { getBodyText, type ParagraphNode } from '@/lib/item-body-text';
import { GRID, PARAGRAPH_INDENT } from './grid';
import { layoutTitle } from './title';
import { charWidth, displayWidth } from './width';

export { displayWidth };

const WHITESPACE = /\s/u;

/**
 * Characters the reader sees: every code point except whitespace (incl. full-width spaces) and
 * zero-width ones. The one count of an item's length: the editor, the item list, the assembly
 * board and the import preview all show this number (`N 字`).
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (const char of text) {
    if (!WHITESPACE.test(char) && charWidth(char.codePointAt(0) ?? 0) > 0) count += 1;
  }
  return count;
}

/** {@link countCharacters} of an item body: what the editor shows and what lists show from its stored text. */
export function countBodyCharacters(body: { content: ParagraphNode[] }): number {
  return countCharacters(getBodyText(body));
}

export interface ItemLayoutInput {
  title: string;
  subtitle?: string | null;
  /** Plain body paragraphs, without the source. */
  paragraphs: readonly string[];
  /** Source units, printed as `（A、B）` at the end of the last paragraph. */
  sources?: readonly string[] | null;
}

/** Lines taken by one body paragraph: two-character indent, then wrapped at 28. */
export function estimateParagraphLines(paragraph: string): number {
  const width = displayWidth(paragraph.trim());
  if (width === 0) return 0;
  return Math.ceil((PARAGRAPH_INDENT + width) / GRID.charsPerLine);
}

/** Printed lines of one item: title block, a blank line, then the paragraphs with the source. */
export function estimateItemLines({ title, subtitle, paragraphs, sources }: ItemLayoutInput): number {
  const subtitleWidth = displayWidth(subtitle?.trim() ?? '');
  // The title's lines as printed (a chosen break, or where the print breaks it).
  let lines = layoutTitle(title).length + Math.ceil(subtitleWidth / GRID.charsPerLine);
  if (lines > 0) lines += 1; // the blank line after the title block

  const body = paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
  const units = (sources ?? []).map((unit) => unit.trim()).filter((unit) => unit !== '');
  if (units.length > 0) {
    const source = `（${units.join('、')}）`;
    const last = body.pop();
    // A pasted paragraph may still carry its source; do not count it twice.
    body.push(last === undefined ? source : last.endsWith(source) ? last : last + source);
  }
  for (const paragraph of body) lines += estimateParagraphLines(paragraph);
  return lines;
}

/** Pages needed for a number of grid lines (22 a page). */
export function estimatePages(lines: number): number {
  if (!Number.isFinite(lines) || lines <= 0) return 0;
  return Math.ceil(lines / GRID.linesPerPage);
}
