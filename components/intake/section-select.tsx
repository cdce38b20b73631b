import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';

/** 编入栏目: the section an adopted (or merged) submission's item goes into. */
export function SectionSelect({ id, sections, errors }: { id: string; sections: { id: number; name: string }[]; errors?: string[] }) {
  return (
    <div>
      <Label htmlFor={id}>编入栏目</Label>
      <select
        id={id}
        name="sectionId"
        className="h-9 w-full rounded-md border border-border bg-white px-2 text-sm"
        aria-invalid={!!errors}
        aria-describedby={`${id}-error`}
      >
        <option value="">请选择栏目</option>
        {sections.map((section) => (
          <option key={section.id} value={section.id}>
            {section.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
