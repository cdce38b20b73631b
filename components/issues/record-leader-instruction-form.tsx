'use client';
import { FormField } from '@/components/ui/form-field';
import { FormFooter } from '@/components/ui/form-footer';
import { TextareaField, TextField } from '@/components/ui/text-field';
import { recordLeaderInstructionAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';

export function RecordLeaderInstructionForm({ issueId, items, today }: { issueId: number; items: { position: number; title: string }[]; today: string }) {
  const form = useActionForm(recordLeaderInstructionAction);
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="记录领导批示">
      <input type="hidden" name="issueId" value={issueId} />
      <FormField id="instruction-item" label="稿件" errors={errors?.position} className="sm:col-span-2">
        {(control) => (
          <select {...control} name="position" defaultValue="" className="h-9 w-full rounded-md border border-border bg-white px-2 text-sm">
            <option value="">选择稿件…</option>
            {items.map((item) => (
              <option key={item.position} value={item.position}>
                {item.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextField id="instruction-leader" name="leader" label="批示领导" placeholder="如：市科协党组书记张三" errors={errors?.leader} />
      <TextField id="instruction-date" name="date" type="date" label="批示日期" defaultValue={today} errors={errors?.date} />
      <TextareaField id="instruction-text" name="text" rows={3} label="批示内容" errors={errors?.text} className="sm:col-span-2" />
      <FormFooter form={form} className="sm:col-span-2" label="记录批示" pendingLabel="正在保存…" success="批示已记录。" />
    </form>
  );
}
