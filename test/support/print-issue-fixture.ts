// A realistic PrintIssue built from a real printed issue (../shared/fixtures/issues/2023-14.txt),
// and the Chromium print the PDF export will use, for the print-template tests and for
// scripts/render-sample-issue.ts.
import { existsSync } from 'node:fs';
import { getToolEnv } from '@/lib/env';
import { PDF_FONT_BASE_URL, renderPdf } from '@/lib/export/pdf';
import type { PrintIssue, PrintSection } from '@/lib/export/print-issue';
import type { ItemBody } from '@/lib/validations/item-body';
import { readFixtureIssue, type FixtureItem } from './issue-fixture';

/** The base URL the template's fonts are written under when Chromium prints it offline. */
export const PRINT_FONT_BASE_URL = PDF_FONT_BASE_URL;

export const CHROMIUM_PATH = getToolEnv().CHROMIUM_PATH;

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function toBody(paragraphs: string[]): ItemBody {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/**
 * A real issue as printed (2023 第14期 by default; also 2023-07.md with its column): lead items,
 * then the sections in the order they appear.
 */
export function buildFixturePrintIssue(name = '2023-14.txt'): PrintIssue {
  const fixture = readFixtureIssue(name);
  const sections: PrintSection[] = [];
  const columnOf = (item: FixtureItem) => {
    const sectionName = item.section ?? '要闻';
    let section = sections.find((s) => s.name === sectionName);
    if (!section) {
      section = { name: sectionName, isLead: item.section === null, columns: [] };
      sections.push(section);
    }
    const columnName = item.column ?? null;
    let column = section.columns.find((c) => c.name === columnName);
    if (!column) {
      column = { name: columnName, items: [] };
      section.columns.push(column);
    }
    return column;
  };
  for (const item of fixture.items) {
    columnOf(item).items.push({ title: item.title, subtitle: null, body: toBody(item.paragraphs), sources: item.sources });
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

/** Prints the template's HTML to PDF through the PDF export itself (lib/export/pdf.ts). */
export function printHtmlToPdf(html: string): Promise<Buffer> {
  return renderPdf(html);
}
