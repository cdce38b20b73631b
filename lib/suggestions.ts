// 修订 (tracked changes) in an item body. A reviewer's or editor's insertions and deletions are
// kept in the body as `insertion` / `deletion` marks on text nodes (the marks of
// @handlewithcare/prosemirror-suggest-changes, with the author's name and the time added).
// No zod and no React here: the editor, the server and the exports all read bodies through
// these functions, and `resolveSuggestions` is the one way text is printed while suggestions
// are open (insertions left out, deletions kept), so the PDF, the web view, search and the
// archive never show an unresolved 修订.
import type { ItemBody, ParagraphNode } from '@/lib/item-body-text';

export type SuggestionKind = 'insertion' | 'deletion';
export type SuggestionId = number | string;

export interface SuggestionAttrs {
  id: SuggestionId;
  /** The display name of who made it. */
  author: string;
  /** ISO date-time. */
  time: string;
}

type InlineNode = NonNullable<ParagraphNode['content']>[number];
type TextNode = Extract<InlineNode, { type: 'text' }>;

/** One suggestion: an insertion, a deletion, or both under one id (typing over a selection). */
export interface Suggestion extends SuggestionAttrs {
  inserted: string;
  deleted: string;
}

/** The 修订 mark of a text node, if any. */
export function getSuggestionMark(node: InlineNode): ({ type: SuggestionKind; attrs: SuggestionAttrs }) | null {
  if (node.type !== 'text') return null;
  const mark = node.marks?.find((m) => m.type === 'insertion' || m.type === 'deletion');
  return mark ? (mark as { type: SuggestionKind; attrs: SuggestionAttrs }) : null;
}

function withoutSuggestionMarks(node: TextNode): TextNode {
  const marks = node.marks?.filter((m) => m.type !== 'insertion' && m.type !== 'deletion');
  return marks?.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
}

/** Adjacent text nodes with the same marks become one (as ProseMirror itself keeps them). */
function mergeTextNodes(content: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of content) {
    const last = merged.at(-1);
    if (last?.type === 'text' && node.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      merged[merged.length - 1] = { ...last, text: last.text + node.text };
    } else {
      merged.push(node);
    }
  }
  return merged;
}

function decideParagraph(paragraph: ParagraphNode, decision: 'accept' | 'reject', chosen: Set<string> | null): ParagraphNode {
  if (!paragraph.content?.some((node) => getSuggestionMark(node))) return paragraph;
  const nodes: InlineNode[] = [];
  for (const node of paragraph.content) {
    const mark = getSuggestionMark(node);
    if (!mark || (chosen && !chosen.has(String(mark.attrs.id)))) {
      nodes.push(node);
    } else if ((mark.type === 'insertion') === (decision === 'accept')) {
      nodes.push(withoutSuggestionMarks(node as TextNode));
    }
  }
  const merged = mergeTextNodes(nodes);
  return merged.length ? { ...paragraph, content: merged } : { type: paragraph.type };
}

/**
 * Decides suggestions: `accept` keeps an insertion's text and drops a deletion's, `reject` the
 * opposite. `ids` limits the decision to those suggestions (all when left out). A paragraph
 * that only held removed text stays, empty: paragraphs themselves are never suggested.
 */
export function decideSuggestions(body: ItemBody, decision: 'accept' | 'reject', ids?: readonly SuggestionId[]): ItemBody {
  const chosen = ids ? new Set(ids.map(String)) : null;
  const content = body.content.map((paragraph) => decideParagraph(paragraph, decision, chosen));
  return content.every((paragraph, i) => paragraph === body.content[i]) ? body : { ...body, content };
}

/** A paragraph as if no suggestion had been made (see resolveSuggestions). */
export function resolveParagraph(paragraph: ParagraphNode): ParagraphNode {
  return decideParagraph(paragraph, 'reject', null);
}

/**
 * The body as if no suggestion had been made — insertions left out, deletions kept: what is
 * printed (PDF, DOCX of a published issue), shown on the web, indexed and searched.
 */
export function resolveSuggestions(body: ItemBody): ItemBody {
  return decideSuggestions(body, 'reject');
}

/** The open suggestions, one entry per id in the order they first appear. */
export function listSuggestions(body: ItemBody): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const paragraph of body.content) {
    for (const node of paragraph.content ?? []) {
      const mark = getSuggestionMark(node);
      if (!mark || node.type !== 'text') continue;
      const key = String(mark.attrs.id);
      const entry = byId.get(key) ?? { ...mark.attrs, inserted: '', deleted: '' };
      if (mark.type === 'insertion') entry.inserted += node.text;
      else entry.deleted += node.text;
      byId.set(key, entry);
    }
  }
  return [...byId.values()];
}

export function hasOpenSuggestions(body: ItemBody): boolean {
  return body.content.some((paragraph) => paragraph.content?.some((node) => getSuggestionMark(node)));
}
