'use client';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormError } from '@/components/ui/form-error';
import { Textarea } from '@/components/ui/textarea';
import type { AnnotationView } from '@/components/annotations/annotation-view';
import { replyToAnnotationAction, setAnnotationResolvedAction } from '@/lib/actions/annotations';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { cn } from '@/lib/utils';

/** One 批注 with its replies; while the issue is open: 回复 and 已解决 / 重新打开. */
export function AnnotationThread({ annotation, canWrite, isOrphan = false }: { annotation: AnnotationView; canWrite: boolean; isOrphan?: boolean }) {
  const replying = useActionForm(replyToAnnotationAction, { resetOnSuccess: true });
  const fieldId = `annotation-${annotation.id}-reply`;
  return (
    <article
      id={`annotation-${annotation.id}`}
      className={cn('scroll-mt-20 rounded-md border p-3 text-sm leading-6 [&_p]:indent-0', annotation.isResolved ? 'border-border bg-muted/50 text-muted-foreground' : 'border-amber-300 bg-amber-50')}
      data-testid="annotation"
      data-resolved={annotation.isResolved || undefined}
      aria-label={`批注：${annotation.quote}`}
    >
      <p className="text-xs">
        <span className="font-medium">「{annotation.quote}」</span>
        {isOrphan && <span className="ml-1 text-danger">（原文已修改）</span>}
      </p>
      <p className="mt-1 whitespace-pre-wrap">{annotation.body}</p>
      <p className="text-xs text-muted-foreground">
        <span className="whitespace-nowrap">{annotation.authorName}</span> · <span className="whitespace-nowrap">{annotation.time}</span>
        {annotation.isResolved && (
          <span className="ml-1 whitespace-nowrap text-green-700">· 已解决{annotation.resolvedByName ? `（${annotation.resolvedByName}）` : ''}</span>
        )}
      </p>
      {annotation.replies.length > 0 && (
        <ul className="mt-2 space-y-1 border-l-2 border-border pl-3">
          {annotation.replies.map((reply) => (
            <li key={reply.id}>
              <p className="whitespace-pre-wrap">{reply.body}</p>
              <p className="text-xs text-muted-foreground">
                <span className="whitespace-nowrap">{reply.authorName}</span> · <span className="whitespace-nowrap">{reply.time}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="mt-2 space-y-2">
          {!annotation.isResolved && (
            <form onSubmit={replying.onSubmit} className="space-y-1" noValidate>
              <input type="hidden" name="id" value={annotation.id} />
              <label htmlFor={fieldId} className="sr-only">
                回复批注
              </label>
              <Textarea
                id={fieldId}
                name="body"
                rows={2}
                placeholder="回复…"
                aria-invalid={!!replying.fieldErrors?.body}
                aria-describedby={`${fieldId}-error`}
              />
              <FieldError id={`${fieldId}-error`} messages={replying.fieldErrors?.body} />
              <FormError message={replying.formError} />
              <Button type="submit" size="sm" variant="outline" disabled={replying.isPending}>
                回复
              </Button>
            </form>
          )}
          <ActionButton size="sm" variant={annotation.isResolved ? 'outline' : 'default'} run={() => setAnnotationResolvedAction({ id: annotation.id, isResolved: !annotation.isResolved })}>
            {annotation.isResolved ? '重新打开' : '已解决'}
          </ActionButton>
        </div>
      )}
    </article>
  );
}
