'use client';
import { useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/text-field';
import { Label } from '@/components/ui/label';
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
  const { state, onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(createSectionAction);
  const [kind, setKind] = useState('REGULAR');

  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <input type="hidden" name="publicationId" value={publicationId} />
      <TextField
        id="new-section-name"
        name="name"
        label={`栏目名称（不含【】，最多${SECTION_NAME_MAX_LENGTH}个字）`}
        errors={errors?.name}
      />
      <div>
        <Label htmlFor="new-section-kind">类型</Label>
        <select
          id="new-section-kind"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          aria-invalid={!!errors?.kind}
          aria-describedby="new-section-kind-error"
          className={selectClassName}
        >
          <option value="REGULAR">普通栏目（印作【栏目名】）</option>
          <option value="LEAD" disabled={activeLeadName !== null}>
            {activeLeadName === null ? '要闻（排在最前，不印栏目标题）' : `要闻（已有“${activeLeadName}”，只能有一个）`}
          </option>
        </select>
        <FieldError id="new-section-kind-error" messages={errors?.kind} />
      </div>
      <div className="md:col-span-2">
        <Label htmlFor="new-section-position">位置（印刷顺序）</Label>
        <select
          id="new-section-position"
          name="beforeId"
          defaultValue=""
          disabled={kind === 'LEAD'}
          aria-invalid={!!errors?.beforeId}
          aria-describedby="new-section-position-hint new-section-position-error"
          className={selectClassName}
        >
          <option value="">排在最后</option>
          {regularSections.map((section) => (
            <option key={section.id} value={section.id}>
              排在“{section.name}”之前
            </option>
          ))}
        </select>
        <p id="new-section-position-hint" className="mt-1 text-xs text-muted-foreground">
          {kind === 'LEAD' ? '要闻栏目固定排在最前。' : '添加后也可以用上移、下移调整。'}
        </p>
        <FieldError id="new-section-position-error" messages={errors?.beforeId} />
      </div>
      <FormFooter
        isPending={isPending}
        label="添加栏目"
        pendingLabel="正在添加…"
        formError={formError}
        success={state?.ok && '栏目已添加。'}
      />
    </form>
  );
}
