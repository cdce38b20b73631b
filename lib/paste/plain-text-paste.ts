// Plain-text paste for the item editor: text copied from a PDF, a chat message or an e-mail is
// often hard-wrapped at the print grid (~28 characters a line), sometimes with a blank line
// after every line (PDF extraction), with page numbers and page breaks in between. This module
// joins such lines back into paragraphs and spots the item's source attribution `（A、B）` at
// the end. The rules are derived from shared/fixtures/items/2023-02-items.txt and from the
// real issues in shared/fixtures/issues/ as this project prints them (measured with
// `npm run bench:paste`, see test/support/paste-corpus.ts).
import { reflowText } from '@/lib/layout/reflow';
import { detectTrailingSource } from '@/lib/paste/trailing-source';

export interface PlainTextPaste {
  paragraphs: string[];
  /** Source units found at the end of the last paragraph (still part of its text), or null. */
  sources: string[] | null;
}

/**
 * Turns pasted plain text into paragraphs: the print grid's lines joined back by
 * lib/layout/reflow.ts, the same reconstruction the legacy import uses.
 */
export function parsePlainTextPaste(text: string): PlainTextPaste {
  const paragraphs = reflowText(text).paragraphs.map((paragraph) => paragraph.text);
  const last = paragraphs.at(-1);
  return { paragraphs, sources: last === undefined ? null : detectTrailingSource(last) };
}
