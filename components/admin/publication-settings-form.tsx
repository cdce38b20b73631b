'use client';
import { FieldError } from '@/components/ui/field-error';
import { FieldHint, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { TextareaField, TextField } from '@/components/ui/text-field';
import { updatePublicationSettingsAction } from '@/lib/actions/publication';
import type { PublicationSettings, PublishedNumbers } from '@/lib/data/publication';
import type { FieldErrors } from '@/lib/errors';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { FormFooter } from '@/components/ui/form-footer';
import {
  CONTENTS_STYLE_LABELS,
  CONTENTS_STYLES,
  DISTRIBUTION_LINE_MAX_LENGTH,
  DISTRIBUTION_MAX_LINES,
  MASTHEAD_TITLE_MAX_LENGTH,
  PUBLICATION_NAME_MAX_LENGTH,
  PUBLISHER_MAX_LENGTH,
  START_YEAR_MAX,
  START_YEAR_MIN,
} from '@/lib/validations/publication';

/** The one-line settings of the masthead, in the order shown. */
const TEXT_SETTINGS = [
  { name: 'name', id: 'publication-name', label: '刊物名称', hint: `印在版头（除非另填版头名称），最多${PUBLICATION_NAME_MAX_LENGTH}个字。` },
  {
    name: 'mastheadTitle',
    id: 'publication-masthead-title',
    label: '版头名称',
    hint: `版头印的名称与刊物名称不同时填写，最多${MASTHEAD_TITLE_MAX_LENGTH}个字；不填则印刊物名称。`,
  },
  { name: 'publisher', id: 'publication-publisher', label: '编印单位', hint: `印在版头日期之前，最多${PUBLISHER_MAX_LENGTH}个字。` },
] as const;

/**
 * The publication settings. Each field is keyed by its stored value, so after a save (the
 * page is revalidated) it shows what was stored, e.g. the 分送 lines without the empty ones.
 */
export function PublicationSettingsForm({
  settings,
  suggestedStartYear,
}: {
  settings: PublicationSettings;
  /** Offered when no start year was ever set (this year, in Beijing). */
  suggestedStartYear: number;
}) {
  const form = useActionForm(updatePublicationSettingsAction, { resetOnSuccess: false });
  const errors = form.fieldErrors;
  const distributionText = settings.distribution.join('\n');

  return (
    <form onSubmit={form.onSubmit} className="space-y-8" noValidate aria-label="刊物设置">
      <input type="hidden" name="publicationId" value={settings.id} />
      <section aria-labelledby="publication-basics-title" className="grid gap-4 md:grid-cols-2">
        <h2 id="publication-basics-title" className="text-base font-semibold md:col-span-2">
          版头与版记
        </h2>
        {TEXT_SETTINGS.map(({ name, id, label, hint }) => {
          const value = settings[name] ?? '';
          return <TextField key={`${name}:${value}`} id={id} name={name} label={label} defaultValue={value} hint={hint} errors={errors?.[name]} />;
        })}
        <TextareaField
          key={distributionText}
          id="publication-distribution"
          name="distribution"
          label="分送"
          rows={Math.max(4, settings.distribution.length + 1)}
          defaultValue={distributionText}
          hint={`印在版记“分送：”之后。每行一项，按印刷顺序填写，最多${DISTRIBUTION_MAX_LINES}行，每行不超过${DISTRIBUTION_LINE_MAX_LENGTH}个字；空行会被忽略。`}
          errors={errors?.distribution}
          className="md:col-span-2"
        />
        <div className="md:col-span-2">
          <label className="flex items-center gap-2 text-sm font-medium text-gray-700">
            <input
              key={String(settings.contentsOnOwnPage)}
              type="checkbox"
              name="contentsOnOwnPage"
              value="true"
              defaultChecked={settings.contentsOnOwnPage}
              aria-invalid={!!errors?.contentsOnOwnPage}
              aria-describedby="publication-contents-hint publication-contents-error"
              className="size-4 accent-brand"
            />
            目录提要单独成页
          </label>
          <FieldHint id="publication-contents-hint">勾选后，第1页只印版头和目录提要，正文从第2页开始（打印预览中可见）。</FieldHint>
          <FieldError id="publication-contents-error" messages={errors?.contentsOnOwnPage} />
        </div>
        <fieldset className="md:col-span-2" aria-describedby="publication-contents-style-hint publication-contents-style-error">
          <legend className="text-sm font-medium text-gray-700">目录提要的自动生成方式</legend>
          <div className="mt-1.5 flex flex-col gap-1.5 text-sm">
            {CONTENTS_STYLES.map((style) => (
              <label key={style} className="flex items-center gap-2">
                <input
                  key={settings.contentsStyle}
                  type="radio"
                  name="contentsStyle"
                  value={style}
                  defaultChecked={settings.contentsStyle === style}
                  className="size-4 accent-brand"
                />
                {CONTENTS_STYLE_LABELS[style]}
              </label>
            ))}
          </div>
          <FieldHint id="publication-contents-style-hint">
            编排时目录提要按此自动生成，随稿件变动更新；编辑手工修改后以修改为准。已发布的各期不受影响。
          </FieldHint>
          <FieldError id="publication-contents-style-error" messages={errors?.contentsStyle} />
        </fieldset>
      </section>

      <section aria-labelledby="publication-start-title" className="space-y-3">
        <h2 id="publication-start-title" className="text-base font-semibold">
          编号起点
        </h2>
        <div id="publication-start-explanation" className="space-y-1 text-sm text-muted-foreground">
          <p>
            编号起点是用本系统编排的第一期所用的期号。例如纸质简报已经印到2023年第6期（总第59期），就填
            2023年、第7期、总第60期。
          </p>
          <p>此后的期号由系统自动顺延：每出一期，年度期号和总期号各加1；到了新的一年，年度期号从第1期重新开始，总期号继续累加。</p>
          {settings.lastImported && (
            <p data-testid="last-imported">
              已导入的历史期次到 {settings.lastImported.year}年第{settings.lastImported.yearNumber}期（总第{settings.lastImported.totalNumber}
              期）：新的一期接着它编号；只有起点在它之后（中间的期次未导入）时才使用编号起点。
            </p>
          )}
        </div>
        {settings.isStartLocked ? (
          <StartPointReadOnly settings={settings} />
        ) : (
          <StartPointFields settings={settings} suggestedStartYear={suggestedStartYear} errors={errors} />
        )}
      </section>

      <FormFooter
        form={form}
        label="保存设置"
        pendingLabel="正在保存…"
        success={({ isStartChanged, unpublishedIssueCount }) => (
          <>
            已保存。{isStartChanged && unpublishedIssueCount > 0 && `正在准备的${unpublishedIssueCount}期已按新的编号起点重新编号。`}
          </>
        )}
        className=""
      />
    </form>
  );
}

/** `2023年 第7期（总第60期）` */
function issueNumbers(numbers: PublishedNumbers): string {
  return `${numbers.year}年 第${numbers.yearNumber}期（总第${numbers.totalNumber}期）`;
}

/**
 * The start point once it is fixed: the numbers the first published issue got (which is what
 * the start point was, set by an admin or left at its default), and how far numbering has come.
 */
function StartPointReadOnly({ settings }: { settings: PublicationSettings }) {
  const { firstPublished, lastPublished } = settings;
  // Locked means published: both are there.
  if (!firstPublished || !lastPublished) return null;
  return (
    <div className="rounded-md border border-border bg-muted px-4 py-3 text-sm" data-testid="start-point-locked">
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        <div className="flex gap-1">
          <dt className="text-muted-foreground">编号起点（用本系统发布的第一期）：</dt>
          <dd>{issueNumbers(firstPublished)}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted-foreground">最近发布：</dt>
          <dd>{issueNumbers(lastPublished)}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted-foreground">下一期：</dt>
          <dd>总第{lastPublished.totalNumber + 1}期</dd>
        </div>
      </dl>
      <p className="mt-2">
        已有期刊发布，编号起点已经固定，不能再修改：已发布的期号不会再变，之后各期都从已发布的最后一期顺延。
      </p>
    </div>
  );
}

function StartPointFields({
  settings,
  suggestedStartYear,
  errors,
}: {
  settings: PublicationSettings;
  suggestedStartYear: number;
  errors: FieldErrors | undefined;
}) {
  // Each part of the start point: the input between the words printed around it.
  const parts = [
    { name: 'startYear', id: 'publication-start-year', label: '下一期的年份', before: null, after: '年', value: settings.startYear ?? suggestedStartYear, width: 'w-24' },
    { name: 'startYearNumber', id: 'publication-start-year-number', label: '年度期号', before: '第', after: '期', value: settings.startYearNumber, width: 'w-20' },
    { name: 'startTotalNumber', id: 'publication-start-total-number', label: '总期号', before: '总第', after: '期', value: settings.startTotalNumber, width: 'w-24' },
  ] as const;
  return (
    <fieldset aria-describedby="publication-start-explanation publication-start-hint" className="space-y-3">
      <legend className="sr-only">编号起点</legend>
      <div className="flex flex-wrap items-start gap-4">
        {parts.map((part) => (
          <FormField key={part.id} id={part.id} label={part.label} errors={errors?.[part.name]}>
            {(control) => (
              <div className="flex items-center gap-1.5">
                {part.before && <span className="text-sm">{part.before}</span>}
                <Input key={part.value} {...control} name={part.name} inputMode="numeric" defaultValue={part.value} className={part.width} />
                <span className="text-sm">{part.after}</span>
              </div>
            )}
          </FormField>
        ))}
      </div>
      <div id="publication-start-hint" className="space-y-1 text-xs text-muted-foreground">
        {settings.startYear === null && <p>尚未设置编号起点，上面是默认值，保存后生效。</p>}
        <p>
          年份须在{START_YEAR_MIN}–{START_YEAR_MAX}之间；总期号不能小于年度期号。在第一期发布之前可以修改，第一期发布后即固定。
        </p>
        {settings.unpublishedIssueCount > 0 && (
          <p>目前有{settings.unpublishedIssueCount}期正在准备中，修改编号起点后，它们的期号会按新起点重新编排。</p>
        )}
      </div>
    </fieldset>
  );
}
