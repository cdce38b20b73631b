'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { createUser, resetUserPassword, setUserDisabled, updateUser } from '@/lib/data/users';
import { ZCreateUser, ZResetPassword, ZSetUserDisabled, ZUpdateUser } from '@/lib/validations/users';

const ADMIN = ['ADMIN'] as const;

export const createUserAction = action({ roles: ADMIN, schema: ZCreateUser }, async (input) => {
  const result = await createUser(input);
  revalidatePath('/admin/users');
  return result;
});

export const updateUserAction = action({ roles: ADMIN, schema: ZUpdateUser }, async (input) => {
  await updateUser(input);
  revalidatePath('/admin/users');
  return null;
});

export const resetPasswordAction = action({ roles: ADMIN, schema: ZResetPassword }, async (input) => {
  const password = await resetUserPassword(input.id, input.password);
  return { password };
});

export const setUserDisabledAction = action({ roles: ADMIN, schema: ZSetUserDisabled }, async (input, user) => {
  await setUserDisabled(input.id, input.isDisabled, user);
  revalidatePath('/admin/users');
  return null;
});
