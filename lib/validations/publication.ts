import { z } from '@/lib/validations/zod';
import { characterCount, hasInvisibleCharacters, INVISIBLE_CHARACTER_HINT, ZId, ZText } from '@/lib/validations/common';

export const PUBLICATION_NAME_MAX_LENGTH = 20;
export const PUBLISHER_MAX_LENGTH = 30;
export const DISTRIBUTION_MAX_LINES = 12;
export const DISTRIBUTION_LINE_MAX_LENGTH = 60;
export const START_YEAR_MIN = 2000;
export const START_YEAR_MAX = 2100;
export const START_YEAR_NUMBER_MAX = 999;
export const START_TOTAL_NUMBER_MAX = 99_999;

/** One line of text printed as is: NFC, trimmed, 1..max characters, nothing invisible. */
function ZPrintedText(label: string, max: number) {
  return ZText(label, { max, required: `请输入${label}` });
}

/** 第3、5行 — the 1-based line numbers a message is about. */
function lineList(indexes: number[]): string {
  return `第${indexes.map((index) => index + 1).join('、')}行`;
}

/**
 * The 分送 lines of the 版记, in print order. The form sends one textarea (a line per row),
 * the JSON endpoint may send a list; either way lines are trimmed and empty ones dropped.
 */
const ZDistribution = z
  .union([z.string(), z.array(z.string())], { error: '请填写分送范围' })
  .transform((value) =>
    (typeof value === 'string' ? value.split(/\r\n|[\n\r\u2028\u2029]/) : value)
      .map((line) => line.normalize('NFC').trim())
      .filter((line) => line !== ''),
  )
  .superRefine((lines, context) => {
    if (lines.length === 0) {
      context.addIssue({ code: 'custom', message: '请至少填写一行分送范围' });
      return;
    }
    if (lines.length > DISTRIBUTION_MAX_LINES) {
      context.addIssue({ code: 'custom', message: `分送最多${DISTRIBUTION_MAX_LINES}行，现有${lines.length}行` });
    }
    const tooLong = lines.flatMap((line, index) => (characterCount(line) > DISTRIBUTION_LINE_MAX_LENGTH ? [index] : []));
    if (tooLong.length > 0) {
      context.addIssue({ code: 'custom', message: `${lineList(tooLong)}超过${DISTRIBUTION_LINE_MAX_LENGTH}个字` });
    }
    const forbidden = lines.flatMap((line, index) => (hasInvisibleCharacters(line) ? [index] : []));
    if (forbidden.length > 0) context.addIssue({ code: 'custom', message: `${lineList(forbidden)}含有不允许的字符${INVISIBLE_CHARACTER_HINT}` });
  });

export const CONTENTS_STYLES = ['HEADLINES', 'SECTIONS'] as const;
export type ContentsStyle = (typeof CONTENTS_STYLES)[number];

export const CONTENTS_STYLE_LABELS: Record<ContentsStyle, string> = {
  HEADLINES: '要闻标题，加各栏目第一篇稿件的标题',
  SECTIONS: '要闻标题，加各栏目的名称',
};

/** An unchecked box is not sent at all, so absent means false. */
const ZCheckbox = z
  .union([z.boolean(), z.enum(['true', 'false', 'on']).transform((value) => value !== 'false')], {
    error: '选项无效',
  })
  .default(false);

/**
 * A whole number typed into a form: full-width digits (typed with a Chinese IME) are accepted,
 * an empty box is "missing" (null) rather than 0, and anything else is not a number.
 * Absent (undefined) stays absent, see ZUpdatePublicationSettings.
 */
function ZWholeNumber(label: string, min: number, max: number, rangeMessage: string) {
  return z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const text = value.normalize('NFKC').trim();
      if (text === '') return null;
      return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    },
    z
      .number({ error: (issue) => (issue.input === null ? `请输入${label}` : `${label}须为整数`) })
      .int(`${label}须为整数`)
      .min(min, rangeMessage)
      .max(max, rangeMessage),
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

const START_FIELDS = ['startYear', 'startYearNumber', 'startTotalNumber'] as const;

const START_FIELD_LABELS: Record<(typeof START_FIELDS)[number], string> = {
  startYear: '年份',
  startYearNumber: '年度期号',
  startTotalNumber: '总期号',
};

const ZSettingsFields = z.object({
  name: ZPrintedText('刊物名称', PUBLICATION_NAME_MAX_LENGTH),
  publisher: ZPrintedText('编印单位', PUBLISHER_MAX_LENGTH),
  distribution: ZDistribution,
  contentsOnOwnPage: ZCheckbox,
  // Absent: kept as stored (a client that does not know the choice cannot reset it).
  contentsStyle: z.enum(CONTENTS_STYLES, { error: '请选择目录提要的生成方式' }).optional(),
  startYear: ZWholeNumber('年份', START_YEAR_MIN, START_YEAR_MAX, `年份须在${START_YEAR_MIN}–${START_YEAR_MAX}之间`).optional(),
  startYearNumber: ZWholeNumber('年度期号', 1, START_YEAR_NUMBER_MAX, `年度期号须在1–${START_YEAR_NUMBER_MAX}之间`).optional(),
  startTotalNumber: ZWholeNumber('总期号', 1, START_TOTAL_NUMBER_MAX, `总期号须在1–${START_TOTAL_NUMBER_MAX}之间`).optional(),
});

type StartFields = Partial<Record<(typeof START_FIELDS)[number], number>>;

/** The numbering start point is optional as a group, but complete when given. */
function checkStart(value: StartFields, context: z.RefinementCtx): void {
  const given = START_FIELDS.filter((field) => value[field] !== undefined);
  if (given.length === 0) return;
  for (const field of START_FIELDS) {
    if (value[field] === undefined) {
      context.addIssue({ code: 'custom', path: [field], message: `请输入${START_FIELD_LABELS[field]}` });
    }
  }
  // The cumulative number counts every issue ever, this year's included.
  const { startYearNumber, startTotalNumber } = value;
  if (isCount(startYearNumber) && isCount(startTotalNumber) && startTotalNumber < startYearNumber) {
    context.addIssue({ code: 'custom', path: ['startTotalNumber'], message: '总期号不能小于年度期号' });
  }
}

// Also when other fields are wrong, so that every message shows at once. A field that failed
// may hold anything here, hence isCount; the body itself must be an object.
const CHECK_ALWAYS = { when: ({ value }: { value: unknown }) => typeof value === 'object' && value !== null && !Array.isArray(value) };

function withStart<T extends StartFields>({ startYear, startYearNumber, startTotalNumber, ...settings }: T) {
  return {
    ...settings,
    // Complete by checkStart whenever any of the three was given.
    start:
      startYear !== undefined && startYearNumber !== undefined && startTotalNumber !== undefined
        ? { year: startYear, yearNumber: startYearNumber, totalNumber: startTotalNumber }
        : undefined,
  };
}

export const MASTHEAD_TITLE_MAX_LENGTH = 20;
/** The title printed in the masthead when it differs from the name; empty: the name is printed. */
const ZMastheadTitle = ZText('版头名称', { max: MASTHEAD_TITLE_MAX_LENGTH }).transform((title) => title || null);

/**
 * The publication settings (刊物设置). The numbering start point (the three start* fields) is
 * optional as a group: left out, it is kept as stored. Once an issue is published the form no
 * longer sends it; the server refuses a change then (lib/data/publication.ts). Without
 * `publicationId` the default publication is meant; without `mastheadTitle` it is kept.
 */
export const ZUpdatePublicationSettings = ZSettingsFields.extend({
  publicationId: ZId('刊物编号无效').optional(),
  mastheadTitle: ZMastheadTitle.optional(),
})
  .superRefine(checkStart, CHECK_ALWAYS)
  .transform(withStart);

export const PUBLICATION_SLUG_MAX_LENGTH = 20;
export const PUBLICATION_SECTIONS_MAX = 30;
const SECTION_NAME_MAX_LENGTH = 20;

/** A section catalogue typed one name a line; duplicates and empty lines refused or dropped. */
const ZSectionLines = z
  .union([z.string(), z.array(z.string())], { error: '请填写栏目' })
  .transform((value) =>
    (typeof value === 'string' ? value.split(/\r\n|[\n\r\u2028\u2029]/) : value)
      .map((line) => line.normalize('NFC').trim().replace(/^【(.*)】$/, '$1'))
      .filter((line) => line !== ''),
  )
  .superRefine((lines, context) => {
    if (lines.length > PUBLICATION_SECTIONS_MAX) {
      context.addIssue({ code: 'custom', message: `栏目最多${PUBLICATION_SECTIONS_MAX}个，现有${lines.length}个` });
    }
    const tooLong = lines.flatMap((line, index) => (characterCount(line) > SECTION_NAME_MAX_LENGTH ? [index] : []));
    if (tooLong.length > 0) context.addIssue({ code: 'custom', message: `${lineList(tooLong)}超过${SECTION_NAME_MAX_LENGTH}个字` });
    const forbidden = lines.flatMap((line, index) => (hasInvisibleCharacters(line) || /[<>【】]/.test(line) ? [index] : []));
    if (forbidden.length > 0) context.addIssue({ code: 'custom', message: `${lineList(forbidden)}含有不允许的字符${INVISIBLE_CHARACTER_HINT}` });
    const repeated = lines.flatMap((line, index) => (lines.indexOf(line) !== index ? [index] : []));
    if (repeated.length > 0) context.addIssue({ code: 'custom', message: `${lineList(repeated)}与前面的栏目重名` });
  });

/**
 * A new publication (新建刊物): its settings, a short code for its URLs, and its section
 * catalogue — an optional lead section (要闻, printed first without a heading) and the
 * sections in print order. Columns and later changes are made in 栏目管理.
 */
export const ZCreatePublication = ZSettingsFields.extend({
  mastheadTitle: ZMastheadTitle.default(null),
  slug: z
    .string({ error: '请输入刊物代号' })
    .trim()
    .min(1, '请输入刊物代号')
    .max(PUBLICATION_SLUG_MAX_LENGTH, `刊物代号不能超过${PUBLICATION_SLUG_MAX_LENGTH}个字符`)
    .regex(/^[a-z][a-z0-9-]*$/, '刊物代号只能用小写英文字母、数字和连字符，并以字母开头'),
  leadSection: ZText('要闻栏目', { max: SECTION_NAME_MAX_LENGTH, refuse: { pattern: /[<>【】]/, message: '要闻栏目名称不能含有尖括号或方括号' } }).default(''),
  sections: ZSectionLines,
})
  .superRefine(checkStart, CHECK_ALWAYS)
  .superRefine((value, context) => {
    if (value.sections.length === 0) context.addIssue({ code: 'custom', path: ['sections'], message: '请至少填写一个栏目' });
    if (value.leadSection && value.sections.includes(value.leadSection)) {
      context.addIssue({ code: 'custom', path: ['leadSection'], message: '要闻栏目与其他栏目重名' });
    }
  })
  .transform(withStart);

export type CreatePublicationInput = z.output<typeof ZCreatePublication>;


export type UpdatePublicationSettingsInput = z.output<typeof ZUpdatePublicationSettings>;
export type NumberingStartInput = NonNullable<UpdatePublicationSettingsInput['start']>;
