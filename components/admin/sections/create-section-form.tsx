'use client';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { createSectionAction } from '@/lib/actions/sections';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { SECTION_NAME_MAX_LENGTH } from '@/lib/validations/sections';
import { FormError } from '@/components/ui/form-error';

export function CreateSectionForm({ activeLeadName }: { activeLeadName: string | null }) {
  const { state, onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(createSectionAction);

  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <div>
        <Label htmlFor="new-section-name">栏目名称（不含【】，最多{SECTION_NAME_MAX_LENGTH}个字）</Label>
        <Input
          id="new-section-name"
          name="name"
          aria-invalid={!!errors?.name}
          aria-describedby="new-section-name-error"
        />
        <FieldError id="new-section-name-error" messages={errors?.name} />
      </div>
      <div>
        <Label htmlFor="new-section-kind">类型</Label>
        <select
          id="new-section-kind"
          name="kind"
          defaultValue="REGULAR"
          aria-invalid={!!errors?.kind}
          aria-describedby="new-section-kind-error"
          className="h-9 w-full rounded-md border border-border bg-white px-3 text-sm outline-none focus-visible:border-brand focus-visible:ring-2 focus-visible:ring-brand/20 aria-invalid:border-danger"
        >
          <option value="REGULAR">普通栏目（印作【栏目名】）</option>
          <option value="LEAD" disabled={activeLeadName !== null}>
            {activeLeadName === null ? '要闻（排在最前，不印栏目标题）' : `要闻（已有“${activeLeadName}”，只能有一个）`}
          </option>
        </select>
        <FieldError id="new-section-kind-error" messages={errors?.kind} />
      </div>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? '正在添加…' : '添加栏目'}
        </Button>
        <FormError message={formError} />
        {state?.ok && (
          <p role="status" className="text-sm text-green-700">
            栏目已添加。
          </p>
        )}
      </div>
    </form>
  );
}
