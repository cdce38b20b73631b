'use client';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { callWithRawInput } from '@/lib/action-result';
import { createIssueAction } from '@/lib/actions/issues';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { FormError } from '@/components/ui/form-error';

/** A new issue of one publication (numbered in that publication's own sequence). */
export function CreateIssueForm({ defaultDate, publicationId }: { defaultDate: string; publicationId: number }) {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors, formError } = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(createIssueAction, input);
      if (result.ok) router.push(`/issues/${result.data.id}`);
      return result;
    },
    { resetOnSuccess: false },
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="publicationId" value={publicationId} />
      <div>
        <Label htmlFor="issue-date">出刊日期</Label>
        <Input
          id="issue-date"
          name="issueDate"
          type="date"
          defaultValue={defaultDate}
          className="mt-1 w-44"
          aria-invalid={!!fieldErrors?.issueDate}
          aria-describedby="issue-date-error"
        />
      </div>
      <Button type="submit" disabled={isPending}>
        新建一期
      </Button>
      <FieldError id="issue-date-error" messages={fieldErrors?.issueDate} />
      <FormError message={formError} />
    </form>
  );
}
