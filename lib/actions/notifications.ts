'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { markNotificationsRead } from '@/lib/data/notifications';
import { ZMarkNotificationsRead } from '@/lib/validations/notifications';

// Every role gets notifications (信息员 too); the query is by the caller's own id.
const EVERY_ROLE = ['ADMIN', 'EDITOR', 'REVIEWER', 'STAFF', 'REPORTER'] as const;

export const markNotificationsReadAction = action({ roles: EVERY_ROLE, schema: ZMarkNotificationsRead }, async (input, user) => {
  const count = await markNotificationsRead(user.id, 'ids' in input ? input.ids : undefined);
  revalidatePath('/', 'layout');
  return { count };
});
