// An item body (Tiptap JSON) and its plain text. No zod here: the editor imports these in the
// browser, and the schema that validates a body (lib/validations/item-body.ts) stays on the
// server. The types are declared here, not inferred from that schema, so this module imports
// nothing but the 修订 text functions and the schema depends on it, not the other way round;
// the schema checks at compile time that it describes exactly these types. Type aliases, not interfaces: a body is
// stored as Prisma JSON, which needs the implicit index signature only aliases have.

import { resolveParagraph } from '@/lib/suggestions';

/** A 修订 mark's attributes (lib/suggestions.ts): who suggested it, and when. */
export type SuggestionMarkAttrs = {
  id: number | string;
  author: string;
  time: string;
};

export type TextMark = { type: 'bold' } | { type: 'insertion'; attrs: SuggestionMarkAttrs } | { type: 'deletion'; attrs: SuggestionMarkAttrs };

export type TextNode = {
  type: 'text';
  text: string;
  marks?: TextMark[];
};

export type HardBreakNode = {
  type: 'hardBreak';
};

export type ParagraphNode = {
  type: 'paragraph';
  content?: (TextNode | HardBreakNode)[];
};

export type ItemBody = {
  type: 'doc';
  content: ParagraphNode[];
};


/** A body with one empty paragraph: a new item's. */
export const EMPTY_BODY: ItemBody = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * The text of one paragraph as printed; a line break becomes "\n". Open 修订 read as if never
 * made (resolveParagraph): suggested insertions are left out, suggested deletions kept.
 */
export function getParagraphText(paragraph: ParagraphNode): string {
  return (resolveParagraph(paragraph).content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

/** Plain text of the body: paragraphs joined by blank lines, empty paragraphs dropped. */
export function getBodyText(doc: { content: ParagraphNode[] }): string {
  return doc.content
    .map(getParagraphText)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** Plain paragraphs (no empty ones), for counts, line estimates and diffs. */
export function getBodyParagraphs(doc: { content: ParagraphNode[] }): string[] {
  return doc.content.map(getParagraphText).filter((text) => text.trim() !== '');
}
