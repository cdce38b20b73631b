import { z } from '@/lib/validations/zod';
import { ZId } from '@/lib/validations/common';

/** Marks the given notifications read, or all of them (`all: true`); nothing else is a request. */
export const ZMarkNotificationsRead = z.union(
  [
    z.object({ ids: z.array(ZId('通知编号无效'), { error: '通知编号无效' }).min(1, '请选择通知').max(200, '一次最多200条') }),
    z.object({ all: z.literal(true, { error: '请选择要标为已读的通知' }) }),
  ],
  { error: '请选择要标为已读的通知' },
);
