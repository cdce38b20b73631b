// Reads a real issue as extracted from its PDF (../shared/fixtures/issues/*.txt) into items:
// title, section, paragraphs and sources. The extraction splits some paragraphs at page
// breaks; those are joined back (a line that does not end a sentence continues on the next).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface FixtureItem {
  title: string;
  /** null for the lead items, printed without a section heading. */
  section: string | null;
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
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const contentsStart = lines.indexOf('目录提要');
  const contents: string[] = [];
  let i = contentsStart + 1;
  for (; lines[i]?.startsWith('- '); i++) contents.push(lines[i]!.slice(2));

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
    const joined = carry + line;
    if (ENDS_PARAGRAPH.test(line)) {
      current.paragraphs.push(joined);
      carry = '';
    } else {
      carry = joined;
    }
  }
  for (const item of items) {
    const last = item.paragraphs.at(-1) ?? '';
    const source = /（([^（）。]{2,60})）$/.exec(last);
    if (source && item.section !== null) {
      item.sources = source[1]!.split('、');
      item.paragraphs[item.paragraphs.length - 1] = last.slice(0, source.index);
    }
  }
  const distributionStart = lines.findIndex((l) => l.startsWith('分送：'));
  return {
    yearLabel: lines.find((l) => /^\d{4}年 第\d+期$/.test(l))!,
    totalLabel: lines.find((l) => /^\(总第\d+期\)$/.test(l))!,
    date: lines.find((l) => /^\d{4}年\d+月\d+日$/.test(l))!,
    contents,
    items,
    editor: lines[closing]!.replace('编辑：', ''),
    reviewer: lines.find((l) => l.startsWith('审核：'))!.replace('审核：', ''),
    distribution: [lines[distributionStart]!.replace('分送：', ''), ...lines.slice(distributionStart + 1)],
  };
}
