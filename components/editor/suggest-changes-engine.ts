// The 修订 machinery, loaded as a chunk of its own when an item is opened for editing (it stays
// out of the editor's first-load JS): @handlewithcare/prosemirror-suggest-changes rewrites
// edits into suggestion marks; this module stamps them with author and time and keeps them to
// what the bulletin stores (text insertions and deletions inside paragraphs).
import type { Editor } from '@tiptap/core';
import type { Node as PMNode, Mark as PMMark } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { SuggestionId } from '@/lib/suggestions';

const ZERO_WIDTH_SPACE = '\u200B';

function isSuggestionMark(mark: PMMark): boolean {
  return mark.type.name === 'insertion' || mark.type.name === 'deletion';
}

/**
 * What the library may produce that the bulletin cannot keep: a new or removed paragraph (it
 * anchors those with zero-width spaces and node marks) or a formatting change (modification).
 */
function isStorable(before: PMNode, after: PMNode): boolean {
  if (after.childCount !== before.childCount) return false;
  let isPlain = true;
  after.descendants((node) => {
    if (!isPlain) return false;
    if (node.isBlock && node.marks.length) isPlain = false;
    else if (node.marks.some((mark) => mark.type.name === 'modification')) isPlain = false;
    else if (node.isText && node.text!.includes(ZERO_WIDTH_SPACE)) isPlain = false;
    return true;
  });
  return isPlain;
}

/** New suggestion marks carry only an id: each gets the author's name and the time. */
function stampSuggestions(tr: Transaction, author: string, time: string): void {
  const stamped = new Map<string, { author: string; time: string }>();
  const unstamped: { from: number; to: number; mark: PMMark }[] = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks.filter(isSuggestionMark)) {
      const key = `${mark.type.name}:${String(mark.attrs.id)}`;
      if (mark.attrs.author) stamped.set(key, { author: mark.attrs.author as string, time: mark.attrs.time as string });
      else unstamped.push({ from: pos, to: pos + node.nodeSize, mark });
    }
    return true;
  });
  for (const { from, to, mark } of unstamped) {
    // Continuing a suggestion (typing on) keeps its first author and time, so it stays one run.
    const signature = stamped.get(`${mark.type.name}:${String(mark.attrs.id)}`) ?? { author, time };
    tr.addMark(from, to, mark.type.create({ ...mark.attrs, ...signature }));
  }
}

/** The rewriter for the SuggestChanges extension: null refuses the edit. */
export function transformToStoredSuggestion(tr: Transaction, editor: Editor): Transaction | null {
  if (tr.getMeta('history$') || 'skip' in ((tr.getMeta(suggestChangesKey) as object | undefined) ?? {})) return tr;
  const state = editor.state;
  let tracked: Transaction;
  try {
    tracked = transformToSuggestionTransaction(tr, state);
  } catch {
    return null;
  }
  if (!isStorable(state.doc, tracked.doc)) return null;
  stampSuggestions(tracked, editor.storage.suggestChanges.author, new Date().toISOString());
  return tracked;
}

/** Switches 修订 on or off for this editor and says whose name new suggestions carry. */
export function configureSuggestChanges(editor: Editor, options: { isEnabled: boolean; author: string; onRefused: () => void }): void {
  Object.assign(editor.storage.suggestChanges, { ...options, transform: transformToStoredSuggestion });
}

type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

function run(editor: Editor, command: Command): void {
  command(editor.state, (tr) => editor.view.dispatch(tr));
}

export function acceptSuggestion(editor: Editor, id: SuggestionId): void {
  run(editor, applySuggestion(id));
}

export function rejectSuggestion(editor: Editor, id: SuggestionId): void {
  run(editor, revertSuggestion(id));
}

export function acceptAllSuggestions(editor: Editor): void {
  run(editor, applySuggestions);
}

export function rejectAllSuggestions(editor: Editor): void {
  run(editor, revertSuggestions);
}
