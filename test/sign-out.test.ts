// 退出登录 ends the session on the server: next-auth's sign-out event revokes the session's id,
// so the cookie (a signed JWT, still valid for hours) no longer opens anything, while the same
// user's other sessions (other devices) carry on.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const { authOptions, getCurrentUser, SESSION_MAX_AGE_SECONDS } = await import('@/lib/auth');

beforeEach(() => loginAs(null));

function sessionOf(user: { id: number; sessionVersion: number }, sid: string) {
  (globalThis as { __testSession?: unknown }).__testSession = { uid: user.id, sv: user.sessionVersion, sid };
}

describe('sign-out', () => {
  it('revokes the signed-out session on the server and only that one', async () => {
    const user = await createTestUser();
    sessionOf(user, 'phone-session');
    expect(await getCurrentUser()).toMatchObject({ id: user.id });

    const exp = Math.floor(Date.now() / 1000) + SESSION_MAX_AGE_SECONDS;
    await authOptions.events!.signOut!({ token: { uid: user.id, sv: user.sessionVersion, sid: 'phone-session', exp }, session: null as never });
    expect(await getCurrentUser()).toBeNull();
    const row = await db.revokedSession.findUnique({ where: { id: 'phone-session' } });
    expect(row?.expiresAt.getTime()).toBe(exp * 1000);

    sessionOf(user, 'desk-session');
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  it('refuses a token without a session id, and forgets expired revocations', async () => {
    const user = await createTestUser();
    (globalThis as { __testSession?: unknown }).__testSession = { uid: user.id, sv: user.sessionVersion };
    expect(await getCurrentUser()).toBeNull();

    await db.revokedSession.create({ data: { id: 'long-gone', expiresAt: new Date(Date.now() - 1000) } });
    await authOptions.events!.signOut!({ token: { sid: 'another' }, session: null as never });
    expect(await db.revokedSession.findUnique({ where: { id: 'long-gone' } })).toBeNull();
    expect(await db.revokedSession.findUnique({ where: { id: 'another' } })).not.toBeNull();
  });
});
