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

/** The 栏目 filter of the search and statistics forms: by section name, any section unless chosen. */
export function SectionFilter({ sections, defaultValue }: { sections: readonly string[]; defaultValue: string | null | undefined }) {
  return <FilterSelect label="栏目" name="section" defaultValue={defaultValue} allLabel="全部栏目" options={sections.map((name) => ({ value: name, label: name }))} />;
}
