// A realistic PrintIssue built from a real printed issue (../shared/fixtures/issues/2023-14.txt),
// and the Chromium print the PDF export will use, for the print-template tests and for
// scripts/render-sample-issue.ts.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { PrintIssue, PrintSection } from '@/lib/export/print-issue';
import { fontFileForUrl } from '@/lib/export/fonts';
import type { ItemBody } from '@/lib/validations/item-body';
import { readFixtureIssue, type FixtureItem } from './issue-fixture';

/** The base URL the template's fonts are written under when Chromium prints it offline. */
export const PRINT_FONT_BASE_URL = 'http://print.invalid/fonts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

function toBody(paragraphs: string[]): ItemBody {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** Issue 2023 第14期 (总第67期) as printed: lead items, then 学会动态 and 区科协动态. */
export function buildFixturePrintIssue(name = '2023-14.txt'): PrintIssue {
  const fixture = readFixtureIssue(name);
  const sections: PrintSection[] = [];
  const sectionOf = (item: FixtureItem): PrintSection => {
    const sectionName = item.section ?? '要闻';
    let section = sections.find((s) => s.name === sectionName);
    if (!section) {
      section = { name: sectionName, isLead: item.section === null, columns: [{ name: null, items: [] }] };
      sections.push(section);
    }
    return section;
  };
  for (const item of fixture.items) {
    sectionOf(item).columns[0]!.items.push({ title: item.title, subtitle: null, body: toBody(item.paragraphs), sources: item.sources });
  }
  const [, year, yearNumber] = /^(\d{4})年 第(\d+)期$/.exec(fixture.yearLabel)!;
  const [, totalNumber] = /^\(总第(\d+)期\)$/.exec(fixture.totalLabel)!;
  const [, dateYear, month, day] = /^(\d{4})年(\d+)月(\d+)日$/.exec(fixture.date)!;
  return {
    publicationName: '科协每周动态',
    publisher: '北京市科协办公室',
    year: Number(year),
    yearNumber: Number(yearNumber),
    totalNumber: Number(totalNumber),
    issueDate: `${dateYear}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`,
    contentsLines: fixture.contents,
    contentsOnOwnPage: false,
    sections,
    editorName: fixture.editor,
    reviewerName: fixture.reviewer,
    distribution: fixture.distribution,
  };
}

/**
 * Prints the template's HTML to PDF the way the PDF export does: offline Chromium, fonts
 * answered from disk, every other request refused, the CSS page size.
 */
export async function printHtmlToPdf(html: string, fontBaseUrl = PRINT_FONT_BASE_URL): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', async (route) => {
      const font = fontFileForUrl(route.request().url(), fontBaseUrl);
      if (font && existsSync(font.filePath)) await route.fulfill({ path: font.filePath, contentType: font.contentType });
      else await route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
