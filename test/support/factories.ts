import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/password';
import type { Role } from '@/lib/roles';

export function uniqueName(prefix = 'u'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

export async function createTestUser(options: { roles?: Role[]; password?: string; isDisabled?: boolean } = {}) {
  const password = options.password ?? 'correct-horse-battery';
  const user = await db.user.create({
    data: {
      username: uniqueName(),
      displayName: '测试用户',
      roles: options.roles ?? ['EDITOR'],
      isDisabled: options.isDisabled ?? false,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}
