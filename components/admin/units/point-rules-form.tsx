'use client';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { createPointRuleSetAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { POINT_RULE_LABELS, type PointRules } from '@/lib/units/points';

const FIELDS = Object.keys(POINT_RULE_LABELS) as (keyof typeof POINT_RULE_LABELS)[];

/** A new version of the points, effective from a date; prefilled with the rules in effect now. */
export function PointRulesForm({ current }: { current: PointRules }) {
  const { state, onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(createPointRuleSetAction, { resetOnSuccess: false });
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" noValidate aria-label="新的计分规则">
      <div>
        <Label htmlFor="points-from">生效日期</Label>
        <Input id="points-from" name="effectiveFrom" type="date" aria-invalid={!!errors?.effectiveFrom} aria-describedby="points-from-error" />
        <FieldError id="points-from-error" messages={errors?.effectiveFrom} />
      </div>
      {FIELDS.map((field) => (
        <div key={field}>
          <Label htmlFor={`points-${field}`}>{POINT_RULE_LABELS[field]}（分）</Label>
          <Input
            id={`points-${field}`}
            name={field}
            inputMode="decimal"
            defaultValue={String(current[field])}
            aria-invalid={!!errors?.[field]}
            aria-describedby={`points-${field}-error`}
          />
          <FieldError id={`points-${field}-error`} messages={errors?.[field]} />
        </div>
      ))}
      <FormFooter
        className="sm:col-span-2 lg:col-span-5"
        isPending={isPending}
        label="保存新规则"
        pendingLabel="正在保存…"
        formError={formError}
        success={state?.ok && '新规则已保存，出刊日期在生效日期及以后的期次按新规则计分。'}
      />
    </form>
  );
}
