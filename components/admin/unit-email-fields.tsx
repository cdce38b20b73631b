import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export interface UnitChoice {
  id: number;
  name: string;
}

/** 所属单位 (required for a 信息员) and 邮箱 (notifications by e-mail), for the user forms. */
export function UnitEmailFields({
  prefix,
  units,
  defaultUnitId,
  defaultEmail,
  errors,
}: {
  prefix: string;
  units: UnitChoice[];
  defaultUnitId?: number | null;
  defaultEmail?: string | null;
  errors?: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <div>
        <Label htmlFor={`${prefix}-unit`}>所属单位（信息员必选）</Label>
        <select
          id={`${prefix}-unit`}
          name="unitId"
          defaultValue={defaultUnitId ?? ''}
          className="mt-1 h-9 w-full min-w-48 rounded-md border border-border bg-white px-2 text-sm"
          aria-invalid={!!errors?.unitId}
          aria-describedby={`${prefix}-unit-error`}
        >
          <option value="">无</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-unit-error`} messages={errors?.unitId} />
      </div>
      <div>
        <Label htmlFor={`${prefix}-email`}>邮箱（可选，用于邮件通知）</Label>
        <Input
          id={`${prefix}-email`}
          name="email"
          type="email"
          defaultValue={defaultEmail ?? ''}
          aria-invalid={!!errors?.email}
          aria-describedby={`${prefix}-email-error`}
        />
        <FieldError id={`${prefix}-email-error`} messages={errors?.email} />
      </div>
    </>
  );
}
