// axe-core on every page of the app, as each role, on a desktop and on a phone: 0 serious or
// critical violations; on the phone also no sideways scrolling and no name or status broken across
// lines (fixtures/phone-layout.ts); on both, every Chinese character drawn by a Chinese font, not as
// an empty box (fixtures/glyphs.ts). Prints how many page loads were checked and what was found.
import { devices, expect, test, type Browser, type BrowserContextOptions } from '@playwright/test';
import { findSeriousViolations, type AxeFinding } from './fixtures/axe';
import { findMissingGlyphs } from './fixtures/glyphs';
import { findPhoneLayoutProblems } from './fixtures/phone-layout';
import { createItem, createUser, getDb, type TestUser } from './fixtures/data';
import { createIssueThroughUi, openAs, removeIssue, runAction } from './fixtures/issues';
import type { Role } from '@/lib/roles';
import { canAccess } from '@/lib/roles';

// The iPhone 13 profile in the project's Chromium (its default browser would be WebKit).
const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['iPhone 13'];
const DEVICES: Record<string, BrowserContextOptions> = {
  desktop: {},
  'iPhone 13': { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch },
};

interface Fixture {
  users: Record<Role, TestUser>;
  /** A submission of the 信息员's unit (信息报送, 来稿). */
  submissionId: number;
  itemId: number;
  issueId: number;
  publishedId: number;
}

let fixture: Fixture;
let pageLoads = 0;
const findings: AxeFinding[] = [];

/** The pages a role can open while the test issue is being assembled, and an unknown address. */
function pagesFor(roles: readonly Role[], { itemId, issueId, publishedId, submissionId }: Fixture): string[] {
  return [
    ...(canAccess(roles, 'submissions') ? ['/submissions', '/submissions/new', `/submissions/${submissionId}`] : []),
    ...(canAccess(roles, 'intake') ? ['/intake', `/intake/${submissionId}`, '/intake/requests'] : []),
    ...(canAccess(roles, 'home') ? ['/'] : []),
    '/notifications',
    ...(canAccess(roles, 'items') ? ['/items', `/items/${itemId}`, `/items/${itemId}/history`, `/items/${itemId}/preview`] : []),
    ...(roles.includes('EDITOR') ? ['/items/new'] : []),
    ...(canAccess(roles, 'assembly') ? ['/issues', `/issues/${issueId}`, `/issues/${issueId}/preview`] : []),
    ...(canAccess(roles, 'review') ? ['/review'] : []),
    ...(canAccess(roles, 'published') ? ['/published', `/published/${publishedId}`, '/published/search?q=科协'] : []),
    ...(canAccess(roles, 'statistics') ? ['/statistics', '/statistics/sources'] : []),
    ...(canAccess(roles, 'admin') ? ['/admin/users', '/admin/sections', '/admin/publication', '/admin/import', '/admin/units', '/admin/units/sources', '/admin/points'] : []),
    // 404s: an unknown address, and a record that does not exist (inside the signed-in shell).
    '/no-such-page',
    '/published/2000000000',
  ];
}

async function check(browser: Browser, device: string, user: TestUser | null, urls: string[]) {
  const page = user ? await openAs(browser, user, DEVICES[device]) : await (await browser.newContext(DEVICES[device])).newPage();
  try {
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('main')).toBeVisible();
      const label = `${device} ${user?.displayName ?? '未登录'} ${url}`;
      findings.push(...(await findSeriousViolations(page, label)));
      // On a phone: no sideways scrolling, no name or status broken across lines.
      if (device !== 'desktop') findings.push(...(await findPhoneLayoutProblems(page, label)));
      // Each context starts with no font cached: its first pages are where boxes would show.
      findings.push(...(await findMissingGlyphs(page, label)));
      pageLoads += 1;
    }
  } finally {
    await page.context().close();
  }
}

/** Runs the checks and fails on what they found (every finding listed). */
async function expectClean(run: () => Promise<void>) {
  const before = findings.length;
  await run();
  const found = findings.slice(before);
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  const users = {
    ADMIN: await createUser(['ADMIN'], '无障碍管理员'),
    EDITOR: await createUser(['EDITOR'], '无障碍编辑'),
    REVIEWER: await createUser(['REVIEWER'], '无障碍审核'),
    STAFF: await createUser(['STAFF'], '无障碍工作人员'),
    REPORTER: await createUser(['REPORTER'], '无障碍信息员'),
  };
  const unit = await getDb().unit.findFirstOrThrow({ where: { name: '东城区科协' } });
  await getDb().user.update({ where: { id: users.REPORTER.id }, data: { unitId: unit.id } });
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '无障碍检查来稿正文。' }] }] };
  const submission = await getDb().submission.create({
    data: { unitId: unit.id, authorId: users.REPORTER.id, title: '无障碍检查来稿', body, bodyText: '无障碍检查来稿正文。', writer: '王五', writerPhone: '010-88886666', signedOffBy: '赵六' },
  });
  const item = await createItem(users.EDITOR, { title: '无障碍检查用稿件', sources: ['北京土壤学会'], paragraphs: ['第一段。', '第二段。'], status: 'READY' });
  const lead = await createItem(users.EDITOR, { title: '无障碍检查要闻', sectionName: '市科协要闻', status: 'READY' });
  const published = await getDb().issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { id: 'asc' } });
  const editor = await openAs(browser, users.EDITOR);
  const issueId = await createIssueThroughUi(editor);
  await runAction(editor, 'addItemsToIssueAction', { id: issueId, itemIds: [lead.id] });
  await editor.context().close();
  fixture = { users, submissionId: submission.id, itemId: item.id, issueId, publishedId: published.id };
});

test.afterAll(async () => {
  if (fixture) await removeIssue(fixture.issueId);
  console.log(`axe: ${pageLoads} page loads checked, ${findings.length} serious or critical violations`);
});

for (const device of Object.keys(DEVICES)) {
  test.describe(device, () => {
    test('signed out: no serious or critical axe violation', async ({ browser }) => {
      await expectClean(() => check(browser, device, null, ['/login', '/no-such-page']));
    });

    for (const role of ['ADMIN', 'EDITOR', 'REVIEWER', 'STAFF', 'REPORTER'] as const) {
      test(`every page as ${role}: no serious or critical axe violation`, async ({ browser }) => {
        test.setTimeout(240_000);
        await expectClean(() => check(browser, device, fixture.users[role], pagesFor([role], fixture)));
      });
    }

    test('an issue in review, as reviewer and editor: no serious or critical axe violation', async ({ browser }) => {
      test.setTimeout(120_000);
      const editor = await openAs(browser, fixture.users.EDITOR);
      await runAction(editor, 'submitIssueAction', { id: fixture.issueId });
      try {
        const inReview = ['/review', `/review/${fixture.issueId}`, `/issues/${fixture.issueId}`, '/issues', '/'];
        await expectClean(async () => {
          await check(browser, device, fixture.users.REVIEWER, inReview);
          await check(browser, device, fixture.users.EDITOR, inReview.slice(2));
        });
      } finally {
        // Back to assembly for the next device.
        const reviewer = await openAs(browser, fixture.users.REVIEWER);
        await runAction(reviewer, 'returnIssueAction', { id: fixture.issueId, comment: '无障碍检查完毕。' });
        await reviewer.context().close();
        await editor.context().close();
      }
    });
  });
}
