'use client';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { addReviewCommentAction } from '@/lib/actions/issues';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { FormError } from '@/components/ui/form-error';

export function CommentForm({ issueId, items }: { issueId: number; items: { id: number; title: string }[] }) {
  const { onSubmit, isPending, fieldErrors, formError } = useActionForm(addReviewCommentAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate aria-label="添加意见">
      <input type="hidden" name="id" value={issueId} />
      <select name="itemId" aria-label="意见针对" className="h-9 w-full rounded-md border border-border bg-white px-2 text-sm">
        <option value="">针对整期</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            稿件：{item.title}
          </option>
        ))}
      </select>
      <textarea
        name="body"
        rows={3}
        aria-label="意见内容"
        className="w-full rounded-md border border-border bg-white p-2 text-sm"
        aria-invalid={!!fieldErrors?.body}
        aria-describedby="comment-body-error"
      />
      <FieldError id="comment-body-error" messages={fieldErrors?.body} />
      <Button type="submit" size="sm" variant="outline" disabled={isPending}>
        添加意见
      </Button>
      <FormError message={formError} />
    </form>
  );
}
