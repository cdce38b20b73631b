// Hard-wrapped print text with known paragraphs, to measure the plain-text paste against
// (lib/paste/plain-text-paste.ts):
// - ../shared/fixtures/items/2023-02-items.txt: five items as extracted from a printed PDF (a
//   blank line after every line, a space at page tops); the paragraphs are given below by their
//   line numbers, read off the file.
// - the real issues ../shared/fixtures/issues/2023-14.txt and 2023-07.md, printed by this
//   project's own PDF export and read back with pdftotext: what an editor gets copying an item
//   out of the office's PDF (28 characters a line, the first line of a paragraph two short, page
//   numbers and page breaks in between). Their paragraphs are the fixtures' own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPdf } from '@/lib/export/pdf';
import { renderIssueHtml } from '@/lib/export/print-template';
import { layoutTitle } from '@/lib/layout/title';
import { formatSources } from '@/lib/render-body';
import { readFixtureIssue } from './issue-fixture';
import { buildFixturePrintIssue, PRINT_FONT_BASE_URL } from './print-issue-fixture';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');

export interface PasteCase {
  /** Where the text comes from, e.g. `items/2023-02-items.txt #2`. */
  label: string;
  /** What is pasted. */
  text: string;
  /** The paragraphs it holds: the title first, the source closing the last one. */
  paragraphs: string[];
}

/** Paragraphs of items/2023-02-items.txt as [first line, last line] (1-based, inclusive). */
const ITEMS_2023_02: [number, number][][] = [
  [[1, 1], [3, 5], [7, 15], [17, 31], [33, 46], [48, 66], [68, 78], [80, 87]],
  [[91, 93], [95, 107], [109, 120], [122, 132]],
  [[136, 136], [138, 144], [146, 161], [163, 175], [177, 189]],
  [[190, 190], [192, 198], [200, 212]],
  [[214, 214], [216, 220], [222, 229], [231, 243]],
];

/** The five drafted items, each pasted whole (title to source). */
export function readItemsFixtureCases(): PasteCase[] {
  const lines = readFileSync(path.join(SHARED, 'fixtures/items/2023-02-items.txt'), 'utf8').split('\n');
  const span = (from: number, to: number) => lines.slice(from - 1, to);
  return ITEMS_2023_02.map((ranges, index) => ({
    label: `items/2023-02-items.txt #${index + 1}`,
    text: span(ranges[0]![0], ranges.at(-1)![1]).join('\n'),
    // No line of this file ends and starts with Latin letters: its lines join without spaces.
    paragraphs: ranges.map(([from, to]) =>
      span(from, to)
        .map((line) => line.trim())
        .join(''),
    ),
  }));
}

export const PRINTED_ISSUES = ['2023-14.txt', '2023-07.md'] as const;

/** The issue printed to PDF by the export, as pdftotext reads it (one line per printed line). */
export async function readPrintedIssueText(name: string): Promise<string> {
  const pdf = await renderPdf(renderIssueHtml(buildFixturePrintIssue(name), { fontBaseUrl: PRINT_FONT_BASE_URL }));
  const dir = mkdtempSync(path.join(tmpdir(), 'paste-corpus-'));
  try {
    const file = path.join(dir, 'issue.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every item of a printed issue, cut out of its pdftotext text as an editor selects it: from
 * the first line of its title to the end of its source, page numbers and page breaks included.
 */
export function cutPrintedItems(name: string, printed: string): PasteCase[] {
  const fixture = readFixtureIssue(name);
  const lines = printed.split('\n');
  const starts: number[] = [];
  let cursor = 0;
  for (const item of fixture.items) {
    const first = layoutTitle(item.title)[0]!;
    const at = lines.findIndex((line, index) => index >= cursor && line.replace('\f', '').trim() === first);
    if (at < 0) throw new Error(`${name}: title not found in the PDF text: ${item.title}`);
    starts.push(at);
    cursor = at + 1;
  }
  const isOutsideItems = (line: string) => /^【.+】$/.test(line.trim()) || line.trim().startsWith('编辑：');
  return fixture.items.map((item, index) => {
    let end = starts[index + 1] ?? lines.length;
    const columnHeading = fixture.items[index + 1]?.column;
    // Up to the next title, without the section or column heading in between, or the 版记.
    for (let at = starts[index]! + 1; at < end; at += 1) {
      const line = lines[at]!.replace('\f', '').trim();
      if (isOutsideItems(line) || (columnHeading && line === columnHeading && columnHeading !== item.column)) {
        end = at;
        break;
      }
    }
    const paragraphs = [item.title, ...item.paragraphs];
    paragraphs[paragraphs.length - 1] += formatSources(item.sources);
    return {
      label: `issues/${name} #${index + 1}`,
      text: lines.slice(starts[index], end).join('\n').trimEnd(),
      paragraphs,
    };
  });
}

export interface PasteScore {
  exact: number;
  total: number;
  /** Expected paragraphs the parse did not produce exactly, with where they came from. */
  misses: { label: string; paragraph: string }[];
}

/** k of N: expected paragraphs that come out of the parse exactly, in order. */
export function scorePaste(cases: readonly PasteCase[], parse: (text: string) => string[]): PasteScore {
  const score: PasteScore = { exact: 0, total: 0, misses: [] };
  for (const { label, text, paragraphs } of cases) {
    const parsed = parse(text);
    let from = 0;
    for (const paragraph of paragraphs) {
      score.total += 1;
      const at = parsed.indexOf(paragraph, from);
      if (at >= 0) {
        score.exact += 1;
        from = at + 1;
      } else {
        score.misses.push({ label, paragraph });
      }
    }
  }
  return score;
}
