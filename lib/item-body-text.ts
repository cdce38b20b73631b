// Plain text of an item body (Tiptap JSON). No zod here: the editor imports these in the
// browser, and the schema that validates a body (lib/validations/item-body.ts) stays on the server.
import { resolveParagraph } from '@/lib/suggestions';
import type { ItemBody, ParagraphNode } from '@/lib/validations/item-body';

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
