// 校对 in the editor: a ProseMirror plugin, added to the editor once this module (with the
// checker) has arrived in a chunk of its own, so neither weighs on the editor's first-load JS.
// The plugin that checks the body a moment after the editor stops
// typing (at once after a paste) and marks each finding with an inline decoration. Between checks
// the marks move with the text (decorations are mapped through every transaction), so typing
// costs no more than before; the check itself takes a few milliseconds for a long item.
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { checkParagraphs, findingKey } from '@/lib/proofread/check';
import type { GlossaryTerm, ItemFinding } from '@/lib/proofread/types';

// Inline: the mark is the plugin's own, and the page's CSP allows style attributes.
const MARK_STYLE = 'text-decoration: underline wavy #d97706; text-decoration-skip-ink: none; text-underline-offset: 3px; background: rgb(254 243 199 / 0.6)';

/** Quiet time after the last keystroke before the body is checked again. */
export const PROOFREAD_DELAY_MS = 400;

export interface BodyFinding extends ItemFinding {
  /** Identifies the finding's mark until the next check. */
  id: number;
}

export interface ProofreadOptions {
  getGlossary: () => readonly GlossaryTerm[];
  /** Keys of findings ignored at their place (findingKey). */
  isIgnored: (key: string) => boolean;
  onFindings: (findings: BodyFinding[]) => void;
}

interface ProofreadState {
  decorations: DecorationSet;
  /** Counts pastes and rechecks: each asks for a check at once. */
  urgent: number;
}

export const proofreadKey = new PluginKey<ProofreadState>('proofread');

let nextId = 1;

/** The findings of the body, with their decorations at the document's positions. */
function check(doc: PMNode, options: ProofreadOptions): { decorations: DecorationSet; findings: BodyFinding[] } {
  const paragraphs: string[] = [];
  const starts: number[] = [];
  doc.forEach((node, offset) => {
    // A line break is one position and reads as "\n" (as getParagraphText): offsets match.
    paragraphs.push(node.textBetween(0, node.content.size, undefined, '\n'));
    starts.push(offset + 1);
  });
  const findings: BodyFinding[] = [];
  const decorations: Decoration[] = [];
  checkParagraphs(paragraphs, { glossary: options.getGlossary() }).forEach((list, p) => {
    const text = paragraphs[p]!;
    for (const f of list) {
      const key = findingKey(f.rule, text, f.from, f.to);
      if (options.isIgnored(key)) continue;
      const id = nextId++;
      findings.push({ ...f, field: 'body', paragraph: p, excerpt: text.slice(f.from, f.to), key, id });
      const from = starts[p]! + f.from;
      // An empty range (nothing between two characters) is marked on the character before it.
      const to = Math.max(starts[p]! + f.to, from + 1);
      decorations.push(
        Decoration.inline(from, to, { class: 'proofread-mark', style: MARK_STYLE, title: f.message, 'data-finding': String(id), 'data-rule': f.rule }, { id }),
      );
    }
  });
  return { decorations: DecorationSet.create(doc, decorations), findings };
}

/** Where a finding's mark is now, after whatever was typed since the check. */
export function findMark(state: EditorState, id: number): { from: number; to: number } | null {
  const set = proofreadKey.getState(state)?.decorations;
  const found = set?.find(undefined, undefined, (spec: { id?: number }) => spec.id === id)[0];
  return found ? { from: found.from, to: found.to } : null;
}

/** Applies a finding's fix where its mark is now; false when the text there changed. */
export function applyFinding(view: EditorView, finding: BodyFinding): boolean {
  if (finding.fix === undefined) return false;
  const mark = findMark(view.state, finding.id);
  if (!mark) return false;
  const from = mark.from;
  const to = finding.to === finding.from ? from : mark.to;
  if (view.state.doc.textBetween(from, to, undefined, '\n') !== finding.excerpt) return false;
  const tr: Transaction = finding.fix === '' ? view.state.tr.delete(from, to) : view.state.tr.insertText(finding.fix, from, to);
  view.dispatch(tr);
  return true;
}

/** Checks again now (after an ignore, or when the glossary arrived). */
export function recheck(view: EditorView) {
  view.dispatch(view.state.tr.setMeta(proofreadKey, 'recheck').setMeta('addToHistory', false));
}

export { applyFixes, checkItem } from '@/lib/proofread/check';

export function createProofreadPlugin(options: ProofreadOptions): Plugin<ProofreadState> {
  return new Plugin<ProofreadState>({
    key: proofreadKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, urgent: 0 }),
      apply(tr, value) {
        const meta = tr.getMeta(proofreadKey) as DecorationSet | 'recheck' | undefined;
        if (meta instanceof DecorationSet) return { ...value, decorations: meta };
        const urgent = value.urgent + (meta === 'recheck' || tr.getMeta('uiEvent') === 'paste' ? 1 : 0);
        return tr.docChanged || urgent !== value.urgent ? { decorations: value.decorations.map(tr.mapping, tr.doc), urgent } : value;
      },
    },
    props: {
      decorations: (state) => proofreadKey.getState(state)?.decorations,
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const run = () => {
        timer = undefined;
        if (view.isDestroyed) return;
        const { decorations, findings } = check(view.state.doc, options);
        view.dispatch(view.state.tr.setMeta(proofreadKey, decorations).setMeta('addToHistory', false));
        options.onFindings(findings);
      };
      const schedule = (delay: number) => {
        clearTimeout(timer);
        timer = setTimeout(run, delay);
      };
      schedule(0);
      return {
        update(current, previous) {
          // Pasted text and explicit rechecks are checked at once, typing after a pause.
          if (proofreadKey.getState(current.state)?.urgent !== proofreadKey.getState(previous)?.urgent) schedule(0);
          else if (current.state.doc !== previous.doc) schedule(PROOFREAD_DELAY_MS);
        },
        destroy() {
          clearTimeout(timer);
        },
      };
    },
  });
}
