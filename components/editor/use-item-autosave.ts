'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  clearLocalCopy,
  serializeDraft,
  writeLocalCopy,
  type ItemDraft,
  type ServerItemCopy,
} from '@/components/editor/item-draft';
import { createAutosave, type SaveResult, type SaveStatus } from '@/lib/autosave';

export type { SaveStatus };

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  saved: '已保存',
  dirty: '未保存',
  saving: '保存中',
  conflict: '冲突',
  invalid: '未保存',
};

interface Options {
  itemId: number | null;
  initialVersion: number | null;
  draft: ItemDraft;
  /** Whether the draft may be sent at all (a new item needs a title and a section). */
  canSave: (draft: ItemDraft) => boolean;
  save: (draft: ItemDraft, baseVersion: number | null) => Promise<SaveResult>;
  onCreated: (id: number) => void;
}

/**
 * Autosave with optimistic concurrency: the engine (lib/autosave.ts) bound to the form's draft,
 * the browser's local copy and the page's unload.
 */
export function useItemAutosave({ itemId, initialVersion, draft, canSave, save, onCreated }: Options) {
  // Created once per form; the callbacks follow the latest props.
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
  useEffect(() => engine.setHandlers({ canSave, save, onCreated }));
  const state = useSyncExternalStore(engine.subscribe, engine.getState, engine.getState);

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
