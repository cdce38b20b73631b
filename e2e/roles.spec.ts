import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginAndWait, mainMenu } from './fixtures/auth';
import { E2E_DATA_DIR } from './fixtures/server';

/** The demo accounts exactly as `npm start` printed them on the first start. */
function readDemoAccounts(): Map<string, string> {
  const text = readFileSync(path.join(E2E_DATA_DIR, 'demo-accounts.txt'), 'utf8');
  return new Map([...text.matchAll(/^\s*(\S+)\s+密码 (\S+)/gm)].map((m) => [m[1]!, m[2]!]));
}

const EXPECTED_MENUS: Record<string, string[]> = {
  admin: ['待办', '已发布', '采用统计', '管理'],
  editor: ['待办', '稿件', '来稿', '编排', '已发布', '采用统计'],
  reviewer: ['待办', '稿件', '来稿', '编排', '审核', '已发布', '采用统计'],
  staff: ['待办', '已发布'],
};

for (const [username, menus] of Object.entries(EXPECTED_MENUS)) {
  test(`demo account ${username} logs in and sees only its menus`, async ({ page }) => {
    const password = readDemoAccounts().get(username);
    expect(password, 'the first start prints a password for every demo account').toBeTruthy();
    await loginAndWait(page, { username, password: password! });
    await expect(mainMenu(page)).toHaveText(menus);
  });
}

test('pages outside a role answer 404, not the page', async ({ page }) => {
  const password = readDemoAccounts().get('staff')!;
  await loginAndWait(page, { username: 'staff', password });
  for (const url of ['/admin/users', '/items', '/issues', '/review']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByText('用户管理')).toHaveCount(0);
  }
});
