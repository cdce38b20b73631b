// Done-when of the items feature: every item of the real issue 2023-14 can be written in the
// editor, under its section, with its sources.
import { expect, test } from '@playwright/test';
import { readFixtureIssue } from '../test/support/issue-fixture';
import { loginAndWait } from './fixtures/auth';
import { createUser, getDb } from './fixtures/data';
import { expectSaved, paste } from './fixtures/editor';

test('an editor writes every item of issue 2023-14 into its section with its sources', async ({ page }) => {
  test.setTimeout(120_000);
  const issue = readFixtureIssue('2023-14.txt');
  const editor = await createUser(['EDITOR'], '张红波');
  await loginAndWait(page, editor);

  for (const item of issue.items) {
    await page.goto('/items/new');
    await page.getByLabel('标题', { exact: true }).fill(item.title);
    await page.getByLabel('栏目').selectOption({ label: item.section ?? '市科协要闻' });
    // As pasted from the office's own text: paragraphs, the source closing the last one.
    const text = item.paragraphs.join('\n\n') + (item.sources.length ? `（${item.sources.join('、')}）` : '');
    await paste(page, { text });
    if (item.sources.length) await page.getByRole('button', { name: '设为来源' }).click();
    await page.getByRole('radio', { name: '待编' }).check();
    await expectSaved(page);
    await expect(page).toHaveURL(/\/items\/\d+$/);
  }

  const saved = await getDb().item.findMany({
    where: { authorId: editor.id },
    orderBy: { id: 'asc' },
    include: { section: true },
  });
  expect(
    saved.map((i) => ({ title: i.title, section: i.section.name, paragraphs: i.bodyText.split('\n\n'), sources: i.sources, status: i.status })),
  ).toEqual(
    issue.items.map((i) => ({
      title: i.title,
      section: i.section ?? '市科协要闻',
      paragraphs: i.paragraphs,
      sources: i.sources,
      status: 'READY',
    })),
  );
});
