// The action guard end to end below the HTTP layer: a real session lookup against the
// database (only next-auth's cookie decoding is replaced), role checks, zod messages,
// and domain rules of user administration.
import { beforeEach, describe, expect, it } from 'vitest';
import { callWithRawInput } from '@/lib/action-result';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/password';
import { createTestUser, uniqueName } from './support/factories';

import { loginAs as login } from './support/session';

const { createUserAction, resetPasswordAction, setUserDisabledAction, updateUserAction } = await import(
  '@/lib/actions/users'
);
const { getCurrentUser } = await import('@/lib/auth');

async function loginAs(user: { id: number; sessionVersion: number }) {
  login(user);
}

beforeEach(() => login(null));

describe('user administration actions', () => {
  it('refuses a logged-out caller with 401', async () => {
    const result = await createUserAction({ username: uniqueName(), displayName: '某人', roles: ['STAFF'] });
    expect(result).toMatchObject({ ok: false, status: 401, code: 'UNAUTHENTICATED' });
  });

  it.each([['STAFF'], ['EDITOR'], ['REVIEWER']] as const)('refuses a %s user with 403 and changes nothing', async (role) => {
    const caller = await createTestUser({ roles: [role] });
    const victim = await createTestUser({ roles: ['STAFF'] });
    await loginAs(caller);
    const before = await db.user.count();

    expect(await createUserAction({ username: uniqueName(), displayName: '入侵者', roles: ['ADMIN'] })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await updateUserAction({ id: caller.id, displayName: '入侵者', roles: ['ADMIN'] })).toMatchObject({ status: 403 });
    expect(await setUserDisabledAction({ id: victim.id, isDisabled: true })).toMatchObject({ status: 403 });
    expect(await resetPasswordAction({ id: victim.id })).toMatchObject({ status: 403 });

    expect(await db.user.count()).toBe(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: caller.id } })).toMatchObject({ roles: [role] });
    expect(await db.user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      isDisabled: false,
      passwordHash: victim.passwordHash,
    });
  });

  it('answers bad input with 400 and Chinese messages per field, writing nothing', async () => {
    await loginAs(await createTestUser({ roles: ['ADMIN'] }));
    const before = await db.user.count();
    const result = await createUserAction({ username: 'A B', displayName: '', roles: [] });
    expect(result).toMatchObject({ ok: false, status: 400, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.username?.[0]).toMatch(/用户名/);
    expect(result.fieldErrors?.displayName?.[0]).toBe('请输入姓名');
    expect(result.fieldErrors?.roles?.[0]).toBe('请至少选择一个角色');
    expect(await callWithRawInput(createUserAction, 'not an object')).toMatchObject({ status: 400 });
    expect(await db.user.count()).toBe(before);
  });

  it('creates a user with several roles and a generated password that works', async () => {
    await loginAs(await createTestUser({ roles: ['ADMIN'] }));
    const username = uniqueName('new');
    const result = await createUserAction({ username, displayName: '李金涛', roles: ['EDITOR', 'REVIEWER'] });
    if (!result.ok) throw new Error(result.message);
    const created = await db.user.findUniqueOrThrow({ where: { username } });
    expect(created.roles).toEqual(['EDITOR', 'REVIEWER']);
    expect(await verifyPassword(created.passwordHash, result.data.password)).toBe(true);
    expect(await createUserAction({ username, displayName: '重复', roles: ['STAFF'] })).toMatchObject({
      status: 409,
      fieldErrors: { username: ['该用户名已被使用'] },
    });
  });

  it('ends a disabled user’s session and a changed role applies on the next request', async () => {
    const admin = await createTestUser({ roles: ['ADMIN'] });
    const editor = await createTestUser({ roles: ['EDITOR'] });

    await loginAs(admin);
    expect((await updateUserAction({ id: editor.id, displayName: '新名字', roles: ['STAFF'] })).ok).toBe(true);
    await loginAs(editor);
    expect(await getCurrentUser()).toMatchObject({ roles: ['STAFF'], displayName: '新名字' });

    await loginAs(admin);
    expect((await setUserDisabledAction({ id: editor.id, isDisabled: true })).ok).toBe(true);
    await loginAs(editor); // the token the editor still holds
    expect(await getCurrentUser()).toBeNull();
    // Enabling again does not revive the old token.
    await loginAs(admin);
    expect((await setUserDisabledAction({ id: editor.id, isDisabled: false })).ok).toBe(true);
    await loginAs(editor);
    expect(await getCurrentUser()).toBeNull();
  });

  it('resets a password: the old one stops working and old sessions end', async () => {
    const admin = await createTestUser({ roles: ['ADMIN'] });
    const staff = await createTestUser({ roles: ['STAFF'] });
    await loginAs(admin);
    const result = await resetPasswordAction({ id: staff.id });
    if (!result.ok) throw new Error(result.message);
    const updated = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(await verifyPassword(updated.passwordHash, staff.password)).toBe(false);
    expect(await verifyPassword(updated.passwordHash, result.data.password)).toBe(true);
    await loginAs(staff);
    expect(await getCurrentUser()).toBeNull();
  });

  it('keeps at least one active administrator', async () => {
    // Only admin in this database: the rule must hold against the admin's own account.
    await db.user.updateMany({ where: { roles: { has: 'ADMIN' } }, data: { isDisabled: true } });
    const admin = await createTestUser({ roles: ['ADMIN'] });
    await loginAs(admin);
    expect(await updateUserAction({ id: admin.id, displayName: '管理员', roles: ['EDITOR'] })).toMatchObject({
      status: 409,
      message: '至少需要保留一名启用的管理员。',
    });
    expect(await setUserDisabledAction({ id: admin.id, isDisabled: true })).toMatchObject({ status: 409 });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(['ADMIN']);
  });
});
