'use client';
// The item editor's 校对: the body's findings come from the editor plugin (proofread-extension),
// the title's and subtitle's are computed here; fixing and ignoring go through one place.
import type { Editor } from '@tiptap/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { applyFinding, createProofreadController, recheck, type BodyFinding } from '@/components/proofread/proofread-extension';
import { ignoreFindingAction } from '@/lib/actions/proofread';
import { getLoadedChecker, loadChecker } from '@/components/proofread/load-checker';
import type { GlossaryTerm, ItemFinding } from '@/lib/proofread/types';

export interface ProofreadContext {
  glossary: GlossaryTerm[];
  ignoredKeys: string[];
}

export type ListedFinding = (ItemFinding & { id?: number }) | BodyFinding;

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
  const editorRef = useRef<Editor | null>(null);
  const [checker, setChecker] = useState(getLoadedChecker);
  useEffect(() => {
    void loadChecker().then(setChecker);
  }, []);

  // Created once: the editor's extensions must not change identity.
  const [controller] = useState(() =>
    createProofreadController({ getGlossary: () => glossary, onFindings: setBodyFindings, ignoredKeys }),
  );
  const [extensions] = useState(() => [controller.extension]);
  const setEditor = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  const deferredTitle = useDeferredValue(title);
  const deferredSubtitle = useDeferredValue(subtitle);
  const headFindings = useMemo(
    () =>
      (checker?.checkItem({ title: deferredTitle, subtitle: deferredSubtitle, paragraphs: [] }, { glossary }) ?? []).filter(
        (f) => !ignored.has(f.key) && f.field !== 'body',
      ),
    [checker, deferredTitle, deferredSubtitle, glossary, ignored],
  );

  const fix = useCallback(
    (finding: ListedFinding) => {
      setMessage(null);
      // Findings are listed only once the checker is there.
      if (finding.field === 'title' && checker) onTitleChange(checker.applyFixes(title, [finding]));
      else if (finding.field === 'subtitle' && checker) onSubtitleChange(checker.applyFixes(subtitle, [finding]));
      else if (editorRef.current && 'id' in finding && finding.id !== undefined) {
        if (!applyFinding(editorRef.current.view, finding as BodyFinding)) setMessage('此处文字已改动，请等待重新检查。');
      }
    },
    [checker, title, subtitle, onTitleChange, onSubtitleChange],
  );

  const ignore = useCallback(
    async (finding: ListedFinding) => {
      setMessage(null);
      controller.ignore(finding.key);
      setIgnored((keys) => new Set(keys).add(finding.key));
      if (editorRef.current) recheck(editorRef.current.view);
      const itemId = getItemId();
      if (itemId === null) return; // Kept in the page until the item is first saved.
      const result = await ignoreFindingAction({ itemId, key: finding.key });
      if (!result.ok) setMessage(result.message);
    },
    [getItemId, controller],
  );

  return {
    extensions,
    setEditor,
    findings: [...headFindings, ...bodyFindings] as ListedFinding[],
    fix,
    ignore,
    message,
  };
}
