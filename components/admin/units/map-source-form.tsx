'use client';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { mapSourceNameAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';

/** One unmatched source name: choose the unit it stands for (added as that unit's alias). */
export function MapSourceForm({ name, units, index }: { name: string; units: { id: number; name: string }[]; index: number }) {
  const { onSubmit, isPending, fieldErrors, formError, state } = useActionForm(mapSourceNameAction, { resetOnSuccess: false });
  const selectId = `map-source-${index}`;
  const error = formError ?? fieldErrors?.unitId?.[0] ?? fieldErrors?.name?.[0];
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={`对应“${name}”`}>
      <input type="hidden" name="name" value={name} />
      <label htmlFor={selectId} className="sr-only">
        “{name}”对应的单位
      </label>
      <select id={selectId} name="unitId" defaultValue="" className="h-9 min-w-48 max-w-full rounded-md border border-border bg-white px-2 text-sm">
        <option value="">选择单位…</option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="outline" disabled={isPending || state?.ok}>
        {state?.ok ? '已对应' : '对应'}
      </Button>
      <FormError message={error} />
    </form>
  );
}
