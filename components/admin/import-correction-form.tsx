'use client';
import Link from 'next/link';
import { useMemo, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Textarea } from '@/components/ui/textarea';
import type { correctImportedIssueAction } from '@/lib/actions/imports';
import type { PrintIssue } from '@/lib/export/print-issue';
import { parseCorrectionText } from '@/lib/import/correction-text';

/**
 * The body of an imported issue as correction text (lib/import/correction-text.ts), checked as
 * it is typed: what will be stored is listed beside it, and the server reads it again on save.
 */
export function ImportCorrectionForm({
  issueId,
  base,
  initialText,
  version,
  correct,
}: {
  issueId: number;
  base: PrintIssue;
  initialText: string;
  version: string;
  correct: typeof correctImportedIssueAction;
}) {
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const parsed = useMemo(() => parseCorrectionText(text, base), [text, base]);
  const items = parsed.issue?.sections.flatMap((s) => s.columns.flatMap((c) => c.items.map((item) => ({ section: s, column: c.name, item })))) ?? [];

  function save() {
    setError(null);
    startTransition(async () => {
      const result = await correct({ id: issueId, text, version });
      if (result.ok) setSaved(result.data.summary);
      else setError(result.message);
    });
  }

  if (saved) {
    return (
      <div role="status" className="space-y-2 text-sm" data-testid="correction-saved">
        <p>已保存修订（{saved}）。网页、检索、采用统计和 PDF/DOCX 已更新。</p>
        <Link href={`/published/${issueId}`} className="text-brand underline">
          查看本期
        </Link>
      </div>
    );
  }
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <div className="space-y-2">
        <label htmlFor="correction-text" className="text-sm font-medium">
          正文
        </label>
        <p id="correction-help" className="text-xs text-muted-foreground">
          每行一段。【栏目】另起一行；◇专栏名；# 标题 开始一篇稿件（其下以——开头的一行为副题）；最后一行“来源：单位一、单位二”。拆分稿件：在要拆开处加一行 # 标题。
        </p>
        <Textarea
          id="correction-text"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          rows={28}
          className="text-sm leading-relaxed"
          aria-describedby="correction-help correction-check"
        />
        <FormError message={error} />
        <Button type="button" onClick={save} disabled={isPending || !parsed.issue || text === initialText}>
          {isPending ? '正在保存…' : '保存修订'}
        </Button>
      </div>
      <div id="correction-check" className="space-y-2 text-sm" aria-live="polite" data-testid="correction-check">
        {parsed.errors.length > 0 ? (
          <ul className="space-y-1 text-danger">
            {parsed.errors.slice(0, 10).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : (
          <>
            <p className="font-medium">将保存 {items.length} 篇稿件：</p>
            <ol className="list-decimal space-y-1 pl-5">
              {items.map(({ section, column, item }, index) => (
                <li key={index} data-testid="correction-item">
                  <span className="text-muted-foreground">{section.isLead ? '要闻' : `【${section.name}】`}{column && ` ◇${column}`} </span>
                  {item.title}
                  <span className="ml-1 text-xs text-muted-foreground">
                    {item.body.content.length} 段 · 来源：{item.sources.length ? item.sources.join('、') : '—'}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
