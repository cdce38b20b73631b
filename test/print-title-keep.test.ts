// A title never ends a PDF page: wherever an item's title falls on the page, its first body
// line is printed on the same page (checked in the PDF the export prints, read with pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfBrowser, renderPdf } from '@/lib/export/pdf';
import { renderIssueHtml } from '@/lib/export/print-template';
import { paragraphsToBody } from '@/lib/import/correction-text';
import { buildFixturePrintIssue, hasChromium, PRINT_FONT_BASE_URL } from './support/print-issue-fixture';

afterAll(() => closePdfBrowser());

const TITLE = '第二篇稿件的标题';

async function printedLines(fillerLines: number): Promise<string[]> {
  const base = buildFixturePrintIssue();
  const filler = '甲'.repeat(26 + 28 * (fillerLines - 1) - 1) + '。';
  const issue = {
    ...base,
    contentsLines: [],
    sections: [
      {
        name: '要闻',
        isLead: true,
        columns: [
          {
            name: null,
            items: [
              { title: '第一篇', subtitle: null, body: paragraphsToBody([filler]), sources: [] },
              { title: TITLE, subtitle: null, body: paragraphsToBody(['乙'.repeat(60) + '。']), sources: [] },
            ],
          },
        ],
      },
    ],
  };
  const pdf = await renderPdf(renderIssueHtml(issue, { fontBaseUrl: PRINT_FONT_BASE_URL }));
  const dir = mkdtempSync(path.join(tmpdir(), 'title-keep-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasChromium())('keeping a title with its first lines', () => {
  it('whatever line of the page the title falls on', async () => {
    let startsPage = 0;
    for (let fillerLines = 10; fillerLines <= 16; fillerLines++) {
      const lines = (await printedLines(fillerLines)).map((line) => line.replace('\f', '').trim()).filter(Boolean);
      const at = lines.indexOf(TITLE);
      expect(at, `filler of ${fillerLines} lines`).toBeGreaterThan(0);
      expect(lines[at + 1], `filler of ${fillerLines} lines`).toMatch(/^乙/);
      if (/^-\s*\d+\s*-$/.test(lines[at - 1]!)) startsPage++;
    }
    // The sweep reaches the page's end: at least once the title (and its first lines) went to the next page.
    expect(startsPage).toBeGreaterThan(0);
  }, 180_000);
});
