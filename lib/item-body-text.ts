// Plain text of an item body (Tiptap JSON). No zod here: the editor imports these in the
// browser, and the schema that validates a body (lib/validations/item-body.ts) stays on the server.
import type { ItemBody, ParagraphNode } from '@/lib/validations/item-body';

/** A body with one empty paragraph: a new item's. */
export const EMPTY_BODY: ItemBody = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The text of one paragraph; a line break becomes "\n". */
export function getParagraphText(paragraph: ParagraphNode): string {
  return (paragraph.content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
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
