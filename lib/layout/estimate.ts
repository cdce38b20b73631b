// Layout estimates on the bulletin's print grid (see shared/spec/bulletin-format.md): A4 with
// 28 characters × 22 lines of 16 pt body type. These are estimates for the editor's word count
// and page count display, not the layout engine: they ignore CJK line-breaking rules
// (a line may not start with ，。 etc.), punctuation compression and page breaks inside items.

export const GRID = { charsPerLine: 28, linesPerPage: 22 } as const;

/** An item title is set at ~18 pt, so a line of the 28-character grid holds about 24 of them. */
export const TITLE_CHARS_PER_LINE = 24;

/** Body paragraphs are indented two characters. */
export const PARAGRAPH_INDENT = 2;

const WHITESPACE = /\s/u;

/** Characters the reader sees: every code point except whitespace (incl. full-width spaces). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const char of text) {
    if (!WHITESPACE.test(char) && charWidth(char.codePointAt(0) ?? 0) > 0) count += 1;
  }
  return count;
}

/**
 * Width in grid cells: CJK and other full-width characters take 1, ASCII and half-width forms
 * 0.5, zero-width and control characters 0. Curly quotes, dashes, ellipses and bullets are set
 * full-width in Chinese text, so everything outside the Latin blocks counts as 1.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0; // C0/C1 controls, incl. \n \t
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || code === 0xfeff) {
    return 0; // combining marks, zero-width space/joiners, direction marks, BOM
  }
  if (code === 0xd7 || code === 0xf7) return 1; // × ÷ are full-width in GB 2312 fonts
  if (code < 0x300) return 0.5; // ASCII, Latin-1, Latin Extended, IPA
  if ((code >= 0xff61 && code <= 0xffdc) || (code >= 0xffe8 && code <= 0xffee)) return 0.5; // half-width forms
  return 1;
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
  const titleWidth = displayWidth(title.trim());
  const subtitleWidth = displayWidth(subtitle?.trim() ?? '');
  let lines = Math.ceil(titleWidth / TITLE_CHARS_PER_LINE) + Math.ceil(subtitleWidth / GRID.charsPerLine);
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
