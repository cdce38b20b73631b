'use client';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { TextareaField, TextField } from '@/components/ui/text-field';
import { createSubmissionRequestAction } from '@/lib/actions/submissions';
import { useActionForm } from '@/lib/hooks/use-action-form';

/** 约稿: topic, details, deadline and the units asked. */
export function RequestForm({ units }: { units: { id: number; name: string }[] }) {
  const form = useActionForm(createSubmissionRequestAction, { arrays: ['unitIds'] });
  const { fieldErrors } = form;
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <TextField id="request-topic" name="topic" label="主题" errors={fieldErrors?.topic} />
      <TextField id="request-deadline" name="deadline" type="date" label="截止日期" errors={fieldErrors?.deadline} />
      <TextareaField id="request-details" name="details" rows={3} label="要求（可选）" errors={fieldErrors?.details} className="md:col-span-2" />
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
      <FormFooter form={form} label="发送约稿" pendingLabel="正在发送…" success="约稿已发送，各单位信息员已收到通知。" />
    </form>
  );
}
