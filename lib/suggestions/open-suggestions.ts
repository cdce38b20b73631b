// Open 修订 (tracked changes) in an item body. The suggestions themselves are built with
// @handlewithcare/prosemirror-suggest-changes (the suggest branch), which stores them as
// `insertion` and `deletion` marks on text; until that lands, 待办 reads them through this one
// function so it shows them as soon as bodies carry them. No React, no database.

export const SUGGESTION_MARKS = ['insertion', 'deletion'] as const;

interface JsonNode {
  marks?: { type?: unknown }[];
  content?: JsonNode[];
}

/** How many text runs of the body carry a suggestion mark (an open 修订 each). */
export function countOpenSuggestions(body: unknown): number {
  const node = body as JsonNode | null;
  if (!node || typeof node !== 'object') return 0;
  const own = node.marks?.some((mark) => (SUGGESTION_MARKS as readonly unknown[]).includes(mark.type)) ? 1 : 0;
  return own + (Array.isArray(node.content) ? node.content.reduce((sum, child) => sum + countOpenSuggestions(child), 0) : 0);
}
