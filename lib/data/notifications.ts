import 'server-only';
import { db, type Prisma } from '@/lib/db';
import type { NotificationKind } from '@/lib/generated/prisma/enums';
import type { Role } from '@/lib/roles';

// In-app notifications: one row per recipient, written in the same transaction as the change
// they announce (so a rolled-back change announces nothing). Review (审核, 修订, 批注) and
// 信息报送 both write through notify(); the header shows the unread count.

type Tx = Prisma.TransactionClient;

export interface NotificationInput {
  kind: NotificationKind;
  /** Chinese, one line, e.g. 第21期已退回修改. */
  title: string;
  /** An app path, e.g. /issues/12. */
  href: string;
}

/** Notifies each recipient once (duplicates and the actor, when given, are left out). */
export async function notify(
  tx: Tx,
  recipientIds: readonly number[],
  notification: NotificationInput,
  options: { exceptUserId?: number } = {},
): Promise<number> {
  const userIds = [...new Set(recipientIds)].filter((id) => id !== options.exceptUserId);
  if (!userIds.length) return 0;
  const { count } = await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, ...notification })),
  });
  return count;
}

/** The enabled users holding any of these roles: who a workflow step concerns. */
export async function usersWithRoles(tx: Tx, roles: readonly Role[]): Promise<number[]> {
  const users = await tx.user.findMany({
    where: { isDisabled: false, roles: { hasSome: [...roles] } },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

export function countUnreadNotifications(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export type NotificationEntry = Awaited<ReturnType<typeof listNotifications>>[number];

/** The newest notifications of a user, unread first. */
export function listNotifications(userId: number, { take = 50 }: { take?: number } = {}) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, kind: true, title: true, href: true, createdAt: true, readAt: true },
  });
}

/** Marks the given notifications of this user read (all of them without ids). */
export async function markNotificationsRead(userId: number, ids?: readonly number[]): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
