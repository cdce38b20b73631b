import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { generatePassword, hashPassword } from '@/lib/password';
import type { CurrentUser } from '@/lib/auth';
import type { Role } from '@/lib/roles';
import type { CreateUserInput, UpdateUserInput } from '@/lib/validations/users';

const userListSelect = {
  id: true,
  username: true,
  displayName: true,
  roles: true,
  isDisabled: true,
  unitId: true,
  email: true,
  createdAt: true,
} as const;

export type UserListEntry = Awaited<ReturnType<typeof listUsers>>[number];

export function listUsers() {
  return db.user.findMany({ select: userListSelect, orderBy: [{ isDisabled: 'asc' }, { id: 'asc' }] });
}

/** A unit chosen for an account must exist and be in use (an account may keep a retired one). */
async function assertUnitChoice(unitId: number | null, currentUnitId: number | null = null): Promise<void> {
  if (unitId === null || unitId === currentUnitId) return;
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { isActive: true } });
  if (!unit?.isActive) throw new AppError('INVALID_INPUT', '所选单位不存在或已停用。', { unitId: ['所选单位不存在或已停用'] });
}

export async function createUser(input: CreateUserInput): Promise<{ id: number; password: string }> {
  await assertUnitChoice(input.unitId);
  const existing = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (existing) throw new AppError('DUPLICATE', '该用户名已被使用。', { username: ['该用户名已被使用'] });
  const password = input.password || generatePassword();
  const user = await db.user.create({
    data: {
      username: input.username,
      displayName: input.displayName,
      roles: input.roles,
      unitId: input.unitId,
      email: input.email,
      passwordHash: await hashPassword(password),
    },
    select: { id: true },
  });
  return { id: user.id, password };
}

// The last-admin check reads other rows; serializable isolation makes two admins demoting
// each other at the same moment fail one of them instead of leaving no admin.
const SERIALIZABLE = { isolationLevel: 'Serializable' } as const;

/**
 * An admin may not take the last active administrator away (their own account included),
 * or the system could no longer be managed.
 */
async function assertAdminRemains(tx: Pick<typeof db, 'user'>, userId: number, willBeAdmin: boolean) {
  if (willBeAdmin) return;
  const otherAdmins = await tx.user.count({
    where: { id: { not: userId }, isDisabled: false, roles: { has: 'ADMIN' satisfies Role } },
  });
  if (otherAdmins === 0) throw new AppError('CONFLICT', '至少需要保留一名启用的管理员。');
}

export async function updateUser(input: UpdateUserInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { roles: true, isDisabled: true, unitId: true } });
    if (!user) throw new AppError('NOT_FOUND', '用户不存在。');
    await assertUnitChoice(input.unitId, user.unitId);
    if (user.roles.includes('ADMIN') && !user.isDisabled) {
      await assertAdminRemains(tx, input.id, input.roles.includes('ADMIN'));
    }
    await tx.user.update({ where: { id: input.id }, data: { displayName: input.displayName, roles: input.roles, unitId: input.unitId, email: input.email } });
  }, SERIALIZABLE);
}

/** Sets a new password and ends the user's sessions; returns the password to hand over. */
export async function resetUserPassword(id: number, password?: string): Promise<string> {
  const newPassword = password || generatePassword();
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { username: true } });
    if (!user) throw new AppError('NOT_FOUND', '用户不存在。');
    await tx.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // A reset is how an admin unlocks a throttled account.
    await tx.loginFailure.deleteMany({ where: { username: user.username } });
  });
  return newPassword;
}

/** Disabling ends the user's sessions at their next request. */
export async function setUserDisabled(id: number, isDisabled: boolean, actor: CurrentUser): Promise<void> {
  if (isDisabled && id === actor.id) throw new AppError('CONFLICT', '不能停用自己的账号。');
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { roles: true } });
    if (!user) throw new AppError('NOT_FOUND', '用户不存在。');
    if (isDisabled && user.roles.includes('ADMIN')) await assertAdminRemains(tx, id, false);
    await tx.user.update({
      where: { id },
      data: { isDisabled, sessionVersion: isDisabled ? { increment: 1 } : undefined },
    });
  }, SERIALIZABLE);
}
