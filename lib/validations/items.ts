import { z } from 'zod';
import { ZId, ZOptionalId, ZSearchQuery, ZText } from '@/lib/validations/common';
import { ZItemBody } from '@/lib/validations/item-body';

export { ITEM_STATUS_LABELS, type ItemStatus } from '@/lib/item-status';

const ANGLE_BRACKETS = /[<>]/;

export const ZItemTitle = ZText('标题', {
  max: 60,
  required: '请输入标题',
  refuse: { pattern: ANGLE_BRACKETS, message: '标题不能含有尖括号' },
});

const ZSubtitle = ZText('副标题', {
  max: 60,
  refuse: { pattern: ANGLE_BRACKETS, message: '副标题不能含有尖括号' },
})
  .transform((v) => v || null)
  .nullish();

const ZSource = ZText('来源单位', {
  max: 40,
  required: '来源单位不能为空',
  refuse: { pattern: /[<>（）()、]/, message: '来源单位不能含有括号、顿号或尖括号，多个单位请分别填写' },
});

const ZEventDate = z
  .union([z.literal(''), z.null(), z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })])
  .optional()
  .transform((v) => (v ? v : null));

export const ZItemFields = z.object({
  title: ZItemTitle,
  subtitle: ZSubtitle,
  sectionId: ZId('请选择栏目'),
  columnId: ZOptionalId('专栏无效'),
  sources: z.array(ZSource).max(10, '来源单位最多10个').default([]),
  body: ZItemBody,
  eventDate: ZEventDate,
  status: z.enum(['DRAFT', 'READY'], { error: '状态无效' }).default('DRAFT'),
});

export const ZCreateItem = ZItemFields;

export const ZSaveItem = ZItemFields.extend({
  id: ZId('稿件编号无效'),
  /** The version this edit started from; a save against an older version is refused. */
  baseVersion: ZId('版本号无效'),
});

export const ZRestoreItemVersion = z.object({
  id: ZId('稿件编号无效'),
  version: ZId('版本号无效'),
  baseVersion: ZId('版本号无效'),
});

export const ZItemFilters = z.object({
  sectionId: ZId().optional().catch(undefined),
  status: z.enum(['DRAFT', 'READY']).optional().catch(undefined),
  authorId: ZId().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: ZSearchQuery.optional().transform((q) => q || undefined),
  /** current: items not in a published issue (the week's work); all: the published ones too. */
  scope: z.enum(['current', 'all']).optional().catch(undefined),
  page: z.string().regex(/^[1-9]\d{0,4}$/).transform(Number).optional().catch(undefined),
});

/** Items shown per page of the list. */
export const ITEMS_PAGE_SIZE = 50;

export type ItemFields = z.output<typeof ZItemFields>;
export type SaveItemInput = z.output<typeof ZSaveItem>;
export type ItemFilters = z.output<typeof ZItemFilters>;
