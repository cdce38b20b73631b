import { expect, test } from '@playwright/test';
import { login, loginAndWait } from './fixtures/auth';
import { createUser } from './fixtures/data';

test('the login page speaks Chinese and sends strangers there', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '科协每周动态' })).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a user logs in, sees their name, and logs out', async ({ page }) => {
  const user = await createUser(['EDITOR'], '张红波');
  await loginAndWait(page, user);
  await expect(page.getByTestId('current-user')).toContainText('张红波');
  // Signed in, they land on 待办.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: '待办', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/items');
  await expect(page).toHaveURL(/\/login$/);
});

test('a session cookie copied before 退出登录 no longer works afterwards', async ({ page, browser }) => {
  const user = await createUser(['EDITOR']);
  await loginAndWait(page, user);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes('session-token'))).toBe(true);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who kept the cookie (another browser, a copied header) is logged out too.
  const other = await browser.newContext();
  try {
    await other.addCookies(copied);
    const thief = await other.newPage();
    await thief.goto('/items');
    await expect(thief).toHaveURL(/\/login$/);
    const api = await other.request.post('/api/actions/createItemAction', { headers: { origin: new URL(page.url()).origin }, data: {} });
    expect(api.status()).toBe(401);
  } finally {
    await other.close();
  }
});

test('a wrong password and an unknown user get the same message', async ({ page }) => {
  const user = await createUser(['STAFF']);
  await login(page, { username: user.username, password: 'wrong-password' });
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  await login(page, { username: 'nobody-here', password: 'wrong-password' });
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  await expect(page).toHaveURL(/\/login$/);
});

test('repeated failures throttle the account, even for the right password', async ({ page }) => {
  const user = await createUser(['STAFF']);
  for (let i = 0; i < 5; i++) {
    await login(page, { username: user.username, password: `wrong-${i}` });
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  }
  await login(page, user);
  await expect(page.getByTestId('login-error')).toHaveText('登录失败次数过多，请15分钟后再试。');
  await expect(page.getByTestId('current-user')).toHaveCount(0);
});

test('responses carry the security headers', async ({ request }) => {
  const response = await request.get('/login');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});
