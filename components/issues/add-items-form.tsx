'use client';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { addItemsToIssueAction } from '@/lib/actions/issues';

export interface AvailableItem {
  id: number;
  title: string;
  sectionName: string;
  authorName: string;
}

/**
 * 待编 items not in any issue, by section; ticked ones join this issue in catalogue order, and
 * within a section (and column) in the order they were ticked — tick them in print order and
 * nothing needs moving afterwards. Each ticked item shows its place in that order.
 */
export function AddItemsForm({ issueId, items }: { issueId: number; items: AvailableItem[] }) {
  const [ticked, setTicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!items.length) return <p className="text-sm text-muted-foreground">没有可编入的待编稿件。</p>;
  const sections = [...new Set(items.map((i) => i.sectionName))];

  function toggle(id: number, isChecked: boolean) {
    setTicked((current) => (isChecked ? [...current.filter((other) => other !== id), id] : current.filter((other) => other !== id)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await addItemsToIssueAction({ id: issueId, itemIds: ticked });
      if (!result.ok) {
        setError(result.fieldErrors?.itemIds?.join('；') ?? result.message);
        return;
      }
      setError(null);
      setTicked([]);
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="加入稿件">
      <p className="text-xs text-muted-foreground">按希望的印刷顺序依次勾选；加入后各栏目按栏目目录排列，同一栏目内按勾选先后。</p>
      {sections.map((name) => (
        <fieldset key={name}>
          <legend className="text-xs font-semibold text-muted-foreground">{name}</legend>
          {items
            .filter((i) => i.sectionName === name)
            .map((item) => {
              const order = ticked.indexOf(item.id);
              return (
                <label key={item.id} className="flex items-start gap-2 py-0.5 text-sm">
                  <input
                    type="checkbox"
                    checked={order >= 0}
                    onChange={(e) => toggle(item.id, e.target.checked)}
                    className="mt-1 accent-brand"
                  />
                  <span>
                    {item.title}
                    <span className="ml-1 text-xs text-muted-foreground">（{item.authorName}）</span>
                    {order >= 0 && (
                      <span className="ml-1 rounded bg-brand/10 px-1 text-xs text-brand" data-testid="tick-order">
                        第{order + 1}个
                      </span>
                    )}
                  </span>
                </label>
              );
            })}
        </fieldset>
      ))}
      <Button type="submit" size="sm" disabled={isPending}>
        加入本期{ticked.length > 0 ? `（${ticked.length}篇）` : ''}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
