'use client';
import { useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { createGlossaryEntryAction } from '@/lib/actions/proofread';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { GLOSSARY_KIND_LABELS, GLOSSARY_KINDS } from '@/lib/validations/proofread';
import { FormFooter } from '@/components/ui/form-footer';

const HINTS = {
  PERSON: { term: '姓名，如：沈洁', title: '准确职务，如：市科协党组书记、常务副主席' },
  PREFERRED: { term: '规范写法，如：北京市科学技术协会', variants: '常见错误写法，用顿号分隔（可空：相差一个字的写法会自动提示）' },
  AVOID: { term: '应避免的词，如：截止目前', variants: '建议改为，如：截至目前（可空）' },
} as const;

/** A new glossary entry: a person with the exact title, a preferred form, or a word to avoid. */
export function CreateGlossaryEntryForm() {
  const form = useActionForm(createGlossaryEntryAction);
  const errors = form.fieldErrors;
  const [kind, setKind] = useState<(typeof GLOSSARY_KINDS)[number]>('PERSON');
  const hints = HINTS[kind];
  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <FormField id="glossary-kind" label="类型" errors={errors?.kind}>
        {(control) => (
          <select
            {...control}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            className="h-9 w-full rounded-md border border-border bg-white px-3 text-sm"
          >
            {GLOSSARY_KINDS.map((k) => (
              <option key={k} value={k}>
                {GLOSSARY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextField id="glossary-term" name="term" label={kind === 'PERSON' ? '姓名' : '词条'} placeholder={hints.term} errors={errors?.term} />
      {'title' in hints ? (
        <TextField id="glossary-title" name="title" label="职务" placeholder={hints.title} errors={errors?.title} className="md:col-span-2" />
      ) : (
        <TextField
          id="glossary-variants"
          name="variants"
          label={kind === 'AVOID' ? '建议改为' : '错误写法'}
          placeholder={hints.variants}
          errors={errors?.variants}
          className="md:col-span-2"
        />
      )}
      <TextField id="glossary-note" name="note" label="说明（可选）" errors={errors?.note} className="md:col-span-2" />
      <FormFooter form={form} label="添加词条" pendingLabel="正在添加…" success="词条已添加。" />
    </form>
  );
}
