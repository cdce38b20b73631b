'use client';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { createPublicationAction } from '@/lib/actions/publication';
import type { FieldErrors } from '@/lib/errors';
import { callWithRawInput } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { publicationHref } from '@/lib/publication-param';
import { CONTENTS_STYLE_LABELS, CONTENTS_STYLES } from '@/lib/validations/publication';

/** One labelled field with its hint and error, ids derived from the name. */
function Field({
  name,
  label,
  hint,
  errors,
  children,
  wide = false,
}: {
  name: string;
  label: string;
  hint: string;
  errors: FieldErrors | undefined;
  children: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode;
  wide?: boolean;
}) {
  const id = `new-publication-${name}`;
  return (
    <div className={wide ? 'md:col-span-2' : undefined}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, name, 'aria-invalid': !!errors?.[name], 'aria-describedby': `${id}-hint ${id}-error` })}
      <p id={`${id}-hint`} className="mt-1 text-xs text-muted-foreground">
        {hint}
      </p>
      <FieldError id={`${id}-error`} messages={errors?.[name]} />
    </div>
  );
}

/**
 * 新建刊物: another serial of the office with its own masthead, numbering, sections and 分送.
 * After creating it the admin lands on its settings (the switcher then offers it everywhere).
 */
export function CreatePublicationForm({ suggestedStartYear }: { suggestedStartYear: number }) {
  const router = useRouter();
  const { onSubmit, isPending, fieldErrors: errors, formError } = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(createPublicationAction, input);
      if (result.ok) router.push(publicationHref('/admin/publication', { slug: result.data.slug, isDefault: false }));
      return result;
    },
    { resetOnSuccess: false },
  );
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate aria-label="新建刊物">
      <Field name="name" label="刊物名称" hint="在页头的刊物切换中显示，不能与已有刊物重名。" errors={errors}>
        {(props) => <Input {...props} />}
      </Field>
      <Field name="slug" label="刊物代号" hint="网址中使用，如 zhuanbao：小写英文字母、数字和连字符，以字母开头。" errors={errors}>
        {(props) => <Input {...props} autoCapitalize="off" spellCheck={false} />}
      </Field>
      <Field name="mastheadTitle" label="版头名称" hint="版头印的名称与刊物名称不同时填写；不填则印刊物名称。" errors={errors}>
        {(props) => <Input {...props} />}
      </Field>
      <Field name="publisher" label="编印单位" hint="印在版头日期之前。" errors={errors}>
        {(props) => <Input {...props} defaultValue="北京市科协办公室" />}
      </Field>
      <Field name="leadSection" label="要闻栏目" hint="排在最前、不印栏目标题的栏目；没有可不填。" errors={errors}>
        {(props) => <Input {...props} />}
      </Field>
      <Field name="sections" label="栏目" hint="每行一个栏目，按印刷顺序；专栏可在建成后到“栏目”中添加。" errors={errors}>
        {(props) => <Textarea {...props} rows={4} />}
      </Field>
      <Field name="distribution" label="分送" hint="印在版记“分送：”之后，每行一项。" errors={errors} wide>
        {(props) => <Textarea {...props} rows={3} />}
      </Field>
      <fieldset className="md:col-span-2">
        <legend className="text-sm font-medium text-gray-700">编号起点（第一期的期号）</legend>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <Input name="startYear" aria-label="年份" inputMode="numeric" defaultValue={suggestedStartYear} className="w-24" aria-invalid={!!errors?.startYear} />
          <span>年 第</span>
          <Input name="startYearNumber" aria-label="年度期号" inputMode="numeric" defaultValue={1} className="w-20" aria-invalid={!!errors?.startYearNumber} />
          <span>期，总第</span>
          <Input name="startTotalNumber" aria-label="总期号" inputMode="numeric" defaultValue={1} className="w-24" aria-invalid={!!errors?.startTotalNumber} />
          <span>期</span>
        </div>
        <FieldError id="new-publication-start-error" messages={[...(errors?.startYear ?? []), ...(errors?.startYearNumber ?? []), ...(errors?.startTotalNumber ?? [])]} />
      </fieldset>
      <div className="md:col-span-2 space-y-1.5 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="contentsOnOwnPage" value="true" className="size-4 accent-brand" />
          目录提要单独成页
        </label>
        <fieldset>
          <legend className="text-sm font-medium text-gray-700">目录提要的自动生成方式</legend>
          {CONTENTS_STYLES.map((style) => (
            <label key={style} className="mt-1 flex items-center gap-2">
              <input type="radio" name="contentsStyle" value={style} defaultChecked={style === 'HEADLINES'} className="size-4 accent-brand" />
              {CONTENTS_STYLE_LABELS[style]}
            </label>
          ))}
        </fieldset>
      </div>
      <FormFooter isPending={isPending} label="新建刊物" pendingLabel="正在新建…" formError={formError} />
    </form>
  );
}
