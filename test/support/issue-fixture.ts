// Reads a real issue as extracted from its PDF (../shared/fixtures/issues/*.txt, or the
// Markdown transcription *.md) into items: title, section, column, paragraphs and sources. The
// extraction splits some paragraphs at page breaks; those are joined back (a line that does not
// end a sentence continues on the next).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface FixtureItem {
  title: string;
  /** null for the lead items, printed without a section heading. */
  section: string | null;
  /** The named column inside the section (e.g. 首都科技工作者沙龙), if any. */
  column?: string | null;
  paragraphs: string[];
  sources: string[];
}

export interface FixtureIssue {
  yearLabel: string;
  totalLabel: string;
  date: string;
  contents: string[];
  items: FixtureItem[];
  editor: string;
  reviewer: string;
  distribution: string[];
}

const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const FIXTURE_ISSUES_DIR = path.join(SHARED, 'fixtures/issues');
const ENDS_PARAGRAPH = /[。！？）”]$/;

export function readFixtureIssue(name: string): FixtureIssue {
  const text = readFileSync(path.join(FIXTURE_ISSUES_DIR, name), 'utf8');
  if (name.endsWith('.md')) return readMarkdownIssue(text);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const { contents, end: i } = readContents(lines, lines.indexOf('目录提要'));

  const closing = lines.findIndex((l) => l.startsWith('编辑：'));
  const items: FixtureItem[] = [];
  let section: string | null = null;
  let current: FixtureItem | null = null;
  let carry = '';
  for (const line of lines.slice(i, closing)) {
    const heading = /^【(.+)】$/.exec(line);
    if (heading) {
      section = heading[1]!;
      current = null;
      continue;
    }
    const isTitle = !carry && (current === null || ENDS_PARAGRAPH.test(current.paragraphs.at(-1) ?? '')) && line.length <= 40 && !ENDS_PARAGRAPH.test(line) && !/[，。、；：]/.test(line);
    if (isTitle && (current === null || current.paragraphs.length > 0)) {
      current = { title: line, section, paragraphs: [], sources: [] };
      items.push(current);
      continue;
    }
    if (!current) throw new Error(`text before the first title: ${line}`);
    carry = addBodyLine(current, carry, line);
  }
  takeSources(items);
  return {
    yearLabel: lines.find((l) => /^\d{4}年 第\d+期$/.test(l))!,
    totalLabel: lines.find((l) => /^\(总第\d+期\)$/.test(l))!,
    date: lines.find((l) => /^\d{4}年\d+月\d+日$/.test(l))!,
    contents,
    items,
    ...readClosing(lines, closing),
  };
}

/** The `- ` lines after the 目录提要 heading at `heading`, and where the body starts. */
function readContents(lines: string[], heading: number): { contents: string[]; end: number } {
  let end = heading + 1;
  while (lines[end]?.startsWith('- ')) end += 1;
  return { contents: lines.slice(heading + 1, end).map((line) => line.slice(2)), end };
}

/**
 * Adds a line of body text to the item; a line that does not end a sentence was split at a
 * page break and goes on in the next. Returns what is carried over.
 */
function addBodyLine(item: FixtureItem, carry: string, line: string): string {
  if (!ENDS_PARAGRAPH.test(line)) return carry + line;
  item.paragraphs.push(carry + line);
  return '';
}

/** 编辑, 审核 and the 分送 lines of the closing block, which starts at `closing`. */
function readClosing(lines: string[], closing: number): Pick<FixtureIssue, 'editor' | 'reviewer' | 'distribution'> {
  const distributionStart = lines.findIndex((l) => l.startsWith('分送：'));
  return {
    editor: lines[closing]!.replace('编辑：', ''),
    reviewer: lines.find((l) => l.startsWith('审核：'))!.replace('审核：', ''),
    distribution: [lines[distributionStart]!.replace('分送：', ''), ...lines.slice(distributionStart + 1)],
  };
}

/** Splits a source off the last paragraph of each item outside the lead group. */
function takeSources(items: FixtureItem[]): void {
  for (const item of items) {
    const last = item.paragraphs.at(-1) ?? '';
    const source = /（([^（）。]{2,60})）$/.exec(last);
    if (source && item.section !== null) {
      item.sources = source[1]!.split('、');
      item.paragraphs[item.paragraphs.length - 1] = last.slice(0, source.index);
    }
  }
}

/**
 * The Markdown transcription (2023-07.md): `#` the name, the masthead with spaces around the
 * numbers (`2023 年 第 7 期`), `## 目录提要` and its `- ` lines; in the body every heading is a
 * title except `【section】` headings and a bold `###` heading right after a section, its column.
 */
function readMarkdownIssue(text: string): FixtureIssue {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && l !== '---');
  const plain = (line: string) => line.replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
  const [, year, yearNumber] = /(\d{4})\s*年\s*第\s*(\d+)\s*期/.exec(text)!;
  const [, totalNumber] = /\(总第\s*(\d+)\s*期\)/.exec(text)!;
  const [, dateYear, month, day] = /(\d{4})\s*年\s*(\d+)\s*月\s*(\d+)\s*日/.exec(text)!;
  const { contents, end: i } = readContents(lines, lines.findIndex((l) => plain(l) === '目录提要'));

  const closing = lines.findIndex((l) => l.startsWith('编辑：'));
  const items: FixtureItem[] = [];
  let section: string | null = null;
  let column: string | null = null;
  let isAfterSection = false;
  let current: FixtureItem | null = null;
  let carry = '';
  for (const line of lines.slice(i, closing)) {
    if (line.startsWith('#')) {
      const heading = plain(line);
      const sectionName = /^【(.+)】$/.exec(heading);
      if (sectionName) {
        [section, column, isAfterSection, current] = [sectionName[1]!, null, true, null];
      } else if (isAfterSection && line.startsWith('### ')) {
        [column, isAfterSection] = [heading, false];
      } else {
        current = { title: heading, section, column, paragraphs: [], sources: [] };
        items.push(current);
        isAfterSection = false;
      }
      continue;
    }
    if (!current) throw new Error(`text before the first title: ${line}`);
    carry = addBodyLine(current, carry, line);
  }
  takeSources(items);
  return {
    yearLabel: `${year}年 第${yearNumber}期`,
    totalLabel: `(总第${totalNumber}期)`,
    date: `${dateYear}年${month}月${day}日`,
    contents,
    items,
    ...readClosing(lines, closing),
  };
}
