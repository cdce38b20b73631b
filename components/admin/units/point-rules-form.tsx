'use client';
import { FormFooter } from '@/components/ui/form-footer';
import { TextField } from '@/components/ui/text-field';
import { createPointRuleSetAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { POINT_RULE_LABELS, type PointRules } from '@/lib/units/points';

const FIELDS = Object.keys(POINT_RULE_LABELS) as (keyof typeof POINT_RULE_LABELS)[];

/** A new version of the points, effective from a date; prefilled with the rules in effect now. */
export function PointRulesForm({ current }: { current: PointRules }) {
  const form = useActionForm(createPointRuleSetAction, { resetOnSuccess: false });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" noValidate aria-label="新的计分规则">
      <TextField id="points-from" name="effectiveFrom" type="date" label="生效日期" errors={errors?.effectiveFrom} />
      {FIELDS.map((field) => (
        <TextField
          key={field}
          id={`points-${field}`}
          name={field}
          inputMode="decimal"
          defaultValue={String(current[field])}
          label={`${POINT_RULE_LABELS[field]}（分）`}
          errors={errors?.[field]}
        />
      ))}
      <FormFooter
        form={form}
        className="sm:col-span-2 lg:col-span-5"
        label="保存新规则"
        pendingLabel="正在保存…"
        success="新规则已保存，出刊日期在生效日期及以后的期次按新规则计分。"
      />
    </form>
  );
}
