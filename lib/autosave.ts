// The autosave engine of the item editor, without React: components/editor/use-item-autosave.ts
// is the thin hook that binds it to the form, the browser's local copy and the page's unload.
// It owns the timers and the saving state, so it sees the latest draft and version from timer
// and promise callbacks; test/autosave.test.ts runs it on fake timers.
//
// The contract:
// - every change is kept in a local copy at once and sent to the server after a pause in typing
//   (idleMs), but never later than maxWaitMs after the first unsaved change;
// - one save at a time: a change made while a save is in flight is sent after it, from the
//   version that save returned;
// - a new item (itemId null) waits until canSave admits the draft; its first save creates it and
//   returns the id, onCreated is told, and every later save is an update of that id. What is typed
//   while the creating save is in flight moves to the item's own local copy and is saved after it;
// - every save names the version it started from; a stale one is refused by the server with its
//   copy (CONFLICT), and saving stops until the user has chosen between both texts;
// - a failed connection, a server error or throttling (429) is retried after retryMs, and so is
//   an ended session (UNAUTHENTICATED), which resumes by itself once the user signs in again;
// - any other refusal (4xx) shows why and waits for the next change;
// - the local copy is cleared only once the server has exactly that text.
//
// State changes reach the subscribers as a new state object; a change that changes nothing keeps
// the same object, so a React setState bound to it bails out (no render per keystroke).
import type { ActionResult } from '@/lib/action';
import type { FieldErrors } from '@/lib/errors';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'invalid';

/** Wait for a pause in typing, but never longer than maxWaitMs while typing goes on. */
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

/** What the engine calls back; replaced with setHandlers when the form re-renders. */
export interface AutosaveHandlers<D> {
  /** Whether the draft may be sent at all (a new item needs a title and a section). */
  canSave: (draft: D) => boolean;
  /** Creates the item when getItemId() is null, else updates it from baseVersion. */
  save: (draft: D, baseVersion: number | null) => Promise<SaveResult>;
  /** The first save created the item: it now has this id. */
  onCreated: (id: number) => void;
}

export interface AutosaveOptions<D, C> extends AutosaveHandlers<D> {
  /** null for a new item: the first save creates it. Read once: the engine keeps the id. */
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
  /** Hands the listener every new state; returns the unsubscribe. */
  subscribe: (listener: (state: AutosaveState<C>) => void) => () => void;
  setHandlers: (handlers: AutosaveHandlers<D>) => void;
  /** Every change: keep a local copy at once, save to the server after a pause. */
  onDraftChange: (next: D) => void;
  /** Saves now what is waiting (立即保存). */
  flush: () => Promise<void>;
  /** Conflict resolved: continue from the server's version with the text the user chose. */
  resolveConflict: (serverVersion: number, choice: { keepMine: boolean; serverDraft: D }) => void;
  hasUnsavedText: () => boolean;
  /** null until the first save has created the item. */
  getItemId: () => number | null;
  /** Stops the timers (the form is gone). */
  stop: () => void;
}

const OFFLINE: SaveResult = { ok: false, status: 0, code: 'INTERNAL', message: '网络连接中断，稍后自动重试。' };

export function createAutosave<D, C>(options: AutosaveOptions<D, C>): Autosave<D, C> {
  const { serialize, localCopy, readConflict } = options;
  let handlers: AutosaveHandlers<D> = { canSave: options.canSave, save: options.save, onCreated: options.onCreated };
  let itemId = options.itemId;
  let baseVersion = options.baseVersion;
  /** What the server has. */
  let savedJson = serialize(options.draft);
  let latest = options.draft;
  let isSaving = false;
  /** A conflict waits for the user: nothing is sent. */
  let isBlocked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the changes waiting for the pending timer began (0: none waiting). */
  let firstDirtyAt = 0;

  // A new item has nothing on the server yet: it waits for a title and a section.
  let state: AutosaveState<C> = {
    status: itemId === null ? 'invalid' : 'saved',
    fieldErrors: undefined,
    message: null,
    conflict: null,
    lastSavedAt: null,
    isSignedOut: false,
  };
  const listeners = new Set<(state: AutosaveState<C>) => void>();

  function update(patch: Partial<AutosaveState<C>>) {
    const keys = Object.keys(patch) as (keyof AutosaveState<C>)[];
    if (keys.every((key) => Object.is(state[key], patch[key]))) return;
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function keepLocalCopy(draft: D) {
    localCopy.write(itemId, { draft, baseVersion, savedAt: new Date().toISOString() });
  }

  function schedule() {
    clearTimeout(timer);
    const now = Date.now();
    if (!firstDirtyAt) firstDirtyAt = now;
    const wait = Math.max(0, Math.min(AUTOSAVE_TIMING.idleMs, firstDirtyAt + AUTOSAVE_TIMING.maxWaitMs - now));
    timer = setTimeout(() => {
      firstDirtyAt = 0;
      void flush();
    }, wait);
  }

  function retryLater() {
    timer = setTimeout(() => void flush(), AUTOSAVE_TIMING.retryMs);
  }

  async function flush() {
    clearTimeout(timer);
    if (isSaving || isBlocked) return;
    const snapshot = latest;
    const json = serialize(snapshot);
    if (json === savedJson) {
      update({ status: 'saved' });
      return;
    }
    if (!handlers.canSave(snapshot)) {
      update({ status: 'invalid' });
      return;
    }
    isSaving = true;
    update({ status: 'saving' });
    let result: SaveResult;
    try {
      result = await handlers.save(snapshot, baseVersion);
    } catch {
      result = OFFLINE;
    }
    isSaving = false;
    const isSignedOut = !result.ok && result.code === 'UNAUTHENTICATED';

    if (result.ok) {
      baseVersion = result.data.version;
      savedJson = json;
      update({ isSignedOut, fieldErrors: undefined, message: null, lastSavedAt: new Date() });
      if (itemId === null && result.data.id) {
        itemId = result.data.id;
        // What was typed while the item was being created moves to the item's own copy
        // before the new-item copy goes.
        if (serialize(latest) !== json) keepLocalCopy(latest);
        localCopy.clear(null);
        handlers.onCreated(itemId);
      }
      // Read latest again: onCreated may have re-rendered the form with more text.
      if (serialize(latest) === json) {
        localCopy.clear(itemId);
        update({ status: 'saved' });
      } else {
        // Typed while this save was in flight: it goes in the next one, from this version.
        schedule();
      }
      return;
    }
    if (result.code === 'CONFLICT' && result.details) {
      isBlocked = true;
      update({ isSignedOut, conflict: readConflict(result.details), status: 'conflict', message: result.message });
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
    latest = next;
    if (serialize(next) === savedJson) return;
    keepLocalCopy(next);
    if (isBlocked) return;
    // During a save the status stays 保存中; the change is sent after it.
    if (!isSaving) update({ status: 'dirty' });
    schedule();
  }

  function resolveConflict(serverVersion: number, choice: { keepMine: boolean; serverDraft: D }) {
    baseVersion = serverVersion;
    isBlocked = false;
    update({ conflict: null, message: null });
    if (choice.keepMine) {
      void flush();
    } else {
      savedJson = serialize(choice.serverDraft);
      latest = choice.serverDraft;
      update({ status: 'saved' });
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setHandlers(next) {
      handlers = next;
    },
    onDraftChange,
    flush,
    resolveConflict,
    hasUnsavedText: () => serialize(latest) !== savedJson,
    getItemId: () => itemId,
    stop: () => clearTimeout(timer),
  };
}
