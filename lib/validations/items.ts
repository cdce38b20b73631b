import { z } from '@/lib/validations/zod';
import { normalizeTitle, TITLE_BREAK } from '@/lib/layout/title';
import { INVISIBLE_CHARACTER_HINT, ZChosenId, ZId, ZOptionalId, ZSearchQuery, ZText } from '@/lib/validations/common';
import { ZItemBodyInput } from '@/lib/validations/item-body';

export { getItemStage, ITEM_STAGE_LABELS, ITEM_STATUS_LABELS, type ItemStage, type ItemStatus } from '@/lib/item-status';

/** The list's stage filter: absent means everything not yet published (the working set). */
export const ITEM_STAGE_FILTERS = ['DRAFT', 'READY', 'PLACED', 'PUBLISHED', 'ALL'] as const;

const ANGLE_BRACKETS = /[<>]/;

export const TITLE_MAX_LENGTH = 60;

/**
 * An item title. It may hold one line break, where the editor wants the printed title to break
 * (lib/layout/title.ts); spaces around it and blank lines are dropped. A tab, like any other
 * control character, is refused as in every single-line field.
 */
export const ZItemTitle = z
  .string({ error: '请输入标题' })
  .refine((value) => !/[\t\v\f]/.test(value), `标题含有不允许的字符${INVISIBLE_CHARACTER_HINT}`)
  .transform((value) => normalizeTitle(value.normalize('NFC')))
  .pipe(
    ZText('标题', {
      max: TITLE_MAX_LENGTH,
      required: '请输入标题',
      isMultiline: true,
      refuse: { pattern: ANGLE_BRACKETS, message: '标题不能含有尖括号' },
    }).refine((title) => title.split(TITLE_BREAK).length <= 2, '标题最多分两行（只能有一处换行）'),
  );

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
  sectionId: ZChosenId('请选择栏目'),
  columnId: ZOptionalId('专栏无效'),
  sources: z.array(ZSource).max(10, '来源单位最多10个').default([]),
  body: ZItemBodyInput,
  eventDate: ZEventDate,
  status: z.enum(['DRAFT', 'READY'], { error: '状态无效' }).default('DRAFT'),
});

export const ZCreateItem = ZItemFields;

export const ZSaveItem = ZItemFields.extend({
  id: ZId('稿件编号无效'),
  /** The version this edit started from; a save against an older version is refused. */
  baseVersion: ZChosenId('版本号无效'),
});

export const ZRestoreItemVersion = z.object({
  id: ZId('稿件编号无效'),
  version: ZId('版本号无效'),
  baseVersion: ZChosenId('版本号无效'),
});

export const ZItemFilters = z.object({
  sectionId: ZId().optional().catch(undefined),
  status: z.enum(ITEM_STAGE_FILTERS).optional().catch(undefined),
  authorId: ZId().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: ZSearchQuery.optional().transform((q) => q || undefined),
  page: z.string().regex(/^[1-9]\d{0,4}$/).transform(Number).optional().catch(undefined),
});

/** Items shown per page of the list. */
export const ITEMS_PAGE_SIZE = 50;

export type ItemFields = z.output<typeof ZItemFields>;
export type SaveItemInput = z.output<typeof ZSaveItem>;
export type ItemFilters = z.output<typeof ZItemFilters>;
