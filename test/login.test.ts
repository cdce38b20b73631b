import { describe, expect, it } from 'vitest';
import { authenticateUser, LOGIN_LIMITS } from '@/lib/data/login';
import { db } from '@/lib/db';
import { createTestUser, uniqueName } from './support/factories';

const ip = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('authenticateUser', () => {
  it('accepts the right password and is case-insensitive on the user name', async () => {
    const user = await createTestUser();
    const result = await authenticateUser({ username: user.username.toUpperCase(), password: user.password, clientIp: ip() });
    expect(result).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const user = await createTestUser();
    const wrong = await authenticateUser({ username: user.username, password: 'nope', clientIp: ip() });
    const unknown = await authenticateUser({ username: uniqueName('ghost'), password: 'nope', clientIp: ip() });
    expect(wrong).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(unknown).toEqual(wrong);
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const user = await createTestUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      // Failures from many addresses still count against the account.
      await authenticateUser({ username: user.username, password: `bad${i}`, clientIp: ip() });
    }
    const result = await authenticateUser({ username: user.username, password: user.password, clientIp: ip() });
    expect(result).toEqual({ ok: false, reason: 'RATE_LIMITED' });
  });

  it('throttles a client address that tries many accounts', async () => {
    const address = ip();
    for (let i = 0; i < LOGIN_LIMITS.perClient; i++) {
      await authenticateUser({ username: uniqueName('probe'), password: 'x', clientIp: address });
    }
    const user = await createTestUser();
    expect(await authenticateUser({ username: user.username, password: user.password, clientIp: address })).toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
    });
    // Another address is not affected.
    expect((await authenticateUser({ username: user.username, password: user.password, clientIp: ip() })).ok).toBe(true);
  });

  it('forgets old failures outside the window and clears them on success', async () => {
    const user = await createTestUser();
    const old = new Date(Date.now() - LOGIN_LIMITS.windowMs - 1000);
    await db.loginFailure.createMany({
      data: Array.from({ length: LOGIN_LIMITS.perAccount }, () => ({ username: user.username, clientIp: '1.1.1.1', createdAt: old })),
    });
    await authenticateUser({ username: user.username, password: 'bad', clientIp: ip() });
    expect((await authenticateUser({ username: user.username, password: user.password, clientIp: ip() })).ok).toBe(true);
    expect(await db.loginFailure.count({ where: { username: user.username } })).toBe(0);
  });

  it('refuses a disabled account with its own reason only after the right password', async () => {
    const user = await createTestUser({ isDisabled: true });
    expect(await authenticateUser({ username: user.username, password: 'bad', clientIp: ip() })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await authenticateUser({ username: user.username, password: user.password, clientIp: ip() })).toEqual({
      ok: false,
      reason: 'ACCOUNT_DISABLED',
    });
  });
});
