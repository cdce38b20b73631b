'use client';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { callWithRawInput, type Action } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { FormError } from '@/components/ui/form-error';

/** Inline form that renames a section or a column; closes itself on success. */
export function RenameForm({
  id,
  name,
  idPrefix,
  label,
  renameAction,
  onClose,
}: {
  id: number;
  name: string;
  idPrefix: string;
  label: string;
  renameAction: Action<never, null>;
  onClose: () => void;
}) {
  const form = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(renameAction, input);
      if (result.ok) onClose();
      return result;
    },
    { resetOnSuccess: false },
  );
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="mt-3 flex flex-wrap items-start gap-3 rounded-md bg-muted p-3" noValidate>
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={`${idPrefix}-name`} className="text-sm">
          {label}
        </label>
        <Input
          id={`${idPrefix}-name`}
          name="name"
          defaultValue={name}
          autoFocus
          aria-invalid={!!errors?.name}
          aria-describedby={`${idPrefix}-name-error`}
          className="w-64"
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
          }}
        />
        <FieldError id={`${idPrefix}-name-error`} messages={errors?.name} />
      </div>
      <div className="flex gap-2 pt-5">
        <Button type="submit" size="sm" disabled={form.isPending}>
          保存
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={onClose}>
          取消
        </Button>
      </div>
      <FormError message={form.formError} className="w-full text-sm text-danger" />
    </form>
  );
}
