'use client';
import { useRouter } from 'next/navigation';
import { SectionSelect } from '@/components/intake/section-select';
import { FormFooter } from '@/components/ui/form-footer';
import { TextareaField } from '@/components/ui/text-field';
import { adoptSubmissionAction, declineSubmissionAction, returnSubmissionAction } from '@/lib/actions/submissions';
import { callWithRawInput, type Action } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';

interface DecisionPanelProps {
  id: number;
  version: number;
  sections: { id: number; name: string }[];
}

/** 采用 into a section, or 退回修改 / 不采用 with a reason; each refreshes the page when done. */
export function DecisionPanel({ id, version, sections }: DecisionPanelProps) {
  const router = useRouter();
  const refreshing = <T,>(run: Action<never, T>) => async (input: unknown) => {
    const result = await callWithRawInput(run, input);
    if (result.ok) router.refresh();
    return result;
  };
  const adopt = useActionForm(refreshing(adoptSubmissionAction), { resetOnSuccess: false });
  const returned = useActionForm(refreshing(returnSubmissionAction));
  const declined = useActionForm(refreshing(declineSubmissionAction));

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <form onSubmit={adopt.onSubmit} noValidate className="space-y-2 rounded-lg border border-border bg-white p-4" aria-labelledby="adopt-title">
        <h2 id="adopt-title" className="font-semibold">
          采用
        </h2>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <SectionSelect id="adopt-section" sections={sections} errors={adopt.fieldErrors?.sectionId} />
        <FormFooter form={adopt} label="采用为稿件" pendingLabel="正在采用…" className="" />
      </form>
      {(
        [
          ['return', '退回修改', returned, '退回修改', '单位修改后可重新报送'],
          ['decline', '不采用', declined, '不采用', '单位会看到'],
        ] as const
      ).map(([key, title, form, label, hint]) => (
        <form key={key} onSubmit={form.onSubmit} noValidate className="space-y-2 rounded-lg border border-border bg-white p-4" aria-labelledby={`${key}-title`}>
          <h2 id={`${key}-title`} className="font-semibold">
            {title}
          </h2>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <TextareaField id={`${key}-reason`} name="reason" rows={3} label={`理由（${hint}）`} errors={form.fieldErrors?.reason} />
          <FormFooter form={form} label={label} pendingLabel="正在提交…" className="" />
        </form>
      ))}
    </div>
  );
}
