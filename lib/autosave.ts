// The autosave engine of the item editor, without React (components/editor/use-item-autosave.ts
// is the thin hook around it). It owns the timers and the saving state, so it sees the latest
// draft and version from timer and promise callbacks, and it is unit-tested on fake timers
// (test/autosave.test.ts).
//
// The contract:
// - every change is kept in a local copy at once and sent to the server after a pause in typing
//   (IDLE_MS), but never later than MAX_WAIT_MS after the first unsaved change;
// - one save at a time: a change made while a save is in flight is sent after it, from the
//   version that save returned;
// - every save names the version it started from; a stale one is refused by the server with its
//   copy (CONFLICT), and saving stops until the user has chosen between both texts;
// - a failed connection, a server error or throttling (429) is retried after RETRY_MS, and so is
//   an ended session (UNAUTHENTICATED), which resumes by itself once the user signs in again;
// - any other refusal (4xx) shows why and waits for the next change;
// - the local copy is cleared only once the server has exactly that text.
import type { ActionResult } from '@/lib/action';
import type { FieldErrors } from '@/lib/errors';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'invalid';

/** Wait for a pause in typing, but never longer than MAX_WAIT_MS while typing goes on. */
export const AUTOSAVE_TIMING = { idleMs: 800, maxWaitMs: 5_000, retryMs: 3_000 } as const;

export type SaveResult = ActionResult<{ id?: number; version: number }>;

export interface AutosaveState<C> {
  status: SaveStatus;
  fieldErrors: FieldErrors | undefined;
  message: string | null;
  /** The server's copy after a refused stale save, until the user chooses. */
  conflict: C | null;
  lastSavedAt: Date | null;
  /** The last save found the session ended. */
  isSignedOut: boolean;
}

/** The local copy kept while typing, so a reload or a crashed tab loses nothing. */
export interface LocalCopyOf<D> {
  draft: D;
  baseVersion: number | null;
  savedAt: string;
}

/** What the engine calls back; replaced with setHandlers when the form's props change. */
export interface AutosaveHandlers<D> {
  /** Whether the draft may be sent at all (a new item needs a title and a section). */
  canSave: (draft: D) => boolean;
  save: (draft: D, baseVersion: number | null) => Promise<SaveResult>;
  onCreated: (id: number) => void;
}

export interface AutosaveOptions<D, C> extends AutosaveHandlers<D> {
  /** null for a new item: the first save creates it. */
  itemId: number | null;
  baseVersion: number | null;
  /** The draft as loaded: what the server has. */
  draft: D;
  /** Drafts are compared by this. */
  serialize: (draft: D) => string;
  /** The server's copy from a CONFLICT refusal's details. */
  readConflict: (details: unknown) => C;
  localCopy: {
    write: (itemId: number | null, copy: LocalCopyOf<D>) => void;
    clear: (itemId: number | null) => void;
  };
}

export interface Autosave<D, C> {
  getState: () => AutosaveState<C>;
  /** Calls the listener after every state change; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  setHandlers: (handlers: AutosaveHandlers<D>) => void;
  /** Every change: keep a local copy at once, save to the server after a pause. */
  onDraftChange: (next: D) => void;
  /** Saves now what is waiting (立即保存, or before leaving). */
  flush: () => Promise<void>;
  /** Conflict resolved: continue from the server's version with the text the user chose. */
  resolveConflict: (serverVersion: number, choice: { keepMine: boolean; serverDraft: D }) => void;
  hasUnsavedText: () => boolean;
  getItemId: () => number | null;
  /** Stops the timers (the form is gone). */
  stop: () => void;
}

const OFFLINE: SaveResult = { ok: false, status: 0, code: 'INTERNAL', message: '网络连接中断，稍后自动重试。' };

export function createAutosave<D, C>(options: AutosaveOptions<D, C>): Autosave<D, C> {
  const { serialize, localCopy } = options;
  let handlers: AutosaveHandlers<D> = options;
  const s = {
    itemId: options.itemId,
    baseVersion: options.baseVersion,
    savedJson: serialize(options.draft),
    latest: options.draft,
    isSaving: false,
    isBlocked: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    firstDirtyAt: 0,
  };
  // A new item has nothing on the server yet: it waits for a title and a section.
  let state: AutosaveState<C> = {
    status: options.itemId === null ? 'invalid' : 'saved',
    fieldErrors: undefined,
    message: null,
    conflict: null,
    lastSavedAt: null,
    isSignedOut: false,
  };
  const listeners = new Set<() => void>();

  function update(patch: Partial<AutosaveState<C>>) {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }

  function keepLocalCopy(draft: D) {
    localCopy.write(s.itemId, { draft, baseVersion: s.baseVersion, savedAt: new Date().toISOString() });
  }

  function schedule() {
    clearTimeout(s.timer);
    const now = Date.now();
    if (!s.firstDirtyAt) s.firstDirtyAt = now;
    const wait = Math.max(0, Math.min(AUTOSAVE_TIMING.idleMs, s.firstDirtyAt + AUTOSAVE_TIMING.maxWaitMs - now));
    s.timer = setTimeout(() => {
      s.firstDirtyAt = 0;
      void flush();
    }, wait);
  }

  function retryLater() {
    s.timer = setTimeout(() => void flush(), AUTOSAVE_TIMING.retryMs);
  }

  async function flush() {
    clearTimeout(s.timer);
    if (s.isSaving || s.isBlocked) return;
    const snapshot = s.latest;
    const json = serialize(snapshot);
    if (json === s.savedJson) {
      update({ status: 'saved' });
      return;
    }
    if (!handlers.canSave(snapshot)) {
      update({ status: 'invalid' });
      return;
    }
    s.isSaving = true;
    update({ status: 'saving' });
    let result: SaveResult;
    try {
      result = await handlers.save(snapshot, s.baseVersion);
    } catch {
      result = OFFLINE;
    }
    s.isSaving = false;

    if (result.ok) {
      s.baseVersion = result.data.version;
      s.savedJson = json;
      update({ isSignedOut: false, fieldErrors: undefined, message: null, lastSavedAt: new Date() });
      if (s.itemId === null && result.data.id) {
        s.itemId = result.data.id;
        // What was typed while the item was being created moves to the item's own copy
        // before the new-item copy goes.
        if (serialize(s.latest) !== json) keepLocalCopy(s.latest);
        localCopy.clear(null);
        handlers.onCreated(result.data.id);
      }
      if (serialize(s.latest) === json) {
        localCopy.clear(s.itemId);
        update({ status: 'saved' });
      } else {
        schedule();
      }
      return;
    }
    const isSignedOut = result.code === 'UNAUTHENTICATED';
    if (result.code === 'CONFLICT' && result.details) {
      s.isBlocked = true;
      update({ isSignedOut, conflict: options.readConflict(result.details), status: 'conflict', message: result.message });
      return;
    }
    if (isSignedOut) {
      // The session ended (expired, or signed out in another tab): the text stays in the
      // local copy, and saving resumes by itself once the user has signed in again.
      update({ isSignedOut, message: null, status: 'dirty' });
      retryLater();
      return;
    }
    if (result.status >= 400 && result.status < 500 && result.status !== 429) {
      // The server refused this input: keep it (and the local copy) and show why.
      update({ isSignedOut, fieldErrors: result.fieldErrors, message: result.message, status: 'invalid' });
      return;
    }
    update({ isSignedOut, message: result.message, status: 'dirty' });
    retryLater();
  }

  function onDraftChange(next: D) {
    s.latest = next;
    if (serialize(next) === s.savedJson) return;
    keepLocalCopy(next);
    if (s.isBlocked) return;
    if (!s.isSaving) update({ status: 'dirty' });
    schedule();
  }

  function resolveConflict(serverVersion: number, choice: { keepMine: boolean; serverDraft: D }) {
    s.baseVersion = serverVersion;
    s.isBlocked = false;
    update({ conflict: null, message: null });
    if (choice.keepMine) {
      void flush();
    } else {
      s.savedJson = serialize(choice.serverDraft);
      s.latest = choice.serverDraft;
      update({ status: 'saved' });
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setHandlers(next) {
      handlers = next;
    },
    onDraftChange,
    flush,
    resolveConflict,
    hasUnsavedText: () => serialize(s.latest) !== s.savedJson,
    getItemId: () => s.itemId,
    stop: () => clearTimeout(s.timer),
  };
}
