import { z } from 'zod';
import { ZId } from '@/lib/validations/common';

/** Marks the given notifications read; none given: all of them. */
export const ZMarkNotificationsRead = z.object({
  ids: z.array(ZId('通知编号无效'), { error: '通知编号无效' }).max(200, '一次最多200条').optional(),
});
