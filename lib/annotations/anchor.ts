// Where a 批注 sits in an item's text. The anchor is stored beside the body (quote + offset in
// the item's plain text, lib/item-body-text.ts getBodyText), never in it, and found again by the
// quote: the occurrence nearest the stored offset, so it follows its words while the text
// around them is edited. No React, no database: unit-tested directly.

/** Paragraphs are joined by a blank line in the plain text (getBodyText). */
const PARAGRAPH_SEPARATOR = '\n\n';

/** The start of the occurrence of `quote` in `text` nearest `near`, or -1 when it is gone. */
export function findQuoteOffset(text: string, quote: string, near: number): number {
  if (!quote) return -1;
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}

export interface Anchor {
  /** Index among the item's non-empty paragraphs. */
  paragraph: number;
  /** Offset of the quote within that paragraph. */
  start: number;
}

/**
 * The paragraph (and place in it) a quote anchors to now, or null when the quoted words are
 * no longer in the text (the 批注 is then shown after the item, marked 原文已修改).
 */
export function anchorInParagraphs(paragraphs: readonly string[], quote: string, startOffset: number): Anchor | null {
  const offset = findQuoteOffset(paragraphs.join(PARAGRAPH_SEPARATOR), quote, startOffset);
  if (offset === -1) return null;
  let paragraphStart = 0;
  for (const [index, paragraph] of paragraphs.entries()) {
    const paragraphEnd = paragraphStart + paragraph.length;
    if (offset < paragraphEnd || index === paragraphs.length - 1) return { paragraph: index, start: offset - paragraphStart };
    paragraphStart = paragraphEnd + PARAGRAPH_SEPARATOR.length;
  }
  return null;
}

/** Where a selection inside paragraph `paragraph` starts in the item's plain text. */
export function toTextOffset(paragraphs: readonly string[], paragraph: number, offsetInParagraph: number): number {
  let offset = 0;
  for (let i = 0; i < paragraph && i < paragraphs.length; i++) offset += paragraphs[i]!.length + PARAGRAPH_SEPARATOR.length;
  return offset + offsetInParagraph;
}
