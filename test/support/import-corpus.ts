// Issues as the legacy import meets them in an office's archive: the text pdftotext extracts
// from the printed PDF, with what real extractions add. Generated, not stored:
// - issues/2023-14 and 2023-07 printed by this project's PDF export and read back with pdftotext
//   (hard wraps at the 28-character grid, first lines two short, page numbers, page breaks);
//   2023-14 with the page numbers as `- N -`, a space at the top of every page, two
//   search-engine redirect lines and no 版记 — the shape of the real issue of the bug report;
//   2023-07 with a web address line and its named column;
// - items/2023-02-items.txt (a real extraction: a blank line after every line, a space at page
//   tops) under a masthead, with its 【sections】 and no 版记.
// Each comes with what a correct import stores: every item's section, title, paragraphs and
// sources. Used by test/import-corpus.test.ts and `npm run bench:import`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedIssue } from '@/lib/import/parse-issue';
import { detectTrailingSource, stripTrailingSource } from '@/lib/paste/trailing-source';
import { readFixtureIssue } from './issue-fixture';
import { readItemsFixtureCases, readPrintedIssueText } from './paste-corpus';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');

export interface ExpectedItem {
  section: string | null;
  column: string | null;
  title: string;
  paragraphs: string[];
  sources: string[];
}

export interface ImportCorpus {
  name: string;
  /** The file's text, as an office would upload it. */
  text: string;
  items: ExpectedItem[];
  /** Lines that must not be stored (links). */
  noise: string[];
}

/** Two lines of the kind a search engine's "copy link" leaves in extracted text. */
export const REDIRECT_LINES = [
  'https://www.baidu.com/link?url=Qm3kX7vR2pL9sT4wZ8nB1cD6fG0hJ5yA&wd=&eqid=d41f0c2e000a6b7c',
  'http://www.so.com/link?m=bE8rT2uW5xZ1aC4dF7gH0jK3mN6pQ9sV',
];
const URL_LINE = '原文链接：https://www.bast.net.cn/art/2023/3/9/art_21781_1.html';

function fixtureItems(name: string): ExpectedItem[] {
  return readFixtureIssue(name).items.map((item) => ({
    section: item.section,
    column: item.column ?? null,
    title: item.title,
    paragraphs: item.paragraphs,
    sources: item.sources,
  }));
}

/** pdftotext's page numbers `-3-` as `- 3 -`, and a space at the top of every page. */
function asOfficeExtraction(text: string): string {
  return text
    .replace(/^-(\d+)-$/gmu, '- $1 -')
    .replace(/\f(?=\S)/gu, '\f ');
}

/** Inserts `lines` after the line equal to (or ending with) `anchor`. */
function insertAfter(text: string, anchor: string, lines: string[]): string {
  const all = text.split('\n');
  const at = all.findIndex((line) => line.trim().endsWith(anchor));
  if (at < 0) throw new Error(`anchor not found: ${anchor}`);
  all.splice(at + 1, 0, ...lines);
  return all.join('\n');
}

/** Everything from the 版记's rule on: gone, as in issues printed without one. */
function withoutClosing(text: string): string {
  const at = text.search(/^[\f ]*编辑：/mu);
  return at < 0 ? text : text.slice(0, at).trimEnd() + '\n';
}

const SECTIONS_2023_02 = [null, '学会动态', '区科协动态', '区科协动态', '区科协动态'];

function itemsFixtureCorpus(): ImportCorpus {
  const lines = readFileSync(path.join(SHARED, 'fixtures/items/2023-02-items.txt'), 'utf8');
  const cases = readItemsFixtureCases();
  const items = cases.map((c, index): ExpectedItem => {
    const [title, ...paragraphs] = c.paragraphs;
    const last = paragraphs.at(-1)!;
    return {
      section: SECTIONS_2023_02[index]!,
      column: null,
      title: title!,
      paragraphs: [...paragraphs.slice(0, -1), stripTrailingSource(last)],
      sources: detectTrailingSource(last) ?? [],
    };
  });
  const masthead = ['科协每周动态', '', '2023年 第5期', '', '（总第58期）', '', '北京市科协办公室', '', '2023年2月24日', '', ''];
  return { name: 'items/2023-02-items.txt (a real extraction, double-spaced, no 版记)', text: masthead.join('\n') + lines, items, noise: [] };
}

/** The corpora (needs Chromium and pdftotext for the printed issues). */
export async function buildImportCorpora(): Promise<ImportCorpus[]> {
  const printed14 = await readPrintedIssueText('2023-14.txt');
  const items14 = fixtureItems('2023-14.txt');
  let text14 = withoutClosing(asOfficeExtraction(printed14));
  // The two redirect lines after an item's source, as in the bug report's issue.
  text14 = insertAfter(text14, '（北京安全技术学会）', REDIRECT_LINES);
  const printed07 = await readPrintedIssueText('2023-07.md');
  const items07 = fixtureItems('2023-07.md');
  const text07 = insertAfter(printed07, '（西城区科协）', [URL_LINE]);
  return [
    { name: 'issues/2023-14 (PDF export + pdftotext, `- N -`, page-top spaces, 2 redirect lines, no 版记)', text: text14, items: items14, noise: REDIRECT_LINES },
    { name: 'issues/2023-07 (PDF export + pdftotext, a link line, a named column, 版记)', text: text07, items: items07, noise: [URL_LINE] },
    itemsFixtureCorpus(),
  ];
}

export interface CorpusScore {
  items: [number, number];
  titles: [number, number];
  sources: [number, number];
  paragraphs: [number, number];
  /** Items that came out of two expected ones, or that no expected item matches. */
  extraItems: number;
  misses: string[];
}

interface FlatItem {
  section: string | null;
  column: string | null;
  title: string;
  paragraphs: string[];
  sources: string[];
}

export function flattenParsed(issue: ParsedIssue): FlatItem[] {
  return issue.sections.flatMap((section) =>
    section.columns.flatMap((column) =>
      column.items.map((item) => ({ section: section.isLead ? null : section.name, column: column.name, ...item })),
    ),
  );
}

/** k of N per kind; items are paired by their title (in order), else by position. */
export function scoreImport(corpus: ImportCorpus, issue: ParsedIssue | null): CorpusScore {
  const expected = corpus.items;
  const parsed = issue ? flattenParsed(issue) : [];
  const score: CorpusScore = {
    items: [0, expected.length],
    titles: [0, expected.length],
    sources: [0, expected.length],
    paragraphs: [0, expected.reduce((n, item) => n + item.paragraphs.length, 0)],
    extraItems: Math.max(0, parsed.length - expected.length),
    misses: [],
  };
  expected.forEach((want, index) => {
    const got = parsed.find((item) => item.title === want.title) ?? parsed[index];
    if (got?.title === want.title) score.titles[0] += 1;
    else score.misses.push(`title: ${want.title} ≠ ${got?.title ?? '(none)'}`);
    if (got && got.sources.join('、') === want.sources.join('、')) score.sources[0] += 1;
    else score.misses.push(`sources of ${want.title}: ${want.sources.join('、')} ≠ ${got?.sources.join('、') ?? '(none)'}`);
    let exact = 0;
    for (const paragraph of want.paragraphs) {
      if (got?.paragraphs.includes(paragraph)) exact += 1;
      else score.misses.push(`paragraph of ${want.title}: ${paragraph.slice(0, 30)}…`);
    }
    score.paragraphs[0] += exact;
    const isExact =
      got !== undefined &&
      got.title === want.title &&
      got.section === want.section &&
      got.column === want.column &&
      got.sources.join('、') === want.sources.join('、') &&
      got.paragraphs.length === want.paragraphs.length &&
      exact === want.paragraphs.length;
    if (isExact) score.items[0] += 1;
    else if (got && (got.section !== want.section || got.column !== want.column)) score.misses.push(`section of ${want.title}: ${want.section}/${want.column} ≠ ${got.section}/${got.column}`);
  });
  return score;
}
