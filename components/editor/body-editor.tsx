'use client';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState, type JSONContent } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { itemBodyExtensions } from '@/components/editor/extensions';
import { Button } from '@/components/ui/button';
import { cleanPastedHtml } from '@/lib/paste/html-paste';
import { getBodyText } from '@/lib/item-body-text';
import { removeInvisibleCharacters } from '@/lib/text';
import type { ItemBody } from '@/lib/validations/item-body';

interface BodyEditorProps {
  initialBody: ItemBody;
  /** Replaces the document when it changes identity (e.g. choosing the other side of a conflict). */
  replaceWith?: { body: ItemBody; key: number };
  onChange: (body: ItemBody) => void;
  /** A closing `（来源）` was found in pasted plain text. */
  onSourcesDetected: (sources: string[]) => void;
  describedBy?: string;
  onEditorReady?: (editor: Editor | null) => void;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

// The hard-wrap reconstruction (lib/layout/reflow) is a chunk of its own, fetched as soon as the
// editor is on screen: it stays out of the editor's first-load JS (README, bench:load).
const loadPlainTextPaste = () => import('@/lib/paste/plain-text-paste');

const BODY_PLACEHOLDER = '在此输入正文。可直接粘贴 Word、WPS 或网页中的文字，格式会自动清理。';

export function BodyEditor({ initialBody, replaceWith, onChange, onSourcesDetected, describedBy, onEditorReady }: BodyEditorProps) {
  const callbacks = useRef({ onChange, onSourcesDetected });
  useEffect(() => {
    callbacks.current = { onChange, onSourcesDetected };
  });

  const editor = useEditor({
    extensions: itemBodyExtensions,
    content: initialBody as JSONContent,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: 'item-body min-h-[18rem] px-4 py-3 outline-none',
        'aria-label': '正文',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
      // Invisible characters go first: the server refuses them, and nobody meant to paste them.
      transformPastedHTML: (html) => cleanPastedHtml(removeInvisibleCharacters(html), parseHtml),
      transformPastedText: (text) => removeInvisibleCharacters(text),
      handlePaste: (view, event) => {
        const data = event.clipboardData;
        if (!data || data.types.includes('text/html')) return false;
        const text = removeInvisibleCharacters(data.getData('text/plain'));
        if (!text.includes('\n')) return false;
        // Hard-wrapped plain text (e.g. copied from a PDF): join lines back into paragraphs,
        // once the reconstruction is loaded (already, unless the paste came at once).
        void loadPlainTextPaste().then(({ parsePlainTextPaste }) => {
          const { paragraphs, sources } = parsePlainTextPaste(text);
          if (!paragraphs.length || view.isDestroyed) return;
          const { schema } = view.state;
          const nodes = paragraphs.map((p) => schema.nodeFromJSON({ type: 'paragraph', content: [{ type: 'text', text: p }] }));
          const { tr } = view.state;
          tr.replaceSelectionWith(nodes[0]!);
          let pos = tr.selection.to;
          for (const node of nodes.slice(1)) {
            tr.insert(pos, node);
            pos += node.nodeSize;
          }
          view.dispatch(tr.scrollIntoView().setMeta('uiEvent', 'paste'));
          if (sources?.length) callbacks.current.onSourcesDetected(sources);
        });
        return true;
      },
    },
    // A copy without shared objects: ProseMirror gives each text node of one 修订 the same attrs
    // object, which React's Server Action encoding would send as a path reference
    // ("$0:…"), and the action guard (scripts/action-guard.mjs) refuses those.
    onUpdate: ({ editor: current }) => callbacks.current.onChange(JSON.parse(JSON.stringify(current.getJSON())) as ItemBody),
  });

  useEffect(() => {
    onEditorReady?.(editor);
  }, [editor, onEditorReady]);

  useEffect(() => {
    void loadPlainTextPaste();
  }, []);

  useEffect(() => {
    if (editor && replaceWith) editor.commands.setContent(replaceWith.body as JSONContent, { emitUpdate: false });
  }, [editor, replaceWith]);

  // Until its first transaction the editor's state manager still holds no editor (Tiptap
  // creates it after the first render): the body it opens with decides meanwhile, so a
  // reopened item's text is never covered by the placeholder.
  const isInitiallyEmpty = getBodyText(initialBody) === '';
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      isBold: current?.isActive('bold') ?? false,
      isEmpty: current ? current.isEmpty : isInitiallyEmpty,
      canUndo: current?.can().undo() ?? false,
      canRedo: current?.can().redo() ?? false,
    }),
  });

  return (
    <div className="rounded-md border border-border bg-white focus-within:border-brand">
      <div role="toolbar" aria-label="正文格式" className="flex gap-1 border-b border-border px-2 py-1">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          aria-pressed={state?.isBold}
          onClick={() => editor?.chain().focus().toggleBold().run()}
          className={state?.isBold ? 'bg-muted font-bold' : 'font-bold'}
          title="加粗（Ctrl+B）"
        >
          加粗
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => editor?.chain().focus().setHardBreak().run()} title="段内换行（Shift+Enter）">
          换行
        </Button>
        <Button type="button" variant="ghost" size="sm" disabled={!state?.canUndo} onClick={() => editor?.chain().focus().undo().run()} title="撤销（Ctrl+Z）">
          撤销
        </Button>
        <Button type="button" variant="ghost" size="sm" disabled={!state?.canRedo} onClick={() => editor?.chain().focus().redo().run()} title="重做（Ctrl+Shift+Z）">
          重做
        </Button>
      </div>
      <div className="relative">
        {(state?.isEmpty ?? isInitiallyEmpty) && (
          <p aria-hidden data-testid="body-placeholder" className="pointer-events-none absolute left-4 top-3 mt-[0.3em] leading-[1.9] text-muted-foreground">
            {BODY_PLACEHOLDER}
          </p>
        )}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
