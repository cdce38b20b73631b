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
    const addresses = Array.from({ length: LOGIN_LIMITS.perAccount }, ip);
    for (const [i, address] of addresses.entries()) {
      // Failures from many addresses still count against the account.
      await authenticateUser({ username: user.username, password: `bad${i}`, clientIp: address });
    }
    // An address that failed is refused outright, a fresh one is slowed to one try a minute.
    const again = await authenticateUser({ username: user.username, password: user.password, clientIp: addresses[0]! });
    expect(again).toEqual({ ok: false, reason: 'RATE_LIMITED' });
    const fresh = await authenticateUser({ username: user.username, password: user.password, clientIp: ip() });
    expect(fresh).toEqual({ ok: false, reason: 'SLOWED' });
  });

  it('lets the owner in from a fresh address a minute after someone locked the account', async () => {
    const user = await createTestUser();
    const attacker = ip();
    const longAgo = new Date(Date.now() - LOGIN_LIMITS.lockedAccountTryMs - 1000);
    await db.loginFailure.createMany({
      data: Array.from({ length: LOGIN_LIMITS.perAccount + 3 }, () => ({ username: user.username, clientIp: attacker, createdAt: longAgo })),
    });
    // The attacker stays locked out, even with the right password …
    expect(await authenticateUser({ username: user.username, password: user.password, clientIp: attacker })).toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
    });
    // … the owner's machine gets its one try, and succeeding lifts the lock.
    const owner = ip();
    expect((await authenticateUser({ username: user.username, password: user.password, clientIp: owner })).ok).toBe(true);
    expect(await db.loginFailure.count({ where: { username: user.username } })).toBe(0);
  });

  it('gives a locked account one try a minute from fresh addresses, however many arrive at once', async () => {
    const user = await createTestUser();
    const longAgo = new Date(Date.now() - LOGIN_LIMITS.lockedAccountTryMs - 1000);
    await db.loginFailure.createMany({
      data: Array.from({ length: LOGIN_LIMITS.perAccount }, () => ({ username: user.username, clientIp: '192.0.2.1', createdAt: longAgo })),
    });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => authenticateUser({ username: user.username, password: `guess${i}`, clientIp: `198.51.${i}.7` })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'SLOWED')).toHaveLength(99);
  });

  it('evaluates at most the account limit of 100 parallel attempts, and then refuses the right password', async () => {
    const user = await createTestUser();
    const address = ip();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => authenticateUser({ username: user.username, password: `wrong${i}`, clientIp: address })),
    );
    const evaluated = results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS');
    expect(evaluated).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(results.filter((r) => !r.ok && r.reason === 'RATE_LIMITED')).toHaveLength(100 - LOGIN_LIMITS.perAccount);
    expect(await db.loginFailure.count({ where: { username: user.username } })).toBe(LOGIN_LIMITS.perAccount);
    expect(await authenticateUser({ username: user.username, password: user.password, clientIp: address })).toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
    });
  });

  it('gives a busy address one slowed try per account name, however many arrive at once', async () => {
    const address = ip();
    await db.loginFailure.createMany({
      data: Array.from({ length: LOGIN_LIMITS.perClient }, () => ({ username: uniqueName('probe'), clientIp: address })),
    });
    const name = uniqueName('probe');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticateUser({ username: name, password: `x${i}`, clientIp: address })));
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'RATE_LIMITED')).toHaveLength(49);
    expect(await db.loginFailure.count({ where: { clientIp: address, username: name } })).toBe(1);
  });

  it('does not lock a whole office out: after 20 failures from one address, admin still gets in (slowed)', async () => {
    const address = ip();
    for (let i = 0; i < LOGIN_LIMITS.perClient; i++) {
      await authenticateUser({ username: uniqueName('probe'), password: 'x', clientIp: address });
    }
    const admin = await createTestUser({ roles: ['ADMIN'] });
    const startedAt = Date.now();
    expect(await authenticateUser({ username: admin.username, password: admin.password, clientIp: address })).toMatchObject({ ok: true });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(LOGIN_LIMITS.overLimitDelayMs);
    // An account that has failed from the busy address is refused there, even with the right password …
    const mistyped = await createTestUser();
    expect(await authenticateUser({ username: mistyped.username, password: 'bad', clientIp: address })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await authenticateUser({ username: mistyped.username, password: mistyped.password, clientIp: address })).toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
    });
    // … and gets in from another address at once.
    expect((await authenticateUser({ username: mistyped.username, password: mistyped.password, clientIp: ip() })).ok).toBe(true);
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
