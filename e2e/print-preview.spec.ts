// The print preview is the PDF (issue 13, item 3): for the demo issue and every printed issue
// of the fixtures (imported through the app's own import), the preview has as many pages as
// pdfinfo counts in the downloaded PDF, and each page starts with the line pdftotext reads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { devices, expect, test, type Page } from '@playwright/test';
import { loginAndWait } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';
import { readIssuePdf } from './fixtures/issues';

const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/issues');
const squash = (text: string) => text.replace(/\s+/g, '');
const firstLine = (text: string) => text.split('\n').map(squash).find(Boolean) ?? '';

/** The fixture issues, imported by an admin (preview, then import); the ids of all of them. */
async function importFixtureIssues(page: Page): Promise<number[]> {
  const files = readdirSync(FIXTURES)
    .sort()
    .map((name) => ({ name, base64: readFileSync(path.join(FIXTURES, name)).toString('base64') }));
  const post = async (name: string, data: unknown) => {
    const response = await page.request.post(`/api/actions/${name}`, { data, headers: { 'content-type': 'application/json' } });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()).data;
  };
  const preview = await post('previewImportAction', { files });
  const found = preview.files as { status: string; fingerprint: string | null; issue: { year: number; yearNumber: number } }[];
  // Another spec of the run may have imported them already: then they are skipped.
  expect(found.map((file) => file.status).every((status) => status === 'ready' || status === 'duplicate')).toBe(true);
  const fingerprints = found.filter((file) => file.status === 'ready').map((file) => file.fingerprint);
  if (fingerprints.length) await post('importIssuesAction', { files, fingerprints });
  const ids = [];
  for (const { issue } of found) {
    const row = await getDb().issue.findFirstOrThrow({ where: { origin: 'IMPORTED', year: issue.year, yearNumber: issue.yearNumber } });
    ids.push(row.id);
  }
  expect(ids).toHaveLength(files.length);
  return ids;
}

async function expectPreviewIsThePdf(page: Page, issueId: number) {
  const pdf = await readIssuePdf(page, issueId);
  await page.goto(`/issues/${issueId}/preview`);
  const texts = page.getByTestId('preview-page-text');
  await expect(texts).toHaveCount(pdf.pages, { timeout: 30_000 });
  const preview = await texts.allTextContents();
  // pdftotext cuts a line at a wide gap (编辑：… 审核：… of the 版记): the preview's first line
  // starts with poppler's.
  preview.forEach((text, index) => expect(firstLine(text).startsWith(firstLine(pdf.texts[index]!)), `page ${index + 1}`).toBe(true));
  expect(preview.map(firstLine).map((line) => line.slice(0, 6))).toEqual(pdf.texts.map(firstLine).map((line) => line.slice(0, 6)));
  // Page numbers as printed, `- N -`, on every page.
  preview.forEach((text, index) => expect(squash(text)).toContain(`-${index + 1}-`));
  // 版记 at the end of the last page.
  expect(squash(preview.at(-1)!)).toMatch(/(送|发)：/);
  // Every page is drawn.
  for (const canvas of await page.getByTestId('preview-page').locator('canvas').all()) {
    expect(await canvas.evaluate((element) => (element as HTMLCanvasElement).width)).toBeGreaterThan(0);
  }
}

test('the preview shows the PDF’s own pages: the demo issue and every fixture issue', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await createUser(['ADMIN']);
  await loginAndWait(page, admin);
  const imported = await importFixtureIssues(page);
  await page.context().clearCookies();
  await loginAndWait(page, await createUser(['EDITOR']));
  const demo = await getDb().issue.findFirstOrThrow({ where: { origin: 'EDITED', status: 'PUBLISHED' }, orderBy: { id: 'asc' } });
  for (const id of [demo.id, ...imported]) await expectPreviewIsThePdf(page, id);
});

test('a draft’s preview is its 样稿 PDF, and it fits a phone', async ({ browser }) => {
  test.setTimeout(90_000);
  const { defaultBrowserType: _webkit, ...iphone } = devices['iPhone 13'];
  void _webkit;
  const editorUser = await createUser(['EDITOR']);
  const page = await (await browser.newContext(iphone)).newPage();
  await loginAndWait(page, editorUser);
  await page.goto('/issues');
  await page.getByRole('button', { name: '新建一期' }).click();
  await expect(page).toHaveURL(/\/issues\/\d+$/);
  const issueId = Number(new URL(page.url()).pathname.split('/').pop());
  try {
    await expectPreviewIsThePdf(page, issueId);
    await expect(page.getByTestId('preview-page-text').first()).toContainText('样稿');
    const canvas = (await page.getByTestId('preview-page').first().boundingBox())!;
    expect(canvas.x).toBeGreaterThanOrEqual(0);
    expect(canvas.x + canvas.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await getDb().issueEvent.deleteMany({ where: { issueId } });
    await getDb().issue.delete({ where: { id: issueId } });
  }
});
