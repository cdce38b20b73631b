import { z } from '@/lib/validations/zod';
import { ZBoolean, ZId, ZText } from '@/lib/validations/common';

const ZAnnotationId = ZId('批注编号无效');
const ZAnnotationBody = (required: string) => ZText('批注', { max: 2000, required, isMultiline: true });

/** 批注: the words chosen in an item of an issue, where they start, and what is said about them. */
export const ZAddAnnotation = z.object({
  issueId: ZId('期次编号无效'),
  itemId: ZId('稿件编号无效'),
  quote: ZText('所选文字', { max: 500, required: '请先在正文中选中要批注的文字', isMultiline: true }),
  startOffset: z.number({ error: '所选位置无效' }).int('所选位置无效').min(0, '所选位置无效').max(1_000_000, '所选位置无效'),
  body: ZAnnotationBody('请输入批注内容'),
});

export const ZReplyAnnotation = z.object({ id: ZAnnotationId, body: ZAnnotationBody('请输入回复内容') });

/** 已解决 (true) or 重新打开 (false). */
export const ZResolveAnnotation = z.object({ id: ZAnnotationId, isResolved: ZBoolean('请选择是否已解决') });

