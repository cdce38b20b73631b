'use client';
import { useRouter } from 'next/navigation';
import { SectionSelect } from '@/components/intake/section-select';
import { FormFooter } from '@/components/ui/form-footer';
import { TextField } from '@/components/ui/text-field';
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
  const form = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(mergeSubmissionsAction, input);
      if (result.ok) router.push(`/items/${result.data.itemId}`);
      return result;
    },
    { arrays: ['submissions'] },
  );
  const { fieldErrors } = form;
  return (
    <form id={MERGE_FORM_ID} onSubmit={form.onSubmit} noValidate className="grid gap-3 rounded-lg border border-border bg-white p-4 md:grid-cols-[1fr_14rem_auto] md:items-end" aria-labelledby="merge-title">
      <h2 id="merge-title" className="font-semibold md:col-span-3">
        综合采用：勾选下方多篇来稿，合为一篇稿件（来源为各单位）
      </h2>
      <TextField id="merge-title-input" name="title" label="稿件标题" errors={fieldErrors?.title} />
      <SectionSelect id="merge-section" sections={sections} errors={fieldErrors?.sectionId} />
      <FormFooter form={form} label="综合采用" pendingLabel="正在采用…" formError={form.formError ?? fieldErrors?.submissions?.[0]} className="" />
      {form.state?.ok && <p role="status" className="text-sm text-green-700 md:col-span-3">已综合采用，正在打开稿件…</p>}
    </form>
  );
}
