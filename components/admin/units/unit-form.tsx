'use client';
import { FormField } from '@/components/ui/form-field';
import { FormFooter } from '@/components/ui/form-footer';
import { Label } from '@/components/ui/label';
import { TextField } from '@/components/ui/text-field';
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
  const form = useActionForm(unit ? updateUnitAction : createUnitAction, { resetOnSuccess: !unit });
  const errors = form.fieldErrors;
  const id = (field: string) => `unit-${unit?.id ?? 'new'}-${field}`;
  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 md:grid-cols-2" noValidate aria-label={unit ? `修改${unit.name}` : '添加单位'}>
      {unit && <input type="hidden" name="id" value={unit.id} />}
      <TextField id={id('name')} name="name" label="单位名称" defaultValue={unit?.name} placeholder="全称，如：北京科技社团服务中心" errors={errors?.name} />
      <div className="grid grid-cols-2 gap-3">
        <FormField id={id('kind')} label="类别" errors={errors?.kind}>
          {(control) => (
            <select {...control} name="kind" defaultValue={unit?.kind ?? 'SOCIETY'} className={SELECT}>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {UNIT_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div>
          <Label htmlFor={id('active')}>状态</Label>
          <select id={id('active')} name="isActive" defaultValue={String(unit?.isActive ?? true)} className={SELECT}>
            <option value="true">启用</option>
            <option value="false">停用</option>
          </select>
        </div>
      </div>
      <TextField id={id('short')} name="shortNames" label="简称" defaultValue={unit?.shortNames.join('、')} placeholder="用顿号分隔，如：科技社团服务中心" errors={errors?.shortNames} />
      <TextField id={id('aliases')} name="aliases" label="别名" defaultValue={unit?.aliases.join('、')} placeholder="稿件中出现过的其他写法，用顿号分隔" errors={errors?.aliases} />
      <FormFooter form={form} label={unit ? '保存' : '添加单位'} pendingLabel="正在保存…" success={unit ? '已保存。' : '单位已添加。'} />
    </form>
  );
}
