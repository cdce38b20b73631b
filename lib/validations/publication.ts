import { z } from 'zod';
import { characterCount, hasInvisibleCharacters, INVISIBLE_CHARACTER_HINT, ZText } from '@/lib/validations/common';

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

/**
 * The publication settings (刊物设置). The numbering start point (the three start* fields) is
 * optional as a group: left out, it is kept as stored. Once an issue is published the form no
 * longer sends it; the server refuses a change then (lib/data/publication.ts).
 */
export const ZUpdatePublicationSettings = z
  .object({
    name: ZPrintedText('刊物名称', PUBLICATION_NAME_MAX_LENGTH),
    publisher: ZPrintedText('编印单位', PUBLISHER_MAX_LENGTH),
    distribution: ZDistribution,
    contentsOnOwnPage: ZCheckbox,
    // Absent: kept as stored (a client that does not know the choice cannot reset it).
    contentsStyle: z.enum(CONTENTS_STYLES, { error: '请选择目录提要的生成方式' }).optional(),
    startYear: ZWholeNumber(
      '年份',
      START_YEAR_MIN,
      START_YEAR_MAX,
      `年份须在${START_YEAR_MIN}–${START_YEAR_MAX}之间`,
    ).optional(),
    startYearNumber: ZWholeNumber('年度期号', 1, START_YEAR_NUMBER_MAX, `年度期号须在1–${START_YEAR_NUMBER_MAX}之间`).optional(),
    startTotalNumber: ZWholeNumber('总期号', 1, START_TOTAL_NUMBER_MAX, `总期号须在1–${START_TOTAL_NUMBER_MAX}之间`).optional(),
  })
  .superRefine(
    (value, context) => {
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
    },
    // Also when other fields are wrong, so that every message shows at once. A field that
    // failed may hold anything here, hence isCount; the body itself must be an object.
    { when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value) },
  )
  .transform(({ startYear, startYearNumber, startTotalNumber, ...settings }) => ({
    ...settings,
    // Complete by the check above whenever any of the three was given.
    start:
      startYear !== undefined && startYearNumber !== undefined && startTotalNumber !== undefined
        ? { year: startYear, yearNumber: startYearNumber, totalNumber: startTotalNumber }
        : undefined,
  }));

export type UpdatePublicationSettingsInput = z.output<typeof ZUpdatePublicationSettings>;
export type NumberingStartInput = NonNullable<UpdatePublicationSettingsInput['start']>;
