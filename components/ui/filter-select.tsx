/** A labelled choice in a filter form (统计条件, 检索): `allLabel` adds a first option for "any". */
export function FilterSelect({
  label,
  name,
  defaultValue,
  options,
  allLabel,
}: {
  label: string;
  name: string;
  defaultValue: string | number | null | undefined;
  options: readonly { value: string | number; label: string }[];
  allLabel?: string;
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-muted-foreground">{label}</span>
      <select name={name} defaultValue={defaultValue ?? ''} className="h-9 rounded-md border border-border bg-white px-2 text-sm">
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
