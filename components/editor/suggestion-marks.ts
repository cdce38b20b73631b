// The 修订 marks in the editor's schema: always present, so a body holding suggestions opens
// (and saves) with them intact even before the 修订 machinery (suggest-changes-engine.ts) loads.
// Names and attributes are those of @handlewithcare/prosemirror-suggest-changes, plus the
// author and time the server requires (lib/validations/item-body.ts, lib/suggestions.ts).
import { Extension, Mark, mergeAttributes, type Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';

const suggestionAttributes = () => ({
  id: {
    default: null,
    parseHTML: (element: HTMLElement) => {
      const raw = element.dataset.id ?? '';
      return /^\d+$/.test(raw) ? Number(raw) : raw || null;
    },
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-id': String(attrs.id) }),
  },
  author: {
    default: null,
    parseHTML: (element: HTMLElement) => element.dataset.author ?? null,
    renderHTML: (attrs: Record<string, unknown>) => (attrs.author ? { 'data-author': String(attrs.author) } : {}),
  },
  time: {
    default: null,
    parseHTML: (element: HTMLElement) => element.dataset.time ?? null,
    renderHTML: (attrs: Record<string, unknown>) => (attrs.time ? { 'data-time': String(attrs.time) } : {}),
  },
});

export const INSERTION_CLASS = 'suggestion-insertion rounded-sm bg-green-100 text-green-900 underline decoration-green-700 decoration-2 underline-offset-4';
export const DELETION_CLASS = 'suggestion-deletion rounded-sm bg-red-50 text-red-800 line-through decoration-red-700 decoration-2';

export const Insertion = Mark.create({
  name: 'insertion',
  inclusive: false,
  excludes: 'deletion modification insertion',
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, { class: INSERTION_CLASS }), 0],
});

export const Deletion = Mark.create({
  name: 'deletion',
  inclusive: false,
  excludes: 'insertion modification deletion',
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, { class: DELETION_CLASS }), 0],
});

/**
 * The library needs this mark type to exist; the bulletin never keeps one (the server refuses
 * it), so a formatting change in 修订 mode is refused instead of being recorded.
 */
export const Modification = Mark.create({
  name: 'modification',
  inclusive: false,
  excludes: 'deletion insertion',
  addAttributes: () => ({ id: { default: null }, type: { default: null }, attrName: { default: null }, previousValue: { default: null }, newValue: { default: null } }),
  parseHTML: () => [],
  renderHTML: () => ['span', 0],
});

export interface SuggestChangesStorage {
  /** Typing is recorded as 修订. */
  isEnabled: boolean;
  /** Whose name new suggestions carry. */
  author: string;
  /** The library's transaction rewriter, once its chunk is loaded. */
  transform: ((tr: Transaction, editor: Editor) => Transaction | null) | null;
  /** Told when an edit cannot be a 修订 (paragraph split or join, formatting). */
  onRefused: (() => void) | null;
}

declare module '@tiptap/core' {
  interface Storage {
    suggestChanges: SuggestChangesStorage;
  }
}

/**
 * In 修订 mode every edit goes through the library's rewriter before it reaches the editor:
 * a deletion becomes a deletion mark, typed text an insertion mark. Undo and the library's own
 * accept/reject transactions pass unchanged (the rewriter decides that).
 */
export const SuggestChanges = Extension.create<Record<string, never>, SuggestChangesStorage>({
  name: 'suggestChanges',
  addStorage: () => ({ isEnabled: false, author: '', transform: null, onRefused: null }),
  dispatchTransaction({ transaction, next }) {
    const { isEnabled, transform, onRefused } = this.storage;
    if (!isEnabled || !transform || !transaction.docChanged) return next(transaction);
    const tracked = transform(transaction, this.editor);
    if (tracked) next(tracked);
    else onRefused?.();
  },
});

export const suggestionExtensions = [Insertion, Deletion, Modification, SuggestChanges];
