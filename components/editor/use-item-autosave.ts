'use client';
import { useEffect, useState } from 'react';
import {
  clearLocalCopy,
  serializeDraft,
  writeLocalCopy,
  type ItemDraft,
  type ServerItemCopy,
} from '@/components/editor/item-draft';
import { createAutosave, type AutosaveHandlers, type SaveStatus } from '@/lib/autosave';

export type { SaveStatus };

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  saved: '已保存',
  dirty: '未保存',
  saving: '保存中',
  conflict: '冲突',
  invalid: '未保存',
};

interface Options extends AutosaveHandlers<ItemDraft> {
  /** The item as loaded; read once, on the first render (the engine then keeps the id). */
  itemId: number | null;
  initialVersion: number | null;
  draft: ItemDraft;
}

/**
 * Autosave with optimistic concurrency: the engine (lib/autosave.ts) bound to the form's draft,
 * the browser's local copy and the page's unload.
 */
export function useItemAutosave({ itemId, initialVersion, draft, canSave, save, onCreated }: Options) {
  // Created once per form: it outlives re-renders, including the one after the item's creation.
  const [engine] = useState(() =>
    createAutosave<ItemDraft, ServerItemCopy>({
      itemId,
      baseVersion: initialVersion,
      draft,
      serialize: serializeDraft,
      canSave,
      save,
      onCreated,
      readConflict: (details) => details as ServerItemCopy,
      localCopy: { write: writeLocalCopy, clear: clearLocalCopy },
    }),
  );
  // The engine's state mirrored in ordinary React state: updates from its timers and promises
  // are batched like any setState, and an unchanged state does not render.
  const [state, setState] = useState(engine.getState);
  useEffect(() => engine.subscribe(setState), [engine]);

  // The callbacks follow the latest render.
  useEffect(() => engine.setHandlers({ canSave, save, onCreated }));

  useEffect(() => engine.onDraftChange(draft), [engine, draft]);

  // Leaving with unsaved text: ask first (the local copy exists either way).
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (engine.hasUnsavedText()) event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      engine.stop();
    };
  }, [engine]);

  return {
    ...state,
    saveNow: engine.flush,
    resolveConflict: engine.resolveConflict,
    getItemId: engine.getItemId,
  };
}
