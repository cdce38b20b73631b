'use client';
import { useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { createSectionAction } from '@/lib/actions/sections';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { SECTION_NAME_MAX_LENGTH } from '@/lib/validations/sections';
import { FormFooter } from '@/components/ui/form-footer';

const selectClassName =
  'h-9 w-full rounded-md border border-border bg-white px-3 text-sm outline-none focus-visible:border-brand focus-visible:ring-2 focus-visible:ring-brand/20 aria-invalid:border-danger disabled:opacity-50';

/**
 * A new section, inserted where it belongs in the print order: before one of the sections in
 * use (`regularSections`, in catalogue order), or at the end.
 */
export function CreateSectionForm({
  publicationId,
  activeLeadName,
  regularSections,
}: {
  /** Whose catalogue the section joins. */
  publicationId: number;
  activeLeadName: string | null;
  regularSections: { id: number; name: string }[];
}) {
  const form = useActionForm(createSectionAction);
  const errors = form.fieldErrors;
  const [kind, setKind] = useState('REGULAR');

  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <input type="hidden" name="publicationId" value={publicationId} />
      <TextField
        id="new-section-name"
        name="name"
        label={`栏目名称（不含【】，最多${SECTION_NAME_MAX_LENGTH}个字）`}
        errors={errors?.name}
      />
      <FormField id="new-section-kind" label="类型" errors={errors?.kind}>
        {(control) => (
          <select {...control} name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={selectClassName}>
            <option value="REGULAR">普通栏目（印作【栏目名】）</option>
            <option value="LEAD" disabled={activeLeadName !== null}>
              {activeLeadName === null ? '要闻（排在最前，不印栏目标题）' : `要闻（已有“${activeLeadName}”，只能有一个）`}
            </option>
          </select>
        )}
      </FormField>
      <FormField
        id="new-section-position"
        label="位置（印刷顺序）"
        errors={errors?.beforeId}
        hint={kind === 'LEAD' ? '要闻栏目固定排在最前。' : '添加后也可以用上移、下移调整。'}
        className="md:col-span-2"
      >
        {(control) => (
          <select {...control} name="beforeId" defaultValue="" disabled={kind === 'LEAD'} className={selectClassName}>
            <option value="">排在最后</option>
            {regularSections.map((section) => (
              <option key={section.id} value={section.id}>
                排在“{section.name}”之前
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormFooter form={form} label="添加栏目" pendingLabel="正在添加…" success="栏目已添加。" />
    </form>
  );
}
