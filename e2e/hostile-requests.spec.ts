// Requests a browser would never send from our own pages: another origin, `Origin: null`,
// forged forwarding headers, ids beyond int4 in addresses, NUL in queries. Each gets a Chinese
// 4xx (or an ordinary page), never a 500, and changes nothing.
import { expect, test } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { findServerActionId } from './fixtures/server-actions';
import { createUser, getDb } from './fixtures/data';
import { E2E_PORT } from './fixtures/server';

const OWN_ORIGIN = `http://localhost:${E2E_PORT}`;


const FOREIGN_ORIGINS: [string, Record<string, string>][] = [
  ['another site', { origin: 'https://evil.example' }],
  ['Origin: null (a sandboxed frame)', { origin: 'null' }],
  ['a malformed origin', { origin: 'http://' }],
  ['an origin with a path', { origin: `${OWN_ORIGIN}/items` }],
  ['another port', { origin: `http://localhost:${E2E_PORT + 1}` }],
  ['another scheme', { origin: `https://localhost:${E2E_PORT}` }],
  ['a forged forwarded host', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }],
];

test('a raw server action from another origin is refused in Chinese and changes nothing', async ({ page }) => {
  const admin = await createUser(['ADMIN'], '管理员甲');
  await loginAndWait(page, admin);
  const actionId = findServerActionId('updateUserAction', 'lib/actions/users');
  for (const [name, headers] of FOREIGN_ORIGINS) {
    const response = await page.request.post('/admin/users', {
      headers: { ...headers, 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
      data: JSON.stringify([{ id: admin.id, displayName: '被篡改', roles: ['ADMIN'] }]),
    });
    expect(response.status(), name).toBe(403);
    expect(await response.json(), name).toMatchObject({ code: 'BAD_ORIGIN', message: '请求来源无效。' });
  }
  expect(await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ displayName: '管理员甲' });

  // From our own origin the same request goes through.
  const own = await page.request.post('/admin/users', {
    headers: { origin: OWN_ORIGIN, 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
    data: JSON.stringify([{ id: admin.id, displayName: '管理员乙', roles: ['ADMIN'] }]),
  });
  expect(own.status()).toBe(200);
  expect(await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ displayName: '管理员乙' });
});

test('the JSON endpoint and the login refuse foreign origins with a Chinese 403', async ({ request }) => {
  for (const [name, headers] of FOREIGN_ORIGINS) {
    const action = await request.post('/api/actions/createUserAction', {
      headers: { ...headers, 'content-type': 'application/json' },
      data: { username: 'mole', displayName: '内鬼', roles: ['ADMIN'] },
    });
    expect(action.status(), name).toBe(403);
    expect((await action.json()).message, name).toBe('请求来源无效。');
    const login = await request.post('/api/auth/callback/credentials', {
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      form: { username: 'admin', password: 'x', json: 'true' },
    });
    expect(login.status(), name).toBe(403);
  }
  // Our own origin reaches the action (and its session check).
  const own = await request.post('/api/actions/createUserAction', {
    headers: { origin: OWN_ORIGIN, 'content-type': 'application/json' },
    data: { username: 'mole', displayName: '内鬼', roles: ['ADMIN'] },
  });
  expect(own.status()).toBe(401);
  expect(await getDb().user.count({ where: { username: 'mole' } })).toBe(0);
});

test('ids beyond int4 in addresses are a Chinese 404, and NUL in a search is no search', async ({ page }) => {
  const editor = await createUser(['EDITOR', 'REVIEWER']);
  await loginAndWait(page, editor);
  for (const path of ['/items/2147483648', '/items/2147483648/history', '/items/2147483648/preview', '/issues/2147483648', '/issues/2147483648/preview', '/published/2147483648', '/items/1e3', '/issues/-1']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' }), path).toBeVisible();
  }
  for (const format of ['pdf', 'docx']) {
    const response = await page.request.get(`/api/issues/2147483648/export/${format}`);
    expect(response.status()).toBe(404);
    expect((await response.json()).message).toMatch(/[\u4e00-\u9fff]/);
  }
  for (const path of ['/items?q=%00', '/items?q=%ED%A0%80', '/items?sectionId=2147483648&authorId=true', '/published?q=%00', '/published?q=a%E2%80%AEb', '/items/1/history?a=2147483648&b=%00']) {
    const response = await page.goto(path);
    expect([200, 404], path).toContain(response?.status());
  }
});

test('100 parallel wrong passwords through the real login: 5 are checked, then the right one is refused too', async ({ request }) => {
  const victim = await createUser(['EDITOR']);
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const attempt = async (password: string) => {
    const response = await request.post('/api/auth/callback/credentials', {
      headers: { origin: OWN_ORIGIN },
      form: { csrfToken, username: victim.username, password, json: 'true' },
    });
    expect(response.status()).toBeLessThan(500);
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get('error');
  };
  try {
    const errors = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`wrong-${i}`)));
    expect(errors.filter((e) => e === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(errors.filter((e) => e === 'RATE_LIMITED')).toHaveLength(95);
    expect(await attempt(victim.password)).toBe('RATE_LIMITED');
  } finally {
    // Every spec logs in from 127.0.0.1: give the address its failures back.
    await getDb().loginFailure.deleteMany({ where: { username: victim.username } });
  }
});

test('no address answers with an English page', async ({ request }) => {
  for (const path of ['/api/auth/signout', '/api/auth/verify-request', '/api/auth/nope', '/api/auth/signin/email', '/api/nope', '/nope', '/fonts/nope.woff2', '/api/issues/1/export/xls']) {
    const response = await request.get(path);
    const text = await response.text();
    expect(response.status(), path).toBeLessThan(500);
    expect(text, path).toMatch(/[\u4e00-\u9fff]/);
    expect(text, path).not.toMatch(/NextAuth|Sign out|Not found|Internal Server Error/);
  }
});
