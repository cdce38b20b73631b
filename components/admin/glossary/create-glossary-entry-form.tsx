'use client';
import { useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/text-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
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
  const { state, onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(createGlossaryEntryAction);
  const [kind, setKind] = useState<(typeof GLOSSARY_KINDS)[number]>('PERSON');
  const hints = HINTS[kind];
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <div>
        <Label htmlFor="glossary-kind">类型</Label>
        <select
          id="glossary-kind"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          className="h-9 w-full rounded-md border border-border bg-white px-3 text-sm"
          aria-describedby="glossary-kind-error"
        >
          {GLOSSARY_KINDS.map((k) => (
            <option key={k} value={k}>
              {GLOSSARY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <FieldError id="glossary-kind-error" messages={errors?.kind} />
      </div>
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
      <div className="md:col-span-2">
        <Label htmlFor="glossary-note">说明（可选）</Label>
        <Input id="glossary-note" name="note" aria-describedby="glossary-note-error" />
        <FieldError id="glossary-note-error" messages={errors?.note} />
      </div>
      <FormFooter
        isPending={isPending}
        label="添加词条"
        pendingLabel="正在添加…"
        formError={formError}
        success={state?.ok && '词条已添加。'}
      />
    </form>
  );
}
