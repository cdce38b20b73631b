import { z } from 'zod';
import { ZItemBody } from '@/lib/validations/item-body';

export const ITEM_STATUS_LABELS = { DRAFT: '草稿', READY: '待编' } as const;
export type ItemStatus = keyof typeof ITEM_STATUS_LABELS;

const NO_MARKUP = /^[^<>\u0000-\u001f]*$/;
const ZId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

export const ZItemTitle = z
  .string({ error: '请输入标题' })
  .trim()
  .min(1, { error: '请输入标题', abort: true })
  .max(60, '标题不能超过60个字')
  .regex(NO_MARKUP, '标题不能含有尖括号或控制字符');

const ZSubtitle = z
  .string()
  .trim()
  .max(60, '副标题不能超过60个字')
  .regex(NO_MARKUP, '副标题不能含有尖括号或控制字符')
  .transform((v) => v || null)
  .nullish();

const ZSource = z
  .string()
  .trim()
  .min(1, '来源单位不能为空')
  .max(40, '来源单位不能超过40个字')
  .regex(/^[^<>（）()、\u0000-\u001f]+$/, '来源单位不能含有括号、顿号或尖括号，多个单位请分别填写');

const ZEventDate = z
  .union([z.literal(''), z.null(), z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })])
  .optional()
  .transform((v) => (v ? v : null));

export const ZItemFields = z.object({
  title: ZItemTitle,
  subtitle: ZSubtitle,
  sectionId: ZId('请选择栏目'),
  columnId: z
    .union([z.literal(''), z.null(), ZId('专栏无效')])
    .optional()
    .transform((v) => (v ? v : null)),
  sources: z.array(ZSource).max(10, '来源单位最多10个').default([]),
  body: ZItemBody,
  eventDate: ZEventDate,
  status: z.enum(['DRAFT', 'READY'], { error: '状态无效' }).default('DRAFT'),
});

export const ZCreateItem = ZItemFields;

export const ZSaveItem = ZItemFields.extend({
  id: ZId('稿件编号无效'),
  /** The version this edit started from; a save against an older version is refused. */
  baseVersion: z.number().int().positive(),
});

export const ZRestoreItemVersion = z.object({
  id: ZId('稿件编号无效'),
  version: z.number().int().positive(),
  baseVersion: z.number().int().positive(),
});

export const ZItemFilters = z.object({
  sectionId: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(['DRAFT', 'READY']).optional().catch(undefined),
  authorId: z.coerce.number().int().positive().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
});

export type ItemFields = z.output<typeof ZItemFields>;
export type SaveItemInput = z.output<typeof ZSaveItem>;
export type ItemFilters = z.output<typeof ZItemFilters>;
