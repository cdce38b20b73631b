'use client';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { createSectionColumnAction } from '@/lib/actions/sections';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { FormError } from '@/components/ui/form-error';

export function CreateColumnForm({ sectionId, sectionName }: { sectionId: number; sectionName: string }) {
  const { onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(createSectionColumnAction);
  const prefix = `section-${sectionId}-new-column`;
  return (
    <form onSubmit={onSubmit} className="mt-2 flex flex-wrap items-start gap-2" noValidate>
      <input type="hidden" name="sectionId" value={sectionId} />
      <div>
        <label htmlFor={`${prefix}-name`} className="sr-only">
          在“{sectionName}”中添加专栏
        </label>
        <Input
          id={`${prefix}-name`}
          name="name"
          placeholder="新专栏名称"
          aria-invalid={!!errors?.name}
          aria-describedby={`${prefix}-name-error`}
          className="h-8 w-56"
        />
        <FieldError id={`${prefix}-name-error`} messages={errors?.name} />
      </div>
      <Button type="submit" variant="outline" size="sm" disabled={isPending}>
        添加专栏
      </Button>
      <FormError message={formError} className="w-full text-sm text-danger" />
    </form>
  );
}
