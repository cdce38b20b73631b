'use client';
import { useRouter } from 'next/navigation';
import { SectionSelect } from '@/components/intake/section-select';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { mergeSubmissionsAction } from '@/lib/actions/submissions';
import { callWithRawInput } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';

export const MERGE_FORM_ID = 'merge-form';

/**
 * 综合采用: the list's checkboxes (form="merge-form", value "id:version") and this form's title
 * and section make one item of the chosen submissions.
 */
export function MergeForm({ sections }: { sections: { id: number; name: string }[] }) {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors, formError, state } = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(mergeSubmissionsAction, input);
      if (result.ok) router.push(`/items/${result.data.itemId}`);
      return result;
    },
    { arrays: ['submissions'] },
  );
  return (
    <form id={MERGE_FORM_ID} onSubmit={onSubmit} noValidate className="grid gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-[1fr_14rem_auto] md:items-end" aria-labelledby="merge-title">
      <h2 id="merge-title" className="font-semibold md:col-span-3">
        综合采用：勾选下方多篇来稿，合为一篇稿件（来源为各单位）
      </h2>
      <div>
        <Label htmlFor="merge-title-input">稿件标题</Label>
        <Input id="merge-title-input" name="title" aria-invalid={!!fieldErrors?.title} aria-describedby="merge-title-error" />
        <FieldError id="merge-title-error" messages={fieldErrors?.title} />
      </div>
      <SectionSelect id="merge-section" sections={sections} errors={fieldErrors?.sectionId} />
      <FormFooter isPending={isPending} label="综合采用" pendingLabel="正在采用…" formError={formError ?? fieldErrors?.submissions?.[0]} className="" />
      {state?.ok && <p role="status" className="text-sm text-green-700 md:col-span-3">已综合采用，正在打开稿件…</p>}
    </form>
  );
}
