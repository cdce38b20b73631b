import { z } from '@/lib/validations/zod';
import { ZBoolean, ZId, ZOptionalId, ZText } from '@/lib/validations/common';

export const SECTION_NAME_MAX_LENGTH = 20;

export const SECTION_KINDS = ['LEAD', 'REGULAR'] as const;

const ZSectionId = ZId();

/**
 * The name of a section (栏目) or a column (专栏) inside one. The print puts section names in
 * 【】, so the brackets are refused here rather than printed twice.
 */
export const ZCatalogueName = ZText('名称', {
  max: SECTION_NAME_MAX_LENGTH,
  required: '请输入名称',
  refuse: { pattern: /[【】]/, message: '名称不要带【】，印刷时会自动加上' },
});

const ZDirection = z.enum(['up', 'down'], { error: '移动方向无效' });

const ZIsRetired = ZBoolean('停用状态无效');

export const ZCreateSection = z.object({
  name: ZCatalogueName,
  kind: z.enum(SECTION_KINDS, { error: '栏目类型无效' }).default('REGULAR'),
  /** The section the new one is inserted before; none: at the end of the catalogue. */
  beforeId: ZOptionalId('位置无效'),
  /** Whose catalogue; absent: the default publication's. */
  publicationId: ZId('刊物编号无效').optional(),
});

export const ZRenameSection = z.object({ id: ZSectionId, name: ZCatalogueName });

export const ZMoveSection = z.object({ id: ZSectionId, direction: ZDirection });

export const ZSetSectionRetired = z.object({ id: ZSectionId, isRetired: ZIsRetired });

export const ZCreateSectionColumn = z.object({ sectionId: ZSectionId, name: ZCatalogueName });

export const ZRenameSectionColumn = z.object({ id: ZSectionId, name: ZCatalogueName });

export const ZMoveSectionColumn = z.object({ id: ZSectionId, direction: ZDirection });

export const ZSetSectionColumnRetired = z.object({ id: ZSectionId, isRetired: ZIsRetired });

export type MoveDirection = z.output<typeof ZDirection>;
export type CreateSectionInput = z.output<typeof ZCreateSection>;
export type RenameSectionInput = z.output<typeof ZRenameSection>;
export type MoveSectionInput = z.output<typeof ZMoveSection>;
export type SetSectionRetiredInput = z.output<typeof ZSetSectionRetired>;
export type CreateSectionColumnInput = z.output<typeof ZCreateSectionColumn>;
export type RenameSectionColumnInput = z.output<typeof ZRenameSectionColumn>;
export type MoveSectionColumnInput = z.output<typeof ZMoveSectionColumn>;
export type SetSectionColumnRetiredInput = z.output<typeof ZSetSectionColumnRetired>;
