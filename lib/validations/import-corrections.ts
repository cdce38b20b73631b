import { z } from '@/lib/validations/zod';
import { ZId } from '@/lib/validations/common';

/** The correction text of an issue is at most this long (the largest issue is ~40,000 characters). */
export const MAX_CORRECTION_TEXT = 400_000;

export const ZCorrectImportedIssue = z
  .object({
    id: ZId('期次编号无效'),
    text: z.string({ error: '请填写修订后的内容' }).min(1, '请填写修订后的内容').max(MAX_CORRECTION_TEXT, '内容过长'),
    /** The version the admin started from (from the page): a correction of a stale text is refused. */
    version: z.string({ error: '版本无效，请刷新页面' }).regex(/^[0-9a-f]{64}$/, '版本无效，请刷新页面'),
  })
  .strict();
