// The bulletin's print grid (../shared/spec/bulletin-format.md), defined once: a 156 × 225 mm
// text block of 22 lines × 28 characters of 16 pt body type, and item titles of 18 pt bold that
// hold 22 characters a line. The print template, the DOCX writer, the layout estimates, title
// breaking, the paste's reconstruction and the editor's counts all read these.

export const GRID = { charsPerLine: 28, linesPerPage: 22 } as const;

/** Body paragraphs are indented two characters. */
export const PARAGRAPH_INDENT = 2;

/**
 * Characters of an item title on one printed line: the title is 18 pt bold in the 156 mm text
 * block (442 pt) less one body character (15.8 pt) of padding on each side, 410 pt ≈ 22.8 of 18 pt.
 */
export const TITLE_CHARS_PER_LINE = 22;
