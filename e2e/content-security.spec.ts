// Every page runs its scripts under the Content Security Policy (proxy.ts: a nonce per request),
// including the 404 of an address that matches no page: a page prerendered at build time has
// no nonce, and the browser would refuse its scripts (the page would look right and do nothing).
import { expect, test, type Page } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createUser } from './fixtures/data';

/** Records the CSP violations of every document the page loads (read with `violations`). */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

/** Opens `path` and waits until Next.js's client has started, which only its scripts can do. */
async function openAndHydrate(page: Page, path: string, status: number) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true, null, { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
}

test('signed out: the login page and the 404 of an unknown address run their scripts', async ({ page }) => {
  await watchViolations(page);
  await openAndHydrate(page, '/login', 200);
  await openAndHydrate(page, '/no-such-page', 404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('signed in: a page, a record that does not exist and an unknown address run their scripts', async ({ page }) => {
  await watchViolations(page);
  const editor = await createUser(['EDITOR']);
  await loginAndWait(page, editor);
  await openAndHydrate(page, '/items', 200);
  await openAndHydrate(page, '/items/new', 200);
  await openAndHydrate(page, '/items/2147483647', 404);
  await openAndHydrate(page, '/admin/no-such-page', 404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  // The 404's link is the client's: it goes home without loading a new document.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: '待办' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
