'use client';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { regenerateContentsAction, updateContentsAction } from '@/lib/actions/issues';
import type { FieldErrors } from '@/lib/errors';

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

  function change(next: string[]) {
    setLines(next);
    setIsDirty(true);
    setMessage(null);
  }

  function onSave() {
    startTransition(async () => {
      const result = await updateContentsAction({ id: issueId, lines });
      if (!result.ok) {
        setMessage(result.message);
        setErrors(result.fieldErrors);
        return;
      }
      setIsDirty(false);
      setErrors(undefined);
      setMessage('目录已保存');
    });
  }

  function onRegenerate() {
    if (!window.confirm('按当前稿件重新生成目录？手工修改的目录将被替换。')) return;
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
