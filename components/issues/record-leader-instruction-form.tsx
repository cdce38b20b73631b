'use client';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { recordLeaderInstructionAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';

export function RecordLeaderInstructionForm({ issueId, items, today }: { issueId: number; items: { position: number; title: string }[]; today: string }) {
  const { state, onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(recordLeaderInstructionAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="记录领导批示">
      <input type="hidden" name="issueId" value={issueId} />
      <div className="sm:col-span-2">
        <Label htmlFor="instruction-item">稿件</Label>
        <select id="instruction-item" name="position" defaultValue="" className="h-9 w-full rounded-md border border-border bg-white px-2 text-sm" aria-invalid={!!errors?.position} aria-describedby="instruction-item-error">
          <option value="">选择稿件…</option>
          {items.map((item) => (
            <option key={item.position} value={item.position}>
              {item.title}
            </option>
          ))}
        </select>
        <FieldError id="instruction-item-error" messages={errors?.position} />
      </div>
      <div>
        <Label htmlFor="instruction-leader">批示领导</Label>
        <Input id="instruction-leader" name="leader" placeholder="如：市科协党组书记张三" aria-invalid={!!errors?.leader} aria-describedby="instruction-leader-error" />
        <FieldError id="instruction-leader-error" messages={errors?.leader} />
      </div>
      <div>
        <Label htmlFor="instruction-date">批示日期</Label>
        <Input id="instruction-date" name="date" type="date" defaultValue={today} aria-invalid={!!errors?.date} aria-describedby="instruction-date-error" />
        <FieldError id="instruction-date-error" messages={errors?.date} />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="instruction-text">批示内容</Label>
        <Textarea id="instruction-text" name="text" rows={3} aria-invalid={!!errors?.text} aria-describedby="instruction-text-error" />
        <FieldError id="instruction-text-error" messages={errors?.text} />
      </div>
      <FormFooter className="sm:col-span-2" isPending={isPending} label="记录批示" pendingLabel="正在保存…" formError={formError} success={state?.ok && '批示已记录。'} />
    </form>
  );
}
