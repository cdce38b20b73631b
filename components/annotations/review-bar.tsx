'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormError } from '@/components/ui/form-error';
import { Textarea } from '@/components/ui/textarea';
import { addAnnotationAction } from '@/lib/actions/annotations';
import { approveIssueAction, returnIssueAction } from '@/lib/actions/issues';
import { toTextOffset } from '@/lib/annotations/anchor';
import { callWithRawInput } from '@/lib/action-result';
import { useActionForm, type ActionForm } from '@/lib/hooks/use-action-form';

interface Selected {
  itemId: number;
  quote: string;
  startOffset: number;
}

/** The words selected inside one item of the reading view, and where they start in its text. */
function readSelection(): Selected | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const paragraph = start?.closest<HTMLElement>('[data-paragraph]');
  const item = paragraph?.closest<HTMLElement>('[data-annotatable-item]');
  const quote = selection.toString().trim();
  if (!paragraph || !item || !item.contains(range.endContainer) || !quote) return null;
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const texts = [...item.querySelectorAll<HTMLElement>('[data-paragraph]')].map((p) => p.textContent ?? '');
  const startOffset = toTextOffset(texts, Number(paragraph.dataset.paragraph), before.toString().length);
  return { itemId: Number(item.dataset.annotatableItem), quote, startOffset };
}

/**
 * One of the bar's forms: a comment box (focused when it opens) with its error, the refusal,
 * the submit button and 取消. `children` come first, e.g. the words being annotated.
 */
function CommentForm({
  form,
  id,
  name,
  label,
  isLabelHidden = false,
  errors,
  submitLabel,
  onCancel,
  children,
}: {
  form: Pick<ActionForm<unknown>, 'onSubmit' | 'isPending' | 'formError'>;
  id: string;
  name: string;
  label: string;
  isLabelHidden?: boolean;
  errors?: string[];
  submitLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <form onSubmit={form.onSubmit} className="space-y-2" noValidate>
      {children}
      <label htmlFor={id} className={isLabelHidden ? 'sr-only' : 'text-sm font-medium'}>
        {label}
      </label>
      <Textarea
        id={id}
        name={name}
        rows={3}
        autoFocus
        placeholder={isLabelHidden ? label : undefined}
        aria-invalid={!!errors?.length}
        aria-describedby={`${id}-error`}
      />
      <FieldError id={`${id}-error`} messages={errors} />
      <FormError message={form.formError} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={form.isPending}>
          {submitLabel}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={onCancel}>
          取消
        </Button>
      </div>
    </form>
  );
}

/** 退回修改, which asks for the comment the editor will be sent. */
function ReturnForm({ issueId, onCancel }: { issueId: number; onCancel: () => void }) {
  const returning = useActionForm(returnIssueAction, { resetOnSuccess: true });
  return (
    <CommentForm
      form={returning}
      id="bar-return-comment"
      name="comment"
      label="退回意见（必填）"
      errors={returning.fieldErrors?.comment}
      submitLabel="确认退回"
      onCancel={onCancel}
    >
      <input type="hidden" name="id" value={issueId} />
    </CommentForm>
  );
}

/** 批注 on the words last selected in the text. */
function AnnotationForm({ issueId, selected, onDone }: { issueId: number; selected: Selected | null; onDone: () => void }) {
  const adding = useActionForm((input: unknown) => callWithRawInput(addAnnotationAction, { ...(input as object), issueId, ...selected }), { resetOnSuccess: true });
  const done = adding.state?.ok;
  useEffect(() => {
    if (done) onDone();
  }, [done, onDone]);
  if (!selected) {
    return (
      <p className="text-sm" role="status">
        请先在正文中选中要批注的文字，再点“批注”。
      </p>
    );
  }
  return (
    <CommentForm
      form={adding}
      id="bar-annotation-body"
      name="body"
      label="批注内容"
      isLabelHidden
      errors={[...(adding.fieldErrors?.body ?? []), ...(adding.fieldErrors?.quote ?? [])]}
      submitLabel="提交批注"
      onCancel={onDone}
    >
      <p className="text-sm">
        批注所选文字：<span className="font-medium">「{selected.quote}」</span>
      </p>
    </CommentForm>
  );
}

/**
 * The reviewer's bar at the bottom of the reading view, always in sight on a phone: 审核通过
 * (warning about 批注 still open), 退回修改 and 批注 (on the words selected in the text).
 */
export function ReviewBar({ issueId, openAnnotations }: { issueId: number; openAnnotations: number }) {
  const [panel, setPanel] = useState<'return' | 'annotate' | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const latest = useRef<Selected | null>(null);
  useEffect(() => {
    // Tapping a button can clear the selection on a phone: the last one made in the text counts.
    const onChange = () => {
      const now = readSelection();
      if (now) latest.current = now;
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  const approveConfirm = openAnnotations
    ? `还有 ${openAnnotations} 条批注未解决。仍要审核通过吗？通过后本期将锁定。`
    : '审核通过后本期将锁定。确定通过吗？';
  return (
    <div className="fixed inset-x-0 bottom-0 z-40 border-t border-border bg-white/95 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] backdrop-blur" data-testid="review-bar">
      <div className="mx-auto max-w-6xl px-4 pb-[max(0.5rem,env(safe-area-inset-bottom))] pt-2">
        {panel && (
          <div className="mb-2 max-h-[50vh] overflow-y-auto" role="region" aria-label={panel === 'return' ? '退回修改' : '批注'}>
            {panel === 'return' ? (
              <ReturnForm issueId={issueId} onCancel={() => setPanel(null)} />
            ) : (
              <AnnotationForm issueId={issueId} selected={selected} onDone={() => setPanel(null)} />
            )}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <ActionButton run={() => approveIssueAction({ id: issueId })} confirm={approveConfirm} className="whitespace-nowrap">
            审核通过
          </ActionButton>
          <Button variant="outline" className="whitespace-nowrap" aria-expanded={panel === 'return'} onClick={() => setPanel(panel === 'return' ? null : 'return')}>
            退回修改
          </Button>
          <Button
            variant="outline"
            className="whitespace-nowrap"
            aria-expanded={panel === 'annotate'}
            onClick={() => {
              setSelected(readSelection() ?? latest.current);
              setPanel(panel === 'annotate' ? null : 'annotate');
            }}
          >
            批注
          </Button>
          {openAnnotations > 0 && <span className="ml-auto whitespace-nowrap text-xs text-muted-foreground">{openAnnotations} 条批注未解决</span>}
        </div>
      </div>
    </div>
  );
}
