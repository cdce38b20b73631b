// Calling admin actions directly, not through the UI: the server must refuse and change nothing.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { findServerActionId } from './fixtures/server-actions';
import { createUser, getDb } from './fixtures/data';


async function postJson(request: APIRequestContext, name: string, data: unknown) {
  return request.post(`/api/actions/${name}`, { data, headers: { 'content-type': 'application/json' } });
}

test('a staff user cannot create users or disable others through the JSON endpoint', async ({ page }) => {
  const staff = await createUser(['STAFF']);
  const victim = await createUser(['EDITOR']);
  await loginAndWait(page, staff);
  const usersBefore = await getDb().user.count();

  const create = await postJson(page.request, 'createUserAction', { username: 'mole', displayName: '内鬼', roles: ['ADMIN'] });
  expect(create.status()).toBe(403);
  expect((await create.json()).message).toBe('您没有执行此操作的权限。');

  const promote = await postJson(page.request, 'updateUserAction', { id: staff.id, displayName: '内鬼', roles: ['ADMIN'] });
  expect(promote.status()).toBe(403);
  const disable = await postJson(page.request, 'setUserDisabledAction', { id: victim.id, isDisabled: true });
  expect(disable.status()).toBe(403);

  expect(await getDb().user.count()).toBe(usersBefore);
  expect(await getDb().user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ roles: ['STAFF'] });
  expect(await getDb().user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ isDisabled: false });
});

test('a staff user posting the server action itself is refused and nothing changes', async ({ page }) => {
  const staff = await createUser(['STAFF']);
  await loginAndWait(page, staff);
  const usersBefore = await getDb().user.count();
  const response = await page.request.post('/admin/users', {
    headers: {
      'next-action': findServerActionId('updateUserAction', 'lib/actions/users'),
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
    },
    data: JSON.stringify([{ id: staff.id, displayName: '内鬼', roles: ['ADMIN'] }]),
  });
  expect(await response.text()).toContain('FORBIDDEN');
  expect(await getDb().user.count()).toBe(usersBefore);
  expect(await getDb().user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({
    roles: ['STAFF'],
    displayName: '测试用户',
  });
});

test('without a session the endpoint answers 401, and bad input 400 in Chinese', async ({ page, request }) => {
  const anonymous = await postJson(request, 'createUserAction', { username: 'x1', displayName: 'x', roles: ['STAFF'] });
  expect(anonymous.status()).toBe(401);

  const admin = await createUser(['ADMIN']);
  await loginAndWait(page, admin);
  const bad = await postJson(page.request, 'createUserAction', { username: '', displayName: '', roles: 'ADMIN' });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.fieldErrors.displayName).toEqual(['请输入姓名']);
  const unknown = await postJson(page.request, 'dropEverything', {});
  expect(unknown.status()).toBe(404);
});
