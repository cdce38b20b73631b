'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { registerPendingSave } from '@/components/issues/pending-saves';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action';
import { regenerateContentsAction, updateContentsAction } from '@/lib/actions/issues';
import type { FieldErrors } from '@/lib/errors';

/** Like the items: saved after a pause in typing. */
const IDLE_MS = 800;
const keyOf = (lines: readonly string[]) => JSON.stringify(lines);

/** 目录提要: generated from the items until edited; lines can be edited, moved, added, removed. */
export function ContentsEditor({
  issueId,
  lines: initialLines,
  isEdited,
  itemTitles,
  isEditable,
}: {
  issueId: number;
  lines: string[];
  isEdited: boolean;
  itemTitles: string[];
  isEditable: boolean;
}) {
  const [lines, setLines] = useState(initialLines);
  const [isDirty, setIsDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [isPending, startTransition] = useTransition();
  // The server's lines change after a save, a regeneration or a change to the items: they
  // replace what is shown unless the user is editing. The editor is not remounted for that,
  // so a confirmation such as 目录已保存 stays until the next change.
  const serverKey = initialLines.join('\n');
  const [syncedKey, setSyncedKey] = useState(serverKey);
  if (syncedKey !== serverKey) {
    setSyncedKey(serverKey);
    if (!isDirty) setLines(initialLines);
  }

  // The saving state lives outside React state: timers, the submit button and the page's
  // unload all need the latest lines, and one save runs at a time.
  const saver = useRef({
    latest: initialLines,
    savedKey: keyOf(initialLines),
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    running: null as Promise<ActionResult<null>> | null,
  });

  async function save(): Promise<ActionResult<null>> {
    const s = saver.current;
    clearTimeout(s.timer);
    while (s.running) await s.running;
    const lines = s.latest;
    const key = keyOf(lines);
    if (key === s.savedKey) return { ok: true, data: null };
    setMessage('保存中…');
    s.running = updateContentsAction({ id: issueId, lines }).catch(
      (): ActionResult<null> => ({ ok: false, status: 0, code: 'INTERNAL', message: '网络连接中断，目录未保存。' }),
    );
    const result = await s.running;
    s.running = null;
    if (!result.ok) {
      setMessage(result.message);
      setErrors(result.fieldErrors);
      return result;
    }
    s.savedKey = key;
    setErrors(undefined);
    if (keyOf(s.latest) === key) {
      setIsDirty(false);
      setMessage('目录已保存');
    }
    return result;
  }
  // New lines from the server (a regeneration, a change to the items) become the saved state
  // unless the user has edits of her own waiting.
  useEffect(() => {
    const s = saver.current;
    if (keyOf(s.latest) !== s.savedKey) return;
    s.latest = initialLines;
    s.savedKey = keyOf(initialLines);
  }, [initialLines]);

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  // Submitting waits for these lines; leaving with unsaved lines asks first, and a move to
  // another page of the app sends them on the way out.
  useEffect(() => {
    const s = saver.current;
    const unregister = registerPendingSave(() => saveRef.current());
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (keyOf(s.latest) !== s.savedKey) event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unregister();
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (keyOf(s.latest) !== s.savedKey) void saveRef.current();
    };
  }, []);

  function change(next: string[]) {
    const s = saver.current;
    s.latest = next;
    setLines(next);
    setIsDirty(true);
    setMessage('未保存');
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void saveRef.current(), IDLE_MS);
  }

  function onSave() {
    startTransition(async () => {
      await save();
    });
  }

  function onRegenerate() {
    if (!window.confirm('按当前稿件重新生成目录？手工修改的目录将被替换。')) return;
    // Edits still waiting are given up: the regenerated lines replace them.
    const s = saver.current;
    clearTimeout(s.timer);
    s.savedKey = keyOf(s.latest);
    startTransition(async () => {
      const result = await regenerateContentsAction({ id: issueId });
      setMessage(result.ok ? '目录已重新生成' : result.message);
      if (result.ok) {
        // The regenerated lines arrive with the refreshed page and replace these.
        setIsDirty(false);
        setSyncedKey('');
      }
    });
  }

  if (!isEditable) {
    return (
      <ul className="list-inside space-y-1 text-sm" data-testid="contents-lines">
        {initialLines.map((line, i) => (
          <li key={i}>● {line}</li>
        ))}
      </ul>
    );
  }

  return (
    <div className="space-y-2">
      <p className="text-xs text-muted-foreground">{isEdited ? '目录已手工修改。' : '目录随稿件自动生成；修改后不再自动更新。'}</p>
      <ol className="space-y-1" data-testid="contents-lines">
        {lines.map((line, index) => (
          <li key={index} className="flex items-center gap-1">
            <span aria-hidden>●</span>
            <Input
              value={line}
              aria-label={`目录第${index + 1}行`}
              onChange={(e) => change(lines.map((l, i) => (i === index ? e.target.value : l)))}
              aria-invalid={!!errors?.[`lines.${index}`]}
              className="h-8"
            />
            <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => change(swap(lines, index, index - 1))} aria-label={`目录第${index + 1}行上移`}>
              ↑
            </Button>
            <Button size="sm" variant="ghost" disabled={index === lines.length - 1} onClick={() => change(swap(lines, index, index + 1))} aria-label={`目录第${index + 1}行下移`}>
              ↓
            </Button>
            <Button size="sm" variant="ghost" onClick={() => change(lines.filter((_, i) => i !== index))} aria-label={`删除目录第${index + 1}行`}>
              删除
            </Button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label="添加稿件标题到目录"
          className="h-8 max-w-xs rounded-md border border-border bg-white px-2 text-sm"
          value=""
          onChange={(e) => e.target.value && change([...lines, e.target.value])}
        >
          <option value="">添加稿件标题…</option>
          {itemTitles.map((title) => (
            <option key={title} value={title}>
              {title}
            </option>
          ))}
        </select>
        <Button size="sm" variant="outline" onClick={() => change([...lines, ''])}>
          添加空行
        </Button>
        <Button size="sm" onClick={onSave} disabled={!isDirty || isPending}>
          保存目录
        </Button>
        <Button size="sm" variant="outline" onClick={onRegenerate} disabled={isPending}>
          重新生成
        </Button>
        {message && (
          <span role="status" className="text-sm">
            {message}
          </span>
        )}
      </div>
    </div>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}
