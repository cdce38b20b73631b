'use client';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { createSubmissionRequestAction } from '@/lib/actions/submissions';
import { useActionForm } from '@/lib/hooks/use-action-form';

/** 约稿: topic, details, deadline and the units asked. */
export function RequestForm({ units }: { units: { id: number; name: string }[] }) {
  const { onSubmit, isPending, fieldErrors, formError, state } = useActionForm(createSubmissionRequestAction, { arrays: ['unitIds'] });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <div>
        <Label htmlFor="request-topic">主题</Label>
        <Input id="request-topic" name="topic" aria-invalid={!!fieldErrors?.topic} aria-describedby="request-topic-error" />
        <FieldError id="request-topic-error" messages={fieldErrors?.topic} />
      </div>
      <div>
        <Label htmlFor="request-deadline">截止日期</Label>
        <Input id="request-deadline" name="deadline" type="date" aria-invalid={!!fieldErrors?.deadline} aria-describedby="request-deadline-error" />
        <FieldError id="request-deadline-error" messages={fieldErrors?.deadline} />
      </div>
      <div className="md:col-span-2">
        <Label htmlFor="request-details">要求（可选）</Label>
        <Textarea id="request-details" name="details" rows={3} aria-describedby="request-details-error" />
        <FieldError id="request-details-error" messages={fieldErrors?.details} />
      </div>
      <fieldset className="md:col-span-2" aria-describedby="request-units-error">
        <legend className="text-sm font-medium text-gray-700">约稿单位</legend>
        <div className="mt-2 grid max-h-60 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-border p-2 text-sm sm:grid-cols-3 lg:grid-cols-4">
          {units.map((unit) => (
            <label key={unit.id} className="flex items-center gap-1.5">
              <input type="checkbox" name="unitIds" value={unit.id} className="size-4 accent-brand" />
              {unit.name}
            </label>
          ))}
        </div>
        <FieldError id="request-units-error" messages={fieldErrors?.unitIds} />
      </fieldset>
      <FormFooter isPending={isPending} label="发送约稿" pendingLabel="正在发送…" formError={formError} success={state?.ok && '约稿已发送，各单位信息员已收到通知。'} />
    </form>
  );
}
