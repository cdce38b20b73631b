import { z } from 'zod';

export const SECTION_NAME_MAX_LENGTH = 20;

export const SECTION_KINDS = ['LEAD', 'REGULAR'] as const;

const ZId = z.coerce.number({ error: '编号无效' }).int().positive('编号无效');

/**
 * The name of a section (栏目) or a column (专栏) inside one. The print puts section names in
 * 【】, so the brackets are refused here rather than printed twice. Length counts characters
 * (code points), not UTF-16 units.
 */
export const ZCatalogueName = z
  .string({ error: '请输入名称' })
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: '请输入名称', abort: true })
      .refine((value) => [...value].length <= SECTION_NAME_MAX_LENGTH, `名称不能超过${SECTION_NAME_MAX_LENGTH}个字`)
      // Control and invisible format characters (zero-width spaces and the like) would make
      // two names look the same on screen and in print.
      .refine((value) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value), '名称含有不允许的字符')
      .refine((value) => !/[【】]/.test(value), '名称不要带【】，印刷时会自动加上'),
  );

const ZDirection = z.enum(['up', 'down'], { error: '移动方向无效' });

const ZIsRetired = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
  error: '停用状态无效',
});

export const ZCreateSection = z.object({
  name: ZCatalogueName,
  kind: z.enum(SECTION_KINDS, { error: '栏目类型无效' }).default('REGULAR'),
});

export const ZRenameSection = z.object({ id: ZId, name: ZCatalogueName });

export const ZMoveSection = z.object({ id: ZId, direction: ZDirection });

export const ZSetSectionRetired = z.object({ id: ZId, isRetired: ZIsRetired });

export const ZCreateSectionColumn = z.object({ sectionId: ZId, name: ZCatalogueName });

export const ZRenameSectionColumn = z.object({ id: ZId, name: ZCatalogueName });

export const ZMoveSectionColumn = z.object({ id: ZId, direction: ZDirection });

export const ZSetSectionColumnRetired = z.object({ id: ZId, isRetired: ZIsRetired });

export type MoveDirection = z.output<typeof ZDirection>;
export type CreateSectionInput = z.output<typeof ZCreateSection>;
export type RenameSectionInput = z.output<typeof ZRenameSection>;
export type MoveSectionInput = z.output<typeof ZMoveSection>;
export type SetSectionRetiredInput = z.output<typeof ZSetSectionRetired>;
export type CreateSectionColumnInput = z.output<typeof ZCreateSectionColumn>;
export type RenameSectionColumnInput = z.output<typeof ZRenameSectionColumn>;
export type MoveSectionColumnInput = z.output<typeof ZMoveSectionColumn>;
export type SetSectionColumnRetiredInput = z.output<typeof ZSetSectionColumnRetired>;
