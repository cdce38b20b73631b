'use client';
// The item editor's 校对: the body's findings come from the editor plugin (proofread-plugin, loaded
// after the editor and then added to it), the title's and subtitle's are computed here; fixing and
// ignoring go through one place.
import type { Editor } from '@tiptap/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type * as ProofreadPlugin from '@/components/proofread/proofread-plugin';
import type { BodyFinding } from '@/components/proofread/proofread-plugin';
import { ignoreFindingAction } from '@/lib/actions/proofread';
import type { GlossaryTerm, ItemFinding } from '@/lib/proofread/types';

export interface ProofreadContext {
  glossary: GlossaryTerm[];
  ignoredKeys: string[];
}

export type ListedFinding = (ItemFinding & { id?: number }) | BodyFinding;

type Proofreader = typeof ProofreadPlugin;

interface UseItemProofread extends ProofreadContext {
  getItemId: () => number | null;
  title: string;
  subtitle: string;
  onTitleChange: (title: string) => void;
  onSubtitleChange: (subtitle: string) => void;
}

export function useItemProofread({ glossary, ignoredKeys, getItemId, title, subtitle, onTitleChange, onSubtitleChange }: UseItemProofread) {
  const [bodyFindings, setBodyFindings] = useState<BodyFinding[]>([]);
  const [ignored, setIgnored] = useState(() => new Set(ignoredKeys));
  const [message, setMessage] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [proofreader, setProofreader] = useState<Proofreader | null>(null);
  // Read by the plugin whenever it checks, outside React.
  const plugin = useRef({ glossary, ignored: new Set(ignoredKeys) });

  useEffect(() => {
    void import('@/components/proofread/proofread-plugin').then(setProofreader);
  }, []);

  useEffect(() => {
    if (!editor || !proofreader || editor.isDestroyed) return;
    const added = proofreader.createProofreadPlugin({
      getGlossary: () => plugin.current.glossary,
      isIgnored: (key) => plugin.current.ignored.has(key),
      onFindings: setBodyFindings,
    });
    editor.registerPlugin(added);
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(proofreader.proofreadKey);
    };
  }, [editor, proofreader]);

  const deferredTitle = useDeferredValue(title);
  const deferredSubtitle = useDeferredValue(subtitle);
  const headFindings = useMemo(
    () =>
      (proofreader?.checkItem({ title: deferredTitle, subtitle: deferredSubtitle, paragraphs: [] }, { glossary }) ?? []).filter(
        (f) => !ignored.has(f.key) && f.field !== 'body',
      ),
    [proofreader, deferredTitle, deferredSubtitle, glossary, ignored],
  );

  const fix = useCallback(
    (finding: ListedFinding) => {
      setMessage(null);
      // Findings are listed only once the proofreader is there.
      if (!proofreader) return;
      if (finding.field === 'title') onTitleChange(proofreader.applyFixes(title, [finding]));
      else if (finding.field === 'subtitle') onSubtitleChange(proofreader.applyFixes(subtitle, [finding]));
      else if (editor && 'id' in finding && finding.id !== undefined) {
        if (!proofreader.applyFinding(editor.view, finding as BodyFinding)) setMessage('此处文字已改动，请等待重新检查。');
      }
    },
    [proofreader, editor, title, subtitle, onTitleChange, onSubtitleChange],
  );

  const ignore = useCallback(
    async (finding: ListedFinding) => {
      setMessage(null);
      plugin.current.ignored.add(finding.key);
      setIgnored((keys) => new Set(keys).add(finding.key));
      if (editor && proofreader) proofreader.recheck(editor.view);
      const itemId = getItemId();
      if (itemId === null) return; // Kept in the page until the item is first saved.
      const result = await ignoreFindingAction({ itemId, key: finding.key });
      if (!result.ok) setMessage(result.message);
    },
    [getItemId, editor, proofreader],
  );

  return {
    setEditor,
    findings: [...headFindings, ...bodyFindings] as ListedFinding[],
    fix,
    ignore,
    message,
  };
}
