'use client';
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import { DELETION_CLASS, INSERTION_CLASS } from '@/components/editor/suggestion-marks';
import { Button } from '@/components/ui/button';
import { formatBeijingDateTime } from '@/lib/dates';
import { listSuggestions, type Suggestion } from '@/lib/suggestions';
import type { ItemBody } from '@/lib/validations/item-body';
import type * as EngineModule from '@/components/editor/suggest-changes-engine';

type Engine = typeof EngineModule;

const REFUSED = '修订模式下只能增删段落中的文字；拆分或合并段落、改变加粗请先退出修订模式。';

function describe(suggestion: Suggestion) {
  if (suggestion.inserted && suggestion.deleted) return '替换';
  return suggestion.inserted ? '插入' : '删除';
}

/**
 * 修订 for one item: the switch that records edits as suggestions, and the open suggestions
 * with 接受 / 拒绝 each or all. Deciding is an edit of the body, saved by autosave like typing
 * (a new version, the same conflict refusal).
 */
export function SuggestionPanel({ editor, body, author }: { editor: Editor | null; body: ItemBody; author: string }) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [isEnabled, setIsEnabled] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const suggestions = useMemo(() => listSuggestions(body), [body]);

  useEffect(() => {
    let isCurrent = true;
    void import('@/components/editor/suggest-changes-engine').then((loaded) => {
      if (isCurrent) setEngine(loaded);
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  useEffect(() => {
    if (!editor || !engine) return;
    engine.configureSuggestChanges(editor, { isEnabled, author, onRefused: () => setRefusal(REFUSED) });
  }, [editor, engine, author, isEnabled]);

  const isReady = Boolean(editor && engine);
  const decide = (action: (editor: Editor) => void) => {
    if (!editor || !engine) return;
    action(editor);
    setRefusal(null);
  };

  return (
    <section aria-labelledby="suggestions-heading" className="mt-3 rounded-md border border-border bg-white p-3 text-sm" data-testid="suggestions">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="suggestions-heading" className="font-medium">
          修订
        </h2>
        <Button
          type="button"
          size="sm"
          variant={isEnabled ? 'default' : 'outline'}
          aria-pressed={isEnabled}
          disabled={!isReady}
          onClick={() => {
            setIsEnabled(!isEnabled);
            setRefusal(null);
            editor?.commands.focus();
          }}
        >
          {isEnabled ? '修订模式：开' : '修订模式：关'}
        </Button>
        <span className="text-muted-foreground">
          {isEnabled ? '您的增删将作为修订保留，由编辑接受或拒绝。' : suggestions.length ? `${suggestions.length} 处修订待处理` : '没有待处理的修订'}
        </span>
        {suggestions.length > 1 && (
          <span className="ml-auto flex gap-2">
            <Button type="button" size="sm" variant="outline" disabled={!isReady} onClick={() => decide((e) => engine!.acceptAllSuggestions(e))}>
              全部接受
            </Button>
            <Button type="button" size="sm" variant="outline" disabled={!isReady} onClick={() => decide((e) => engine!.rejectAllSuggestions(e))}>
              全部拒绝
            </Button>
          </span>
        )}
      </div>
      {refusal && (
        <p role="alert" className="mt-2 text-amber-800">
          {refusal}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul className="mt-2 divide-y divide-border" aria-label="待处理的修订">
          {suggestions.map((suggestion) => (
            <li key={String(suggestion.id)} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="suggestion">
              <span className="min-w-0 flex-1 break-words">
                <span className="font-medium">{describe(suggestion)}</span>
                {suggestion.deleted && <del className={`ml-1 ${DELETION_CLASS}`}>{suggestion.deleted}</del>}
                {suggestion.inserted && <ins className={`ml-1 ${INSERTION_CLASS}`}>{suggestion.inserted}</ins>}
                <span className="ml-2 whitespace-nowrap text-xs text-muted-foreground">
                  {suggestion.author} · {formatBeijingDateTime(suggestion.time)}
                </span>
              </span>
              <span className="flex gap-2">
                <Button
                  type="button"
                  size="sm"
                  disabled={!isReady}
                  aria-label={`接受${describe(suggestion)}“${suggestion.inserted || suggestion.deleted}”`}
                  onClick={() => decide((e) => engine!.acceptSuggestion(e, suggestion.id))}
                >
                  接受
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  disabled={!isReady}
                  aria-label={`拒绝${describe(suggestion)}“${suggestion.inserted || suggestion.deleted}”`}
                  onClick={() => decide((e) => engine!.rejectSuggestion(e, suggestion.id))}
                >
                  拒绝
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
