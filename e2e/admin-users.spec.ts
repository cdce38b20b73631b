import { expect, test } from '@playwright/test';
import { loginAndWait, mainMenu } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';

test('an admin creates a user who can then log in with the shown password', async ({ page, browser }) => {
  const admin = await createUser(['ADMIN']);
  await loginAndWait(page, admin);
  await page.goto('/admin/users');

  // Invalid input: messages next to the fields, nothing typed is lost.
  await page.getByLabel('用户名').fill('Bad Name');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.locator('#new-username-error')).toContainText('用户名须为');
  await expect(page.locator('#new-roles-error')).toHaveText('请至少选择一个角色');
  await expect(page.getByLabel('用户名')).toHaveValue('Bad Name');

  const username = `zhao${Date.now() % 100000}`;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名（印在简报版记中）').fill('赵编审');
  await page.getByRole('checkbox', { name: '编辑' }).check();
  await page.getByRole('checkbox', { name: '审核' }).check();
  await page.getByRole('button', { name: '创建用户' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('用户已创建');
  const password = (await status.locator('code').textContent())!;
  await expect(page.getByTestId(`user-row-${username}`)).toContainText('赵编审');

  const context = await browser.newContext();
  const newUserPage = await context.newPage();
  await loginAndWait(newUserPage, { username, password });
  await expect(mainMenu(newUserPage)).toHaveText(['待办', '稿件', '来稿', '编排', '审核', '已发布', '采用统计']);
  await context.close();
});

test('a disabled user is logged out on the next request', async ({ page, browser }) => {
  const admin = await createUser(['ADMIN']);
  const editor = await createUser(['EDITOR'], '将被停用');
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await loginAndWait(editorPage, editor);

  await loginAndWait(page, admin);
  await page.goto('/admin/users');
  await page.getByTestId(`user-row-${editor.username}`).getByRole('button', { name: '停用' }).click();
  await expect(page.getByTestId(`user-row-${editor.username}`)).toContainText('已停用');
  expect((await getDb().user.findUniqueOrThrow({ where: { id: editor.id } })).isDisabled).toBe(true);

  await editorPage.reload();
  await expect(editorPage).toHaveURL(/\/login$/);
  await editorContext.close();
});

test('a role change applies on the user’s next request', async ({ page, browser }) => {
  const admin = await createUser(['ADMIN']);
  const user = await createUser(['STAFF'], '角色变更');
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await loginAndWait(userPage, user);
  await expect(mainMenu(userPage)).toHaveText(['待办', '已发布']);

  await loginAndWait(page, admin);
  await page.goto('/admin/users');
  const row = page.getByTestId(`user-row-${user.username}`);
  await row.getByRole('button', { name: '编辑' }).click();
  await row.getByRole('checkbox', { name: '编辑' }).check();
  await row.getByRole('button', { name: '保存' }).click();
  await expect(row.getByRole('button', { name: '编辑' })).toBeVisible();
  await expect(row).toContainText('编辑');

  await userPage.reload();
  await expect(mainMenu(userPage)).toHaveText(['待办', '稿件', '来稿', '编排', '已发布', '采用统计']);
  await userContext.close();
});
