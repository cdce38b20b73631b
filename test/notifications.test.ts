// Notifications are stored per recipient, written inside the announcing transaction, counted
// while unread and marked read only for their owner.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestUser } from './support/factories';

const { countUnreadNotifications, listNotifications, markNotificationsRead, notify, usersWithRoles } = await import(
  '@/lib/data/notifications'
);

describe('notifications', () => {
  it('notifies each recipient once, leaves the actor out and rolls back with the change', async () => {
    const actor = await createTestUser({ roles: ['EDITOR'] });
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    const note = { kind: 'ISSUE_SUBMITTED' as const, title: '第9期已提交审核', href: '/issues/9' };

    const written = await db.$transaction((tx) => notify(tx, [reviewer.id, reviewer.id, actor.id], note, { exceptUserId: actor.id }));
    expect(written).toBe(1);
    expect(await countUnreadNotifications(reviewer.id)).toBe(1);
    expect(await countUnreadNotifications(actor.id)).toBe(0);

    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [reviewer.id], note);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await countUnreadNotifications(reviewer.id)).toBe(1);
  });

  it('lists unread first and marks read only the owner’s rows', async () => {
    const owner = await createTestUser({ roles: ['EDITOR'] });
    const other = await createTestUser({ roles: ['EDITOR'] });
    await db.$transaction(async (tx) => {
      await notify(tx, [owner.id], { kind: 'ISSUE_RETURNED', title: '第1期已退回修改', href: '/issues/1' });
      await notify(tx, [owner.id, other.id], { kind: 'ISSUE_APPROVED', title: '第2期已通过审核', href: '/issues/2' });
    });
    const [first] = await listNotifications(owner.id);
    const otherRows = await listNotifications(other.id);

    expect(await markNotificationsRead(owner.id, [first!.id, otherRows[0]!.id])).toBe(1);
    const listed = await listNotifications(owner.id);
    expect(listed.map((row) => row.readAt === null)).toEqual([true, false]);
    expect(await countUnreadNotifications(other.id)).toBe(1);

    expect(await markNotificationsRead(owner.id)).toBe(1);
    expect(await countUnreadNotifications(owner.id)).toBe(0);
  });

  it('finds the enabled holders of a role', async () => {
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    const disabled = await createTestUser({ roles: ['REVIEWER'] });
    await db.user.update({ where: { id: disabled.id }, data: { isDisabled: true } });
    const ids = await db.$transaction((tx) => usersWithRoles(tx, ['REVIEWER']));
    expect(ids).toContain(reviewer.id);
    expect(ids).not.toContain(disabled.id);
  });
});
