import 'server-only';
import { db } from '@/lib/db';
import { getDummyPasswordHash, verifyPassword } from '@/lib/password';
import type { LoginFailureReason } from '@/lib/validations/auth';

/** Failed attempts allowed in the window before further attempts are refused. */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perClient: 20,
} as const;

export type LoginResult =
  | { ok: true; user: { id: number; sessionVersion: number } }
  | { ok: false; reason: LoginFailureReason };

/**
 * Checks a user name and password. Throttling is counted per account and per client address
 * over a sliding window, before the password is looked at, so a throttled attacker learns
 * nothing even with the right password.
 */
export async function authenticateUser(input: {
  username: string;
  password: string;
  clientIp: string;
}): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMs);
  const [accountFailures, clientFailures] = await Promise.all([
    db.loginFailure.count({ where: { username, createdAt: { gte: since } } }),
    db.loginFailure.count({ where: { clientIp: input.clientIp, createdAt: { gte: since } } }),
  ]);
  if (accountFailures >= LOGIN_LIMITS.perAccount || clientFailures >= LOGIN_LIMITS.perClient) {
    return { ok: false, reason: 'RATE_LIMITED' };
  }

  const user = username ? await db.user.findUnique({ where: { username } }) : null;
  // Verify against a dummy hash for unknown users so both paths take the same time.
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyPasswordHash()), input.password);
  if (!user || !isValid) {
    await db.loginFailure.create({ data: { username, clientIp: input.clientIp } });
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  if (user.isDisabled) return { ok: false, reason: 'ACCOUNT_DISABLED' };

  await db.loginFailure.deleteMany({ where: { username } });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}
