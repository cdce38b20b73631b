'use client';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { createUnitAction, updateUnitAction } from '@/lib/actions/units';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';

export interface UnitFormValues {
  id: number;
  name: string;
  shortNames: string[];
  aliases: string[];
  kind: UnitKind;
  isActive: boolean;
}

const SELECT = 'h-9 w-full rounded-md border border-border bg-white px-3 text-sm';

/** A unit of the catalogue: new (no `unit`) or edited in place. */
export function UnitForm({ unit }: { unit?: UnitFormValues }) {
  const { state, onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(unit ? updateUnitAction : createUnitAction, { resetOnSuccess: !unit });
  const id = (field: string) => `unit-${unit?.id ?? 'new'}-${field}`;
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate aria-label={unit ? `修改${unit.name}` : '添加单位'}>
      {unit && <input type="hidden" name="id" value={unit.id} />}
      <div>
        <Label htmlFor={id('name')}>单位名称</Label>
        <Input id={id('name')} name="name" defaultValue={unit?.name} placeholder="全称，如：北京科技社团服务中心" aria-invalid={!!errors?.name} aria-describedby={id('name-error')} />
        <FieldError id={id('name-error')} messages={errors?.name} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <Label htmlFor={id('kind')}>类别</Label>
          <select id={id('kind')} name="kind" defaultValue={unit?.kind ?? 'SOCIETY'} className={SELECT} aria-describedby={id('kind-error')}>
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {UNIT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError id={id('kind-error')} messages={errors?.kind} />
        </div>
        <div>
          <Label htmlFor={id('active')}>状态</Label>
          <select id={id('active')} name="isActive" defaultValue={String(unit?.isActive ?? true)} className={SELECT}>
            <option value="true">启用</option>
            <option value="false">停用</option>
          </select>
        </div>
      </div>
      <div>
        <Label htmlFor={id('short')}>简称</Label>
        <Input id={id('short')} name="shortNames" defaultValue={unit?.shortNames.join('、')} placeholder="用顿号分隔，如：科技社团服务中心" aria-invalid={!!errors?.shortNames} aria-describedby={id('short-error')} />
        <FieldError id={id('short-error')} messages={errors?.shortNames} />
      </div>
      <div>
        <Label htmlFor={id('aliases')}>别名</Label>
        <Input id={id('aliases')} name="aliases" defaultValue={unit?.aliases.join('、')} placeholder="稿件中出现过的其他写法，用顿号分隔" aria-invalid={!!errors?.aliases} aria-describedby={id('aliases-error')} />
        <FieldError id={id('aliases-error')} messages={errors?.aliases} />
      </div>
      <FormFooter
        isPending={isPending}
        label={unit ? '保存' : '添加单位'}
        pendingLabel="正在保存…"
        formError={formError}
        success={state?.ok && (unit ? '已保存。' : '单位已添加。')}
      />
    </form>
  );
}
