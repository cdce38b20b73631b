'use client';
import { useEffect, useRef, useState } from 'react';
import {
  clearLocalCopy,
  serializeDraft,
  writeLocalCopy,
  type ItemDraft,
  type ServerItemCopy,
} from '@/components/editor/item-draft';
import type { ActionResult } from '@/lib/action';
import type { FieldErrors } from '@/lib/errors';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'invalid';

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  saved: '已保存',
  dirty: '未保存',
  saving: '保存中',
  conflict: '冲突',
  invalid: '未保存',
};

/** Wait for a pause in typing, but never longer than MAX_WAIT_MS while typing goes on. */
const IDLE_MS = 800;
const MAX_WAIT_MS = 5_000;
const RETRY_MS = 3_000;

type SaveResult = ActionResult<{ id?: number; version: number }>;

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
 * Autosave with optimistic concurrency. Every save carries the version it started from; the
 * server refuses a stale one and returns its copy, and saving stops until the user chooses.
 * A local copy is written on every change and cleared only once the server has the text.
 */
export function useItemAutosave({ itemId, initialVersion, draft, canSave, save, onCreated }: Options) {
  // A new item has nothing on the server yet: it waits for a title and a section.
  const [status, setStatus] = useState<SaveStatus>(itemId === null ? 'invalid' : 'saved');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ServerItemCopy | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [isSignedOut, setIsSignedOut] = useState(false);

  const deps = useRef({ canSave, save, onCreated });
  useEffect(() => {
    deps.current = { canSave, save, onCreated };
  });

  // The saving machinery lives outside React state: it must see the latest draft and version
  // from timers and promise callbacks, and it is created once per form.
  const [engine] = useState(() => {
    const s = {
      itemId,
      baseVersion: initialVersion,
      savedJson: serializeDraft(draft),
      latest: draft,
      isSaving: false,
      isBlocked: false,
      timer: undefined as ReturnType<typeof setTimeout> | undefined,
      firstDirtyAt: 0,
    };

    function schedule() {
      clearTimeout(s.timer);
      const now = Date.now();
      if (!s.firstDirtyAt) s.firstDirtyAt = now;
      const wait = Math.max(0, Math.min(IDLE_MS, s.firstDirtyAt + MAX_WAIT_MS - now));
      s.timer = setTimeout(() => {
        s.firstDirtyAt = 0;
        void flush();
      }, wait);
    }

    async function flush() {
      clearTimeout(s.timer);
      if (s.isSaving || s.isBlocked) return;
      const snapshot = s.latest;
      const json = serializeDraft(snapshot);
      if (json === s.savedJson) {
        setStatus('saved');
        return;
      }
      if (!deps.current.canSave(snapshot)) {
        setStatus('invalid');
        return;
      }
      s.isSaving = true;
      setStatus('saving');
      let result: SaveResult;
      try {
        result = await deps.current.save(snapshot, s.baseVersion);
      } catch {
        result = { ok: false, status: 0, code: 'INTERNAL', message: '网络连接中断，稍后自动重试。' };
      }
      s.isSaving = false;
      setIsSignedOut(!result.ok && result.code === 'UNAUTHENTICATED');

      if (result.ok) {
        s.baseVersion = result.data.version;
        s.savedJson = json;
        setFieldErrors(undefined);
        setMessage(null);
        setLastSavedAt(new Date());
        if (s.itemId === null && result.data.id) {
          s.itemId = result.data.id;
          // What was typed while the item was being created moves to the item's own copy
          // before the new-item copy goes.
          if (serializeDraft(s.latest) !== json) {
            writeLocalCopy(s.itemId, { draft: s.latest, baseVersion: s.baseVersion, savedAt: new Date().toISOString() });
          }
          clearLocalCopy(null);
          deps.current.onCreated(result.data.id);
        }
        if (serializeDraft(s.latest) === json) {
          clearLocalCopy(s.itemId);
          setStatus('saved');
        } else {
          schedule();
        }
        return;
      }
      if (result.code === 'CONFLICT' && result.details) {
        s.isBlocked = true;
        setConflict(result.details as ServerItemCopy);
        setStatus('conflict');
        setMessage(result.message);
        return;
      }
      if (!result.ok && result.code === 'UNAUTHENTICATED') {
        // The session ended (expired, or signed out in another tab): the text stays in the
        // local copy, and saving resumes by itself once the user has signed in again.
        setMessage(null);
        setStatus('dirty');
        s.timer = setTimeout(() => void flush(), RETRY_MS);
        return;
      }
      if (result.status >= 400 && result.status < 500 && result.status !== 429) {
        // The server refused this input: keep it (and the local copy) and show why.
        setFieldErrors(result.fieldErrors);
        setMessage(result.message);
        setStatus('invalid');
        return;
      }
      setMessage(result.message);
      setStatus('dirty');
      s.timer = setTimeout(() => void flush(), RETRY_MS);
    }

    /** Every change: keep a local copy at once, save to the server after a pause. */
    function onDraftChange(next: ItemDraft) {
      s.latest = next;
      if (serializeDraft(next) === s.savedJson) return;
      writeLocalCopy(s.itemId, { draft: next, baseVersion: s.baseVersion, savedAt: new Date().toISOString() });
      if (s.isBlocked) return;
      if (!s.isSaving) setStatus('dirty');
      schedule();
    }

    /** Conflict resolved: continue from the server's version with the text the user chose. */
    function resolveConflict(serverVersion: number, options: { keepMine: boolean; serverDraft: ItemDraft }) {
      s.baseVersion = serverVersion;
      s.isBlocked = false;
      setConflict(null);
      setMessage(null);
      if (options.keepMine) {
        void flush();
      } else {
        s.savedJson = serializeDraft(options.serverDraft);
        s.latest = options.serverDraft;
        setStatus('saved');
      }
    }

    return {
      flush,
      onDraftChange,
      resolveConflict,
      hasUnsavedText: () => serializeDraft(s.latest) !== s.savedJson,
      stop: () => clearTimeout(s.timer),
      getItemId: () => s.itemId,
    };
  });

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
    status,
    fieldErrors,
    message,
    conflict,
    lastSavedAt,
    isSignedOut,
    saveNow: engine.flush,
    resolveConflict: engine.resolveConflict,
    getItemId: engine.getItemId,
  };
}
