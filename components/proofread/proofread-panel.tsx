'use client';
// The findings beside the text: what, where, and one click to fix or to ignore at that place.
import type { ListedFinding } from '@/components/proofread/use-item-proofread';
import { Button } from '@/components/ui/button';
import { RULE_LABELS } from '@/lib/proofread/types';

const FIELD_LABELS = { title: '标题', subtitle: '副标题', body: '正文', sources: '来源' } as const;

interface ProofreadPanelProps {
  findings: ListedFinding[];
  message: string | null;
  onFix: (finding: ListedFinding) => void;
  onIgnore: (finding: ListedFinding) => void;
}

export function ProofreadPanel({ findings, message, onFix, onIgnore }: ProofreadPanelProps) {
  return (
    <section aria-labelledby="proofread-heading" className="rounded-md border border-border bg-white" data-testid="proofread-panel">
      <h2 id="proofread-heading" className="flex items-center justify-between border-b border-border px-3 py-2 text-sm font-medium">
        校对
        <span className="text-xs font-normal text-muted-foreground" data-testid="proofread-count" aria-live="polite">
          {findings.length ? `${findings.length} 处待处理` : '未发现问题'}
        </span>
      </h2>
      {message && (
        <p role="alert" className="px-3 pt-2 text-xs text-danger">
          {message}
        </p>
      )}
      {findings.length > 0 && (
        <ol className="max-h-[28rem] divide-y divide-border overflow-y-auto text-sm">
          {findings.map((f) => (
            <li key={`${f.field}:${'id' in f && f.id !== undefined ? f.id : f.key}`} className="space-y-1 px-3 py-2" data-rule={f.rule}>
              <p className="text-xs text-muted-foreground">
                {FIELD_LABELS[f.field]}
                {f.field === 'body' ? `第${f.paragraph + 1}段` : ''} · {RULE_LABELS[f.rule]}
              </p>
              <p>{f.message}</p>
              {f.excerpt !== '' && (
                <p className="text-xs">
                  <mark className="rounded-sm bg-amber-100 px-0.5 underline decoration-amber-600 decoration-wavy">
                    {f.excerpt.trim() === '' ? '（空格）' : f.excerpt}
                  </mark>
                  {f.fix !== undefined && <span className="text-muted-foreground"> → {f.fix === '' ? '（删除）' : f.fix}</span>}
                </p>
              )}
              <div className="flex gap-2">
                {f.fix !== undefined && (
                  <Button type="button" size="sm" onClick={() => onFix(f)} aria-label={`修正：${f.message}`}>
                    修正
                  </Button>
                )}
                <Button type="button" size="sm" variant="outline" onClick={() => onIgnore(f)} aria-label={`忽略：${f.message}`}>
                  忽略
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
