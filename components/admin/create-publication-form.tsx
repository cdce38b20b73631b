'use client';
import { useRouter } from 'next/navigation';
import { FieldError } from '@/components/ui/field-error';
import { FormFooter } from '@/components/ui/form-footer';
import { Input } from '@/components/ui/input';
import { TextareaField, TextField } from '@/components/ui/text-field';
import { createPublicationAction } from '@/lib/actions/publication';
import { callWithRawInput } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { publicationHref } from '@/lib/publication-param';
import { CONTENTS_STYLE_LABELS, CONTENTS_STYLES } from '@/lib/validations/publication';

/**
 * 新建刊物: another serial of the office with its own masthead, numbering, sections and 分送.
 * After creating it the admin lands on its settings (the switcher then offers it everywhere).
 */
export function CreatePublicationForm({ suggestedStartYear }: { suggestedStartYear: number }) {
  const router = useRouter();
  const form = useActionForm(
    async (input: unknown) => {
      const result = await callWithRawInput(createPublicationAction, input);
      if (result.ok) router.push(publicationHref('/admin/publication', { slug: result.data.slug, isDefault: false }));
      return result;
    },
    { resetOnSuccess: false },
  );
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 md:grid-cols-2" noValidate aria-label="新建刊物">
      <TextField id="new-publication-name" name="name" label="刊物名称" hint="在页头的刊物切换中显示，不能与已有刊物重名。" errors={errors?.name} />
      <TextField
        id="new-publication-slug"
        name="slug"
        label="刊物代号"
        hint="网址中使用，如 zhuanbao：小写英文字母、数字和连字符，以字母开头。"
        errors={errors?.slug}
        autoCapitalize="off"
        spellCheck={false}
      />
      <TextField id="new-publication-mastheadTitle" name="mastheadTitle" label="版头名称" hint="版头印的名称与刊物名称不同时填写；不填则印刊物名称。" errors={errors?.mastheadTitle} />
      <TextField id="new-publication-publisher" name="publisher" label="编印单位" hint="印在版头日期之前。" errors={errors?.publisher} defaultValue="北京市科协办公室" />
      <TextField id="new-publication-leadSection" name="leadSection" label="要闻栏目" hint="排在最前、不印栏目标题的栏目；没有可不填。" errors={errors?.leadSection} />
      <TextareaField id="new-publication-sections" name="sections" rows={4} label="栏目" hint="每行一个栏目，按印刷顺序；专栏可在建成后到“栏目”中添加。" errors={errors?.sections} />
      <TextareaField
        id="new-publication-distribution"
        name="distribution"
        rows={3}
        label="分送"
        hint="印在版记“分送：”之后，每行一项。"
        errors={errors?.distribution}
        className="md:col-span-2"
      />
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
      <FormFooter form={form} label="新建刊物" pendingLabel="正在新建…" />
    </form>
  );
}
