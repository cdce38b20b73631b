import 'server-only';
import { setTimeout } from 'node:timers/promises';
import { db } from '@/lib/db';
import { getDummyPasswordHash, verifyPassword } from '@/lib/password';
import type { LoginFailureReason } from '@/lib/validations/auth';

/**
 * Login throttling, over a sliding window:
 * - an address that failed `perClient` times (on any accounts) is refused for every account
 *   that has failed from it, and slowed (`overLimitDelayMs` before the answer) for the others:
 *   an office behind one NAT address must not lose everyone to one script, so a colleague whose
 *   account has not failed from there still gets in. Each of those tries that fails burns the
 *   account for that address, so a script gains at most one guess per account name and window;
 * - an account that failed `perAccount` times is refused to every address that has failed
 *   on it. An address that has not failed on it still gets one try per `lockedAccountTryMs`
 *   for the whole account: a colleague who mistyped (or an attacker who guessed) five times
 *   cannot lock the owner out for good, and an attacker who moves to fresh addresses gains
 *   one guess a minute, each of which burns that address for the account.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perClient: 20,
  lockedAccountTryMs: 60 * 1000,
  overLimitDelayMs: 1000,
} as const;

/** Serialises the count-and-reserve step of every login (not the password check itself). */
const LOGIN_LOCK_KEY = 0x6b65_7869; // "kexi"

export type LoginResult =
  | { ok: true; user: { id: number; sessionVersion: number } }
  | { ok: false; reason: LoginFailureReason };

type Reservation = { ok: true; failureId: number; isSlowed: boolean } | { ok: false; reason: 'RATE_LIMITED' | 'SLOWED' };

/**
 * Decides whether this attempt may be evaluated and, if so, records it as a failure before
 * the password is looked at. Counting and recording happen under one lock, so however many
 * attempts arrive at once, at most the limit of them are ever evaluated; a correct password
 * takes its record back afterwards.
 */
async function reserveAttempt(username: string, clientIp: string): Promise<Reservation> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_KEY})`;
      const since = new Date(Date.now() - LOGIN_LIMITS.windowMs);
      const recent = { createdAt: { gte: since } };
      const hasFailedHere = (await tx.loginFailure.count({ where: { username, clientIp, ...recent } })) > 0;
      const isClientOverLimit = (await tx.loginFailure.count({ where: { clientIp, ...recent } })) >= LOGIN_LIMITS.perClient;
      if (isClientOverLimit && hasFailedHere) return { ok: false, reason: 'RATE_LIMITED' };
      const accountFailures = await tx.loginFailure.count({ where: { username, ...recent } });
      if (accountFailures >= LOGIN_LIMITS.perAccount) {
        if (hasFailedHere) return { ok: false, reason: 'RATE_LIMITED' };
        const last = await tx.loginFailure.findFirst({ where: { username }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
        if (last && Date.now() - last.createdAt.getTime() < LOGIN_LIMITS.lockedAccountTryMs) return { ok: false, reason: 'SLOWED' };
      }
      const failure = await tx.loginFailure.create({ data: { username, clientIp }, select: { id: true } });
      return { ok: true, failureId: failure.id, isSlowed: isClientOverLimit };
    },
    { maxWait: 15_000, timeout: 10_000 },
  );
}

/**
 * Checks a user name and password. A throttled attempt learns nothing, not even whether the
 * password was right; a wrong password and an unknown user get the same answer.
 */
export async function authenticateUser(input: {
  username: string;
  password: string;
  clientIp: string;
}): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const reservation = await reserveAttempt(username, input.clientIp);
  if (!reservation.ok) return reservation;
  if (reservation.isSlowed) await setTimeout(LOGIN_LIMITS.overLimitDelayMs);

  const user = username ? await db.user.findUnique({ where: { username } }) : null;
  // Verify against a dummy hash for unknown users so both paths take the same time.
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyPasswordHash()), input.password);
  if (!user || !isValid) return { ok: false, reason: 'INVALID_CREDENTIALS' };

  if (user.isDisabled) {
    await db.loginFailure.deleteMany({ where: { id: reservation.failureId } });
    return { ok: false, reason: 'ACCOUNT_DISABLED' };
  }
  // The owner got in: earlier failures on the account no longer count against it.
  await db.loginFailure.deleteMany({ where: { username } });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}
