// 信息报送: what a 信息员 sends (a submission) and what an editor decides about it (来稿),
// and the 约稿 requests editors send to units. Shared by forms and actions.
import { z } from '@/lib/validations/zod';
import { toList, ZImportFile } from '@/lib/validations/imports';
import { INT4_MAX, ZId, ZOptionalId, ZSearchQuery, ZText } from '@/lib/validations/common';
import { ZItemBodyInput } from '@/lib/validations/item-body';
import { ZItemTitle } from '@/lib/validations/items';

export const SUBMISSION_STATUSES = ['SUBMITTED', 'ADOPTED', 'MERGED', 'RETURNED', 'DECLINED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What a unit sees; 已采用 gains the issue once the item is placed (see describeSubmissionState). */
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  SUBMITTED: '已报送',
  ADOPTED: '已采用',
  MERGED: '综合采用',
  RETURNED: '退回修改',
  DECLINED: '未采用',
};

const ZPerson = (label: string) =>
  ZText(label, { max: 20, required: `请填写${label}`, refuse: { pattern: /[<>]/, message: `${label}不能含有尖括号` } });

const ZPhone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .min(1, '请填写联系电话')
  .regex(/^[0-9+\-() ]{5,20}$/, '联系电话只能含数字、空格和 + - ( )，5–20位');

const ZFileName = z
  .union([z.literal(''), z.null(), ZText('文件名', { max: 120 })])
  .optional()
  .transform((value) => value || null);

export const ZSubmissionFields = z.object({
  title: ZItemTitle,
  body: ZItemBodyInput.refine((doc) => doc.content.some((p) => (p.content ?? []).length > 0), '请填写正文'),
  writer: ZPerson('执笔人'),
  writerPhone: ZPhone,
  signedOffBy: ZPerson('审签人'),
  /** The 约稿 this answers, if any. */
  requestId: ZOptionalId('约稿编号无效'),
  /** The .docx the text was read from, if any. */
  fileName: ZFileName,
});

export const ZCreateSubmission = ZSubmissionFields;

/** Revising a returned submission sends it again (状态回到已报送). */
export const ZReviseSubmission = ZSubmissionFields.extend({
  id: ZId('来稿编号无效'),
  version: ZId('版本号无效'),
});

/** A .docx (or text file) read into a title and paragraphs for the submission form. */
export const ZReadSubmissionFile = z.object({ file: ZImportFile });

const ZDecisionTarget = z.object({ id: ZId('来稿编号无效'), version: ZId('版本号无效') });

export const ZAdoptSubmission = ZDecisionTarget.extend({ sectionId: ZId('请选择栏目') });

const ZReason = ZText('理由', { max: 500, required: '请填写理由', isMultiline: true });

export const ZReturnSubmission = ZDecisionTarget.extend({ reason: ZReason });
export const ZDeclineSubmission = ZReturnSubmission;

/** 综合采用: several submissions (each with the version the editor saw) become one item. */
export const ZMergeSubmissions = z.object({
  /** `id:version` pairs, as the checkboxes of the list send them. */
  submissions: z.preprocess(
    toList,
    z
      .array(
        z
          .string()
          .regex(/^[1-9]\d{0,9}:[1-9]\d{0,9}$/, '来稿选择无效')
          .transform((pair) => {
            const [id, version] = pair.split(':').map(Number) as [number, number];
            return { id, version };
          })
          .refine(({ id, version }) => id <= INT4_MAX && version <= INT4_MAX, '来稿选择无效'),
        { error: '请选择要综合采用的来稿' },
      )
      .min(2, '综合采用至少选择两篇来稿')
      .max(20, '一次最多综合采用20篇来稿')
      .refine((list) => new Set(list.map((s) => s.id)).size === list.length, '来稿重复选择'),
  ),
  title: ZItemTitle,
  sectionId: ZId('请选择栏目'),
});

/** The 来稿 list's filters (from the address bar: bad values are dropped, never refused). */
export const ZIntakeFilters = z.object({
  status: z.enum([...SUBMISSION_STATUSES, 'ALL']).optional().catch(undefined),
  unitId: ZId().optional().catch(undefined),
  requestId: ZId().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: ZSearchQuery.optional().transform((q) => q || undefined),
  page: z.string().regex(/^[1-9]\d{0,4}$/).transform(Number).optional().catch(undefined),
});
export type IntakeFilters = z.output<typeof ZIntakeFilters>;

export const INTAKE_PAGE_SIZE = 50;

export const ZCreateRequest = z.object({
  topic: ZText('主题', { max: 60, required: '请填写约稿主题', refuse: { pattern: /[<>]/, message: '主题不能含有尖括号' } }),
  details: ZText('要求', { max: 2000, isMultiline: true }),
  deadline: z.iso.date({ error: '截止日期格式应为 YYYY-MM-DD' }),
  unitIds: z.preprocess(
    toList,
    z
      .array(ZId('单位无效'), { error: '请选择约稿单位' })
      .min(1, '请至少选择一个单位')
      .max(300, '单位过多')
      .transform((ids) => [...new Set(ids)]),
  ),
});

export type SubmissionFields = z.output<typeof ZSubmissionFields>;
export type CreateRequestInput = z.output<typeof ZCreateRequest>;
