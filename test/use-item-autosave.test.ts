// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localCopyKey, readLocalCopy, type ItemDraft } from '@/components/editor/item-draft';
import { useItemAutosave } from '@/components/editor/use-item-autosave';
import { AUTOSAVE_TIMING, type SaveResult } from '@/lib/autosave';

// The hook in React (happy-dom) on fake timers, used the way the item form uses it: a new item
// whose first save creates it, and whose onCreated makes the form render again with the new id,
// while typing goes on. This is what e2e/new-item-typing.spec.ts holds in the browser.

const { idleMs, maxWaitMs } = AUTOSAVE_TIMING;

const emptyDraft: ItemDraft = {
  title: '',
  subtitle: '',
  sectionId: null,
  columnId: null,
  sources: [],
  body: { type: 'doc', content: [] },
  eventDate: '',
  status: 'DRAFT',
};

function withText(text: string): ItemDraft {
  return { ...emptyDraft, title: '连续输入测试', sectionId: 3, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

interface SentSave {
  draft: ItemDraft;
  itemId: number | null;
  baseVersion: number | null;
  answer: (result: SaveResult) => Promise<void>;
}

function renderNewItemForm() {
  const sent: SentSave[] = [];
  const rendered = renderHook(() => {
    const [draft, setDraft] = useState(emptyDraft);
    const [itemId, setItemId] = useState<number | null>(null);
    const autosave = useItemAutosave({
      itemId,
      initialVersion: null,
      draft,
      canSave: (d) => d.title.trim() !== '' && d.sectionId !== null,
      save: (d, baseVersion) =>
        new Promise<SaveResult>((resolve) => {
          sent.push({
            draft: d,
            itemId: autosave.getItemId(),
            baseVersion,
            answer: (result) =>
              act(async () => {
                resolve(result);
                await vi.advanceTimersByTimeAsync(0);
              }),
          });
        }),
      // The address becomes the item's, and the form renders again with the new id.
      onCreated: (id) => {
        window.history.replaceState(null, '', `/items/${id}`);
        setItemId(id);
      },
    });
    return { autosave, itemId, setDraft };
  });
  const type = (text: string) => act(() => rendered.result.current.setDraft(withText(text)));
  const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
  return { rendered, sent, type, wait, status: () => rendered.result.current.autosave.status };
}

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/items/new');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useItemAutosave on a new item', () => {
  it('keeps saving what is typed during the create and after the re-render with the new id', async () => {
    const { rendered, sent, type, wait, status } = renderNewItemForm();
    expect(status()).toBe('invalid');

    await type('北京市科协');
    await wait(idleMs);
    expect(sent.map((save) => [save.itemId, save.baseVersion])).toEqual([[null, null]]);
    expect(status()).toBe('saving');

    // The create is on its way: typing goes on, kept in the new item's local copy.
    await type('北京市科协召开');
    await wait(idleMs);
    await type('北京市科协召开全委会');
    await wait(maxWaitMs);
    expect(sent).toHaveLength(1);
    expect(readLocalCopy(null)?.draft).toEqual(withText('北京市科协召开全委会'));

    await sent[0]!.answer({ ok: true, data: { id: 42, version: 1 } });
    expect(rendered.result.current.itemId).toBe(42);
    expect(window.location.pathname).toBe('/items/42');
    expect(window.localStorage.getItem(localCopyKey(null))).toBeNull();
    expect(readLocalCopy(42)?.draft).toEqual(withText('北京市科协召开全委会'));

    // The next save goes without a pause in typing being needed beyond the usual one.
    await wait(idleMs);
    expect(sent.map((save) => [save.itemId, save.baseVersion])).toEqual([
      [null, null],
      [42, 1],
    ]);
    expect(sent[1]!.draft).toEqual(withText('北京市科协召开全委会'));
    expect(status()).toBe('saving');

    // Typing after the address changed: saved after that save, from the version it returned.
    await type('北京市科协召开全委会。会议');
    await sent[1]!.answer({ ok: true, data: { version: 2 } });
    await wait(idleMs);
    expect(sent.map((save) => [save.itemId, save.baseVersion])).toEqual([
      [null, null],
      [42, 1],
      [42, 2],
    ]);
    await sent[2]!.answer({ ok: true, data: { version: 3 } });
    expect(status()).toBe('saved');
    expect(window.localStorage.length).toBe(0);
  });

  it('stops its timers when the form goes', async () => {
    const { rendered, sent, type, wait } = renderNewItemForm();
    await type('写了一半');
    rendered.unmount();
    await wait(maxWaitMs);
    expect(sent).toHaveLength(0);
    expect(readLocalCopy(null)?.draft).toEqual(withText('写了一半'));
  });
});
