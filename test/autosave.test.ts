import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_TIMING, createAutosave, type LocalCopyOf, type SaveResult } from '@/lib/autosave';

// The engine on fake timers: what is sent when, and what the user is shown.

interface Draft {
  title: string;
}
interface ServerCopy {
  title: string;
  version: number;
}

const { idleMs, maxWaitMs, retryMs } = AUTOSAVE_TIMING;

/** A refused stale save carrying a server copy: the engine hands `details` to readConflict unread. */
function conflict(message: string, copy: ServerCopy): SaveResult {
  return { ok: false, status: 409, code: 'CONFLICT', message, details: copy } as unknown as SaveResult;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup({ itemId = 7 as number | null, version = 1 as number | null, title = '原标题', onCreated = (() => {}) as (id: number) => void } = {}) {
  // Like the item form's save: a create while the engine has no id, an update of that id after.
  const saves: { draft: Draft; itemId: number | null; baseVersion: number | null; reply: ReturnType<typeof deferred<SaveResult>> }[] = [];
  const local = new Map<string, LocalCopyOf<Draft>>();
  const created: number[] = [];
  const engine = createAutosave<Draft, ServerCopy>({
    itemId,
    baseVersion: version,
    draft: { title },
    serialize: (draft) => JSON.stringify(draft),
    canSave: (draft) => draft.title.trim() !== '',
    save: (draft, baseVersion) => {
      const reply = deferred<SaveResult>();
      saves.push({ draft, itemId: engine.getItemId(), baseVersion, reply });
      return reply.promise;
    },
    readConflict: (details) => details as ServerCopy,
    onCreated: (id) => {
      created.push(id);
      onCreated(id);
    },
    localCopy: {
      write: (id, copy) => local.set(String(id ?? 'new'), copy),
      clear: (id) => local.delete(String(id ?? 'new')),
    },
  });
  const type = (text: string) => engine.onDraftChange({ title: text });
  /** Answers the save in flight and lets its callbacks run. */
  async function answer(result: SaveResult | Error) {
    const pending = saves.at(-1)!;
    if (result instanceof Error) pending.reply.reject(result);
    else pending.reply.resolve(result);
    await vi.advanceTimersByTimeAsync(0);
  }
  return { engine, saves, local, created, type, answer };
}

const saved = (version: number, id?: number): SaveResult => ({ ok: true, data: { version, ...(id ? { id } : {}) } });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-06T08:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('saves once, after a pause in typing, the latest text; the local copy goes once the server has it', async () => {
    const { engine, saves, local, type, answer } = setup();
    type('新');
    await vi.advanceTimersByTimeAsync(idleMs - 100);
    type('新标');
    await vi.advanceTimersByTimeAsync(idleMs - 100);
    type('新标题');
    expect(engine.getState().status).toBe('dirty');
    expect(local.get('7')?.draft).toEqual({ title: '新标题' });
    expect(engine.hasUnsavedText()).toBe(true);
    await vi.advanceTimersByTimeAsync(idleMs - 1);
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves.map((save) => [save.draft.title, save.baseVersion])).toEqual([['新标题', 1]]);
    expect(engine.getState().status).toBe('saving');

    await answer(saved(2));
    expect(engine.getState()).toMatchObject({ status: 'saved', message: null, lastSavedAt: new Date('2026-12-06T08:00:02.200Z') });
    expect(local.has('7')).toBe(false);
    expect(engine.hasUnsavedText()).toBe(false);
  });

  it('saves at most every MAX_WAIT_MS while typing goes on', async () => {
    const { saves, type } = setup();
    for (let elapsed = 0; elapsed < maxWaitMs; elapsed += idleMs / 2) {
      type(`第${elapsed}毫秒`);
      await vi.advanceTimersByTimeAsync(idleMs / 2);
    }
    expect(saves).toHaveLength(1);
  });

  it('sends nothing for a change that is undone before the pause', async () => {
    const { engine, saves, local, type } = setup();
    type('改了');
    type('原标题');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves).toHaveLength(0);
    expect(engine.getState().status).toBe('saved');
    expect(local.get('7')?.draft).toEqual({ title: '改了' }); // cleared by the next save, harmless meanwhile
  });
});

describe('a save in flight', () => {
  it('keeps one save at a time and sends a queued edit after it, from the version it returned', async () => {
    const { engine, saves, local, type, answer } = setup();
    type('第一稿');
    await vi.advanceTimersByTimeAsync(idleMs);
    type('第二稿');
    await vi.advanceTimersByTimeAsync(idleMs * 3);
    expect(saves).toHaveLength(1);
    expect(engine.getState().status).toBe('saving');

    await answer(saved(2));
    expect(engine.getState().status).toBe('saving'); // still unsaved text: not 已保存
    expect(local.get('7')?.draft).toEqual({ title: '第二稿' });
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.map((save) => [save.draft.title, save.baseVersion])).toEqual([
      ['第一稿', 1],
      ['第二稿', 2],
    ]);
    await answer(saved(3));
    expect(engine.getState().status).toBe('saved');
    expect(local.has('7')).toBe(false);
  });
});

describe('saving now', () => {
  it('sends what waits at once and cancels the pending timer', async () => {
    const { engine, saves, type, answer } = setup();
    type('马上保存');
    const flushing = engine.flush();
    expect(saves).toHaveLength(1);
    await answer(saved(2));
    await flushing;
    await vi.advanceTimersByTimeAsync(idleMs * 2);
    expect(saves).toHaveLength(1);
    expect(engine.getState().status).toBe('saved');
  });
});

describe('conflicts', () => {
  it('stops saving on a refused stale save, keeps typing locally, and continues from the server version the user chose', async () => {
    const { engine, saves, local, type, answer } = setup();
    type('我的稿');
    await vi.advanceTimersByTimeAsync(idleMs);
    const server: ServerCopy = { title: '同事的稿', version: 5 };
    await answer(conflict('稿件已被他人修改', server));
    expect(engine.getState()).toMatchObject({ status: 'conflict', conflict: server, message: '稿件已被他人修改' });

    type('我的稿，又改了');
    await vi.advanceTimersByTimeAsync(retryMs * 3);
    expect(saves).toHaveLength(1);
    expect(engine.getState().status).toBe('conflict');
    expect(local.get('7')?.draft).toEqual({ title: '我的稿，又改了' });

    engine.resolveConflict(server.version, { keepMine: true, serverDraft: { title: server.title } });
    expect(engine.getState()).toMatchObject({ conflict: null, status: 'saving' });
    expect(saves.at(-1)).toMatchObject({ draft: { title: '我的稿，又改了' }, baseVersion: 5 });
    await answer(saved(6));
    expect(engine.getState().status).toBe('saved');
  });

  it('takes the server text when the user chooses it: nothing is sent', async () => {
    const { engine, saves, type, answer } = setup();
    type('我的稿');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer(conflict('冲突', { title: '同事的稿', version: 5 }));
    engine.resolveConflict(5, { keepMine: false, serverDraft: { title: '同事的稿' } });
    expect(engine.getState()).toMatchObject({ status: 'saved', conflict: null });
    expect(engine.hasUnsavedText()).toBe(false);
    type('在同事的稿上修改');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.at(-1)).toMatchObject({ draft: { title: '在同事的稿上修改' }, baseVersion: 5 });
  });
});

describe('failures', () => {
  it('retries after a lost connection and a server error, keeping the local copy meanwhile', async () => {
    const { engine, saves, local, type, answer } = setup();
    type('断网时写的');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer(new TypeError('Failed to fetch'));
    expect(engine.getState()).toMatchObject({ status: 'dirty', message: '网络连接中断，稍后自动重试。' });
    expect(local.get('7')?.draft).toEqual({ title: '断网时写的' });

    await vi.advanceTimersByTimeAsync(retryMs - 1);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(2);
    await answer({ ok: false, status: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用' });
    expect(engine.getState()).toMatchObject({ status: 'dirty', message: '数据库暂时不可用' });

    await vi.advanceTimersByTimeAsync(retryMs);
    expect(saves).toHaveLength(3);
    await answer(saved(2));
    expect(engine.getState()).toMatchObject({ status: 'saved', message: null });
    expect(local.has('7')).toBe(false);
  });

  it('retries when throttled (429)', async () => {
    const { saves, type, answer } = setup();
    type('太快了');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer({ ok: false, status: 429, code: 'RATE_LIMITED', message: '操作过于频繁' });
    await vi.advanceTimersByTimeAsync(retryMs);
    expect(saves).toHaveLength(2);
  });

  it('shows a refusal of the input with its field errors and waits for the next change', async () => {
    const { engine, saves, type, answer } = setup();
    type('标题太长');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer({ ok: false, status: 400, code: 'INVALID_INPUT', message: '提交的内容有误', fieldErrors: { title: ['标题过长'] } });
    expect(engine.getState()).toMatchObject({ status: 'invalid', fieldErrors: { title: ['标题过长'] }, message: '提交的内容有误' });
    await vi.advanceTimersByTimeAsync(retryMs * 3);
    expect(saves).toHaveLength(1);
    type('标题');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer(saved(2));
    expect(engine.getState()).toMatchObject({ status: 'saved', fieldErrors: undefined, message: null });
  });

  it('says the session ended and resumes by itself once signed in again', async () => {
    const { engine, saves, local, type, answer } = setup();
    type('登录过期时写的');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer({ ok: false, status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(engine.getState()).toMatchObject({ status: 'dirty', isSignedOut: true, message: null });
    expect(local.get('7')?.draft).toEqual({ title: '登录过期时写的' });

    await vi.advanceTimersByTimeAsync(retryMs);
    await answer({ ok: false, status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(engine.getState().isSignedOut).toBe(true);
    await vi.advanceTimersByTimeAsync(retryMs);
    expect(saves).toHaveLength(3);
    await answer(saved(2));
    expect(engine.getState()).toMatchObject({ status: 'saved', isSignedOut: false });
  });
});

describe('a new item', () => {
  it('waits for what it needs, then creates the item and moves what was typed meanwhile to its own copy', async () => {
    const { engine, saves, local, created, type, answer } = setup({ itemId: null, version: null, title: '' });
    expect(engine.getState().status).toBe('invalid');
    type('   ');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves).toHaveLength(0);
    expect(engine.getState().status).toBe('invalid');
    expect(local.get('new')?.draft).toEqual({ title: '   ' });

    type('新稿件');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.at(-1)).toMatchObject({ draft: { title: '新稿件' }, baseVersion: null });
    type('新稿件标题');
    await answer(saved(1, 42));
    expect(created).toEqual([42]);
    expect(engine.getItemId()).toBe(42);
    expect(local.has('new')).toBe(false);
    expect(local.get('42')?.draft).toEqual({ title: '新稿件标题' });

    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.at(-1)).toMatchObject({ draft: { title: '新稿件标题' }, baseVersion: 1 });
    await answer(saved(2));
    expect(created).toEqual([42]);
    expect(local.size).toBe(0);
  });
});

describe('typing through the creation of a new item', () => {
  // The case e2e/new-item-typing.spec.ts holds in the browser: the first save creates the item on
  // a slow network while typing goes on, and onCreated makes the form render again (the address
  // becomes /items/N). Nothing typed meanwhile may be lost, and no second item may be created.
  it('saves what was typed during the create, and after the re-render, as updates of the new id', async () => {
    let onScreen = { title: '' };
    const context = setup({
      itemId: null,
      version: null,
      title: '',
      // What a React re-render does to the engine: new callbacks, and the draft on screen again.
      onCreated: () => {
        const { engine, saves } = context;
        engine.setHandlers({
          canSave: (draft) => draft.title.trim() !== '',
          save: (draft, baseVersion) => {
            const reply = deferred<SaveResult>();
            saves.push({ draft, itemId: engine.getItemId(), baseVersion, reply });
            return reply.promise;
          },
          onCreated: () => {
            throw new Error('created twice');
          },
        });
        engine.onDraftChange(onScreen);
      },
    });
    const { engine, saves, local, created, type, answer } = context;
    const typeOnScreen = (title: string) => {
      onScreen = { title };
      type(title);
    };

    typeOnScreen('连续');
    expect(local.get('new')?.draft).toEqual({ title: '连续' });
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.map((save) => [save.itemId, save.draft.title, save.baseVersion])).toEqual([[null, '连续', null]]);
    expect(engine.getState().status).toBe('saving');

    // Typed while the create is on its way: kept locally, nothing else sent, still 保存中.
    typeOnScreen('连续输入');
    await vi.advanceTimersByTimeAsync(idleMs);
    typeOnScreen('连续输入测试');
    await vi.advanceTimersByTimeAsync(maxWaitMs);
    expect(saves).toHaveLength(1);
    expect(engine.getState().status).toBe('saving');
    expect(local.get('new')?.draft).toEqual({ title: '连续输入测试' });

    await answer(saved(1, 42));
    expect(created).toEqual([42]);
    expect(engine.getItemId()).toBe(42);
    expect(engine.getState().status).toBe('dirty');
    expect(engine.hasUnsavedText()).toBe(true);
    expect(local.has('new')).toBe(false);
    expect(local.get('42')).toMatchObject({ draft: { title: '连续输入测试' }, baseVersion: 1 });

    // Typing goes on after the address changed.
    typeOnScreen('连续输入测试，地址已变');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.map((save) => [save.itemId, save.draft.title, save.baseVersion])).toEqual([
      [null, '连续', null],
      [42, '连续输入测试，地址已变', 1],
    ]);
    expect(engine.getState().status).toBe('saving');
    await answer(saved(2));
    expect(engine.getState().status).toBe('saved');
    expect(engine.hasUnsavedText()).toBe(false);
    expect(local.size).toBe(0);
    expect(created).toEqual([42]);
  });

  it('starts the next save within MAX_WAIT_MS of the create answer while typing never pauses', async () => {
    const { engine, saves, type, answer } = setup({ itemId: null, version: null, title: '' });
    let keystrokes = 0;
    const typeFor = async (ms: number) => {
      for (let elapsed = 0; elapsed < ms; elapsed += 100) {
        keystrokes += 1;
        type(`连续输入${'字'.repeat(keystrokes)}`);
        await vi.advanceTimersByTimeAsync(100);
      }
    };
    await typeFor(idleMs + maxWaitMs); // no pause: the create goes at MAX_WAIT_MS
    expect(saves).toHaveLength(1);
    await typeFor(1_500); // the slow network
    await answer(saved(1, 42));
    await typeFor(maxWaitMs);
    expect(saves).toHaveLength(2);
    expect(saves[1]).toMatchObject({ itemId: 42, baseVersion: 1 });
    expect(engine.getState().status).toBe('saving');
  });

  it('retries a failed create as a create, and saves after it as updates of the id it returned', async () => {
    const { saves, type, answer } = setup({ itemId: null, version: null, title: '' });
    type('断网时新建');
    await vi.advanceTimersByTimeAsync(idleMs);
    await answer(new TypeError('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(retryMs);
    await answer(saved(1, 9));
    type('断网时新建，后来的字');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves.map((save) => save.itemId)).toEqual([null, null, 9]);
  });
});

describe('subscribers', () => {
  it('are not told of a change that changes nothing (no render per keystroke)', async () => {
    const { engine, type } = setup();
    const seen: string[] = [];
    engine.subscribe((state) => seen.push(state.status));
    type('一');
    type('一二');
    type('一二三');
    await vi.advanceTimersByTimeAsync(idleMs);
    type('一二三四');
    expect(seen).toEqual(['dirty', 'saving']);
  });


  it('are told of every change until they unsubscribe, and stop() cancels the pending save', async () => {
    const { engine, saves, type } = setup();
    const seen: string[] = [];
    const unsubscribe = engine.subscribe(() => seen.push(engine.getState().status));
    type('一');
    unsubscribe();
    type('一二');
    expect(seen).toEqual(['dirty']);
    engine.stop();
    await vi.advanceTimersByTimeAsync(maxWaitMs);
    expect(saves).toHaveLength(0);
  });
});

describe('handlers', () => {
  it('calls the latest ones given (the form re-renders with new callbacks)', async () => {
    const { engine, saves, type } = setup();
    const later: string[] = [];
    engine.setHandlers({
      canSave: () => true,
      save: (draft) => {
        later.push(draft.title);
        return Promise.resolve(saved(2));
      },
      onCreated: () => {},
    });
    type('换了回调');
    await vi.advanceTimersByTimeAsync(idleMs);
    expect(saves).toHaveLength(0);
    expect(later).toEqual(['换了回调']);
    expect(engine.getState().status).toBe('saved');
  });
});
