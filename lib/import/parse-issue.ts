// Reads a past issue of 科协每周动态 from its text: the paragraphs of a Word file, or the text
// extracted from the printed PDF (see ../shared/fixtures/issues). What it recognises:
//
//   masthead   科协每周动态 / 2023年 第14期 / (总第67期) / 北京市科协办公室 2023年4月28日
//   contents   目录提要 and its bullet lines
//   body       lead items (before the first heading), then 【section】 headings, named columns
//              inside a section, items: title (and a ——subtitle), paragraphs, and the source
//              in full-width parentheses closing the last paragraph
//   版记        编辑：… 审核：… 分送：… and the distribution lines
//
// Text taken from a PDF is broken where the pages broke: a paragraph that does not end a
// sentence continues in the next block. Page numbers (- 3 -) and rules are dropped. No
// database here; lib/data/imports.ts checks what was read against the archive.

import { fromDbDate } from '@/lib/dates';
import { displayWidth } from '@/lib/layout/width';
import { classifyNoiseLine, reflowText, TITLE_LINE_MAX, type DroppedReason } from '@/lib/layout/reflow';

export interface SourceBlock {
  text: string;
  /** A heading level from the file (Markdown #, Word heading styles): a hint for titles. */
  headingLevel?: number;
  /** The whole block is bold in the file: a hint for titles and column names. */
  isBold?: boolean;
  /** Centred in the file (titles and column names are). */
  isCentered?: boolean;
}

export interface ParsedItem {
  title: string;
  subtitle: string | null;
  paragraphs: string[];
  sources: string[];
}

export interface ParsedColumn {
  name: string | null;
  items: ParsedItem[];
}

export interface ParsedSection {
  name: string;
  isLead: boolean;
  columns: ParsedColumn[];
}

export interface ParsedIssue {
  publicationName: string | null;
  publisher: string | null;
  year: number;
  yearNumber: number;
  totalNumber: number;
  /** YYYY-MM-DD */
  issueDate: string;
  contentsLines: string[];
  sections: ParsedSection[];
  editorName: string;
  reviewerName: string;
  distribution: string[];
}

export interface ParseOptions {
  /** The name the lead items are filed under (the catalogue's lead section). */
  leadSectionName: string;
  /** Column names known from the catalogue: a short line with one of these names opens a column. */
  knownColumns?: readonly string[];
}

export interface ParseResult {
  issue: ParsedIssue | null;
  /** Nothing is imported from a file with errors. */
  errors: string[];
  /** Worth a look in the preview; the issue can still be imported. */
  warnings: string[];
  /**
   * Structural doubts (a title over two printed lines, a paragraph starting mid-sentence, a
   * 目录提要 line without its title): the issue can be imported, but the preview is not green.
   */
  doubts: string[];
  /** Lines left out: page numbers, links, running headers. */
  dropped: { text: string; reason: DroppedReason }[];
}

/** A paragraph that ends like this is complete; anything else continues in the next block. */
const ENDS_PARAGRAPH = /[。！？!?）)”』」…]$/u;
/** A title never ends with these (a line that does is a broken paragraph). */
const ENDS_CLAUSE = /[，,、；;：:。！？!?]$/u;
const MAX_TITLE_LENGTH = 60;
const MAX_PLAIN_TITLE_LENGTH = 40;
const UNTITLED = '（无标题）';

const YEAR_NUMBER = /(\d{4})\s*年\s*第\s*(\d{1,4})\s*期/u;
const TOTAL_NUMBER = /[(（]\s*总\s*第\s*(\d{1,6})\s*期\s*[)）]/u;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const RULE = /^([-—–_=━─*·]\s*){3,}$/u;
const SECTION_HEADING = /^【\s*(.+?)\s*】$/u;
const BULLET = /^[-•●·*]\s*/u;
const SOURCE_LINE = /^[（(]([^（）()]{2,120})[）)]$/u;
const TRAILING_SOURCE = /[（(]([^（）()。！？]{2,120})[）)]$/u;

interface Line {
  text: string;
  /** The line ended in white space before its break (a title's break that stands for a space). */
  endsWithSpace?: boolean;
  headingLevel?: number;
  isBold?: boolean;
  isCentered?: boolean;
  isBullet: boolean;
  /** Widths of the printed lines a hard-wrapped paragraph was rebuilt from. */
  printedWidths?: number[];
}

interface Piece extends SourceBlock {
  printedWidths?: number[];
  endsWithSpace?: boolean;
}

/** Markdown and list decorations off; white space inside a line kept as one space. */
function toLines(blocks: readonly Piece[], dropped: ParseResult['dropped']): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    for (const raw of block.printedWidths ? [block.text] : block.text.split(/\r?\n|\f/)) {
      let text = raw.replace(/[\t\u00a0\u3000 ]+/gu, ' ').trim();
      let headingLevel = block.headingLevel;
      const heading = /^(#{1,6})\s+(.*)$/u.exec(text);
      if (heading) {
        headingLevel = heading[1]!.length;
        text = heading[2]!.trim();
      }
      let isBold = block.isBold;
      const bold = /^\*\*(.+)\*\*$/u.exec(text);
      if (bold) {
        isBold = true;
        text = bold[1]!.trim();
      }
      text = text.replace(/\*\*/g, '');
      if (!text || RULE.test(text)) continue;
      const noise = classifyNoiseLine(text, { dropLinks: true });
      if (noise) {
        dropped.push({ text, reason: noise });
        continue;
      }
      const bullet = BULLET.exec(text);
      const isBullet = !!bullet && !YEAR_NUMBER.test(text) && text.length > bullet[0].length;
      lines.push({
        text: isBullet ? text.slice(bullet![0].length).trim() : text,
        endsWithSpace: block.endsWithSpace ?? /[\t\u00a0\u3000 ]$/u.test(raw),
        printedWidths: block.printedWidths,
        headingLevel,
        isBold,
        isCentered: block.isCentered,
        isBullet,
      });
    }
  }
  return lines;
}

const CLOSING_START = /^\s*编\s*辑\s*[：:]/u;
const CONTENTS_HEADING = /^\s*目\s*录\s*提\s*要\s*$/u;

interface Reading {
  pieces: Piece[];
  dropped: ParseResult['dropped'];
  /** Hard-wrapped print text, rebuilt by lib/layout/reflow.ts: its paragraphs are complete. */
  isWrapped: boolean;
}

/**
 * Text files (the text of a printed PDF, Markdown) go through the paragraph reconstruction the
 * item editor's paste uses; the masthead, the 版记, bullets, rules and known column names stay
 * lines of their own. Word files keep their paragraphs.
 */
function readPieces(blocks: readonly SourceBlock[], knownColumns: ReadonlySet<string>): Reading {
  const isPlain = blocks.every((block) => block.headingLevel === undefined && !block.isBold && !block.isCentered);
  if (!isPlain) return { pieces: [...blocks], dropped: [], isWrapped: false };
  const raw = blocks.flatMap((block) => block.text.split(/\r\n|\r|\n|\f/u));
  const closingStart = raw.findLastIndex((line) => CLOSING_START.test(line));
  // The masthead: up to 目录提要, or to the date, within the first lines.
  let mastheadEnd = -1;
  for (let i = 0, seen = 0; i < raw.length && seen < 15; i++) {
    const text = raw[i]!.trim();
    if (!text) continue;
    seen++;
    if (CONTENTS_HEADING.test(text)) {
      mastheadEnd = i;
      break;
    }
    if (DATE.test(text) && !/[，。]/u.test(text)) mastheadEnd = i;
  }
  const publicationName = raw.find((line) => line.trim())?.trim() ?? '';
  const reflow = reflowText(raw.join('\n'), {
    dropLinks: true,
    runningHeaders: publicationName && displayWidth(publicationName) <= 12 ? [publicationName] : [],
    isStandalone: (text, index) =>
      index <= mastheadEnd ||
      (closingStart !== -1 && index >= closingStart) ||
      BULLET.test(text) ||
      RULE.test(text) ||
      /^#{1,6}\s|^\*\*.*\*\*$/u.test(text) ||
      knownColumns.has(text.replace(/\s+/gu, '')),
  });
  return {
    pieces: reflow.paragraphs.map((paragraph) => ({
      text: paragraph.text,
      printedWidths: paragraph.lines.map((line) => line.width),
      endsWithSpace: paragraph.lines.at(-1)?.hasTrailingSpace,
    })),
    dropped: reflow.dropped.filter((line) => line.text).map(({ text, reason }) => ({ text, reason })),
    isWrapped: reflow.isWrapped,
  };
}

/** Joins two pieces of one paragraph split by a page break (a space only between Latin letters or digits). */
function joinBroken(left: string, right: string): string {
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

function toIsoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return fromDbDate(date);
}

interface Masthead {
  publicationName: string | null;
  publisher: string | null;
  year?: number;
  yearNumber?: number;
  totalNumber?: number;
  issueDate?: string;
  /** Index of the first line after the masthead. */
  end: number;
}

function readMasthead(lines: Line[], errors: string[]): Masthead {
  const masthead: Masthead = { publicationName: null, publisher: null, end: 0 };
  // The masthead is the first few lines; it ends at 目录提要 or after the date.
  const limit = Math.min(lines.length, 12);
  for (let i = 0; i < limit; i++) {
    const text = lines[i]!.text;
    if (/^目录提要/u.test(text)) break;
    let rest = text;
    const yearNumber = YEAR_NUMBER.exec(rest);
    if (yearNumber && masthead.yearNumber === undefined) {
      masthead.year = Number(yearNumber[1]);
      masthead.yearNumber = Number(yearNumber[2]);
      rest = rest.replace(yearNumber[0], ' ');
    }
    const total = TOTAL_NUMBER.exec(rest);
    if (total && masthead.totalNumber === undefined) {
      masthead.totalNumber = Number(total[1]);
      rest = rest.replace(total[0], ' ');
    }
    const date = DATE.exec(rest);
    if (date && masthead.issueDate === undefined) {
      const iso = toIsoDate(Number(date[1]), Number(date[2]), Number(date[3]));
      if (iso) masthead.issueDate = iso;
      else errors.push(`版头日期“${date[0]}”不是有效日期。`);
      rest = rest.replace(date[0], ' ');
    }
    rest = rest.trim();
    if (rest) {
      // A letter-spaced name comes out of a PDF as 科 协 每 周 动 态.
      if (masthead.publicationName === null && masthead.yearNumber === undefined) masthead.publicationName = rest.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
      else if (masthead.publisher === null && masthead.yearNumber !== undefined) masthead.publisher = rest;
    }
    masthead.end = i + 1;
    if (masthead.issueDate !== undefined && masthead.totalNumber !== undefined && masthead.yearNumber !== undefined) {
      // The publisher may stand on its own line before the date or on the line after it.
      if (masthead.publisher === null && i + 1 < limit && !/^目录提要/u.test(lines[i + 1]!.text) && isPublisherLike(lines[i + 1]!.text)) {
        masthead.publisher = lines[i + 1]!.text;
        masthead.end = i + 2;
      }
      break;
    }
  }
  return masthead;
}

function isPublisherLike(text: string): boolean {
  return text.length <= 30 && !ENDS_CLAUSE.test(text) && /(办公室|协会|科协|委员会|中心|部)$/u.test(text);
}

interface Closing {
  editorName: string;
  reviewerName: string;
  distribution: string[];
  /** Index of the line that starts the 版记. */
  start: number;
}

function readClosing(lines: Line[]): Closing | null {
  const start = lines.findLastIndex((line) => /^编\s*辑\s*[：:]/u.test(line.text));
  if (start === -1) return null;
  let editorName = '';
  let reviewerName = '';
  const distribution: string[] = [];
  let isDistribution = false;
  for (const { text } of lines.slice(start)) {
    const editor = /编\s*辑\s*[：:]\s*(.*?)(?=\s*审\s*核\s*[：:]|$)/u.exec(text);
    const reviewer = /审\s*核\s*[：:]\s*(.*)$/u.exec(text);
    const sent = /^分\s*送\s*[：:]\s*(.*)$/u.exec(text);
    if (!isDistribution && (editor || reviewer)) {
      if (editor) editorName = editor[1]!.trim();
      if (reviewer) reviewerName = reviewer[1]!.trim();
      continue;
    }
    if (sent) {
      isDistribution = true;
      if (sent[1]!.trim()) distribution.push(sent[1]!.trim());
      continue;
    }
    if (isDistribution) distribution.push(text);
  }
  return { editorName, reviewerName, distribution, start };
}

/** 目录提要 and its lines; returns the index of the first body line. */
function readContents(lines: Line[], from: number, to: number): { contentsLines: string[]; next: number } {
  const heading = lines.slice(from, to).findIndex((line) => /^目录提要$/u.test(line.text.replace(/\s+/g, '')));
  if (heading === -1) return { contentsLines: [], next: from };
  let i = from + heading + 1;
  const contentsLines: string[] = [];
  if (lines[i]?.isBullet) {
    for (; i < to && lines[i]!.isBullet; i++) contentsLines.push(lines[i]!.text);
    return { contentsLines, next: i };
  }
  // Without bullets (lost in extraction): short lines up to where the first of them comes
  // back as the first item's title.
  const first = lines[i]?.text;
  let j = i + 1;
  while (j < to && lines[j]!.text !== first && lines[j]!.text.length <= MAX_TITLE_LENGTH && !ENDS_CLAUSE.test(lines[j]!.text)) j++;
  if (j < to && lines[j]!.text === first) {
    for (; i < j; i++) contentsLines.push(lines[i]!.text);
  }
  return { contentsLines, next: i };
}

/**
 * Whether a line can be a title (or a column name). Text from a PDF has no marks, so a title
 * is a short line that does not end like a clause and carries no sentence punctuation; a line
 * the file marks (heading style, bold, centred) may be longer and hold commas.
 */
function isTitleLike(line: Line): boolean {
  const text = line.text;
  const isMarked = line.headingLevel !== undefined || line.isBold === true || line.isCentered === true;
  if (ENDS_CLAUSE.test(text) || SOURCE_LINE.test(text) || /[。；;]/u.test(text)) return false;
  if (isMarked) return text.length <= MAX_TITLE_LENGTH;
  // A closing parenthesis ends a source or a sentence, not a title.
  if (/[）)]$/u.test(text)) return false;
  // Rebuilt from print: at most two printed lines, each within a title's width.
  if (line.printedWidths && line.printedWidths.length > 1) return line.printedWidths.length <= 2 && line.printedWidths.every((w) => w <= TITLE_LINE_MAX);
  return text.length <= MAX_PLAIN_TITLE_LENGTH && (!/[，,]/u.test(text) || text.length <= 25);
}

/** Names of units end like this (a parenthesis in the middle of a text mostly does not). */
const UNIT_NAME = /(科协|学会|协会|研究会|促进会|联合会|基金会|中心|委员会|办公室|联盟|部|局|厅|院|所|站|馆|校|大学|公司|集团|医院|处|科)$/u;

/** A source attribution closing a sentence inside a paragraph, with more text after it: two items run together. */
function findInnerSource(paragraph: string): { index: number; end: number; units: string[] } | null {
  const pattern = /(?<=[。！？]|[。！？]”)[（(]([^（）()]{2,120})[）)](?=\S)/gu;
  for (const match of paragraph.matchAll(pattern)) {
    const units = splitSources(match[1]!);
    if (units && units.every((unit) => UNIT_NAME.test(unit))) return { index: match.index, end: match.index + match[0].length, units };
  }
  return null;
}

function splitSources(inner: string): string[] | null {
  const units = inner
    .split(/[、，,]/u)
    .map((unit) => unit.trim())
    .filter(Boolean);
  // Sources are names of units: short, without sentence punctuation or digits-only parts.
  const isNotAName = (unit: string) =>
    unit.length > 40 || /[。；：！？]/u.test(unit) || /^\d+$/.test(unit) || /\d\s*[年月日]/u.test(unit) || /^[注见图附详]/u.test(unit);
  if (!units.length || units.some(isNotAName)) return null;
  return units;
}

export function parseIssueBlocks(blocks: readonly SourceBlock[], options: ParseOptions): ParseResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const doubts: string[] = [];
  const known = new Set((options.knownColumns ?? []).map((name) => name.replace(/\s+/g, '')));
  const reading = readPieces(blocks, known);
  const dropped = reading.dropped;
  const lines = toLines(reading.pieces, dropped);
  const isWrapped = reading.isWrapped;
  if (!lines.length) return { issue: null, errors: ['文件中没有文字。'], warnings, doubts, dropped };

  const masthead = readMasthead(lines, errors);
  if (masthead.yearNumber === undefined) errors.push('没有识别到版头的年度期号（如“2023年 第14期”）。');
  if (masthead.totalNumber === undefined) errors.push('没有识别到版头的总期号（如“(总第67期)”）。');
  if (masthead.issueDate === undefined && !errors.some((e) => e.startsWith('版头日期'))) {
    errors.push('没有识别到版头的出刊日期（如“2023年4月28日”）。');
  }
  if (masthead.year !== undefined && masthead.issueDate && Number(masthead.issueDate.slice(0, 4)) !== masthead.year) {
    errors.push(`版头的年份（${masthead.year}年）与出刊日期（${masthead.issueDate}）不一致。`);
  }
  if (masthead.yearNumber === 0 || masthead.totalNumber === 0) errors.push('期号不能为 0。');

  const closing = readClosing(lines);
  if (!closing) warnings.push('没有识别到版记（编辑、审核、分送）。');
  else {
    if (!closing.editorName) warnings.push('版记中没有编辑姓名。');
    if (!closing.reviewerName) warnings.push('版记中没有审核姓名。');
  }
  const bodyEnd = closing ? closing.start : lines.length;
  const { contentsLines, next } = readContents(lines, masthead.end, bodyEnd);

  const sections: ParsedSection[] = [];
  const lead: ParsedSection = { name: options.leadSectionName, isLead: true, columns: [{ name: null, items: [] }] };
  let section = lead;
  let column = lead.columns[0]!;
  let item: ParsedItem | null = null;
  /** The paragraph being read, while it has not ended (it continues after a page break). */
  let carry = '';

  const flush = () => {
    if (carry && item) item.paragraphs.push(carry);
    carry = '';
  };
  const openItem = (title: string) => {
    item = { title, subtitle: null, paragraphs: [], sources: [] };
    column.items.push(item);
  };

  for (let i = next; i < bodyEnd; i++) {
    const line = lines[i]!;
    const text = line.text;
    const heading = SECTION_HEADING.exec(text);
    if (heading) {
      flush();
      const name = heading[1]!.replace(/\s+/g, '');
      section = sections.find((s) => s.name === name && !s.isLead) ?? { name, isLead: false, columns: [{ name: null, items: [] }] };
      if (!sections.includes(section)) sections.push(section);
      column = section.columns[0]!;
      item = null;
      continue;
    }
    if (carry) {
      // The paragraph was cut by a page break: this block continues it.
      carry = joinBroken(carry, text);
      if (ENDS_PARAGRAPH.test(carry)) flush();
      continue;
    }
    const current = item as ParsedItem | null;
    const source = SOURCE_LINE.exec(text);
    if (source && current && current.paragraphs.length > 0 && current.sources.length === 0) {
      const units = splitSources(source[1]!);
      if (units) {
        current.sources = units;
        continue;
      }
    }
    if (current && current.paragraphs.length === 0 && !current.subtitle && /^[—–-]{1,2}/u.test(text)) {
      current.subtitle = text;
      continue;
    }
    if (isTitleLike(line) && (current === null || current.paragraphs.length > 0 || line.headingLevel !== undefined || current.title === UNTITLED)) {
      const compact = text.replace(/\s+/g, '');
      const nextLine = lines[i + 1];
      const isColumn =
        !section.isLead &&
        nextLine !== undefined &&
        !SECTION_HEADING.test(nextLine.text) &&
        isTitleLike(nextLine) &&
        (known.has(compact) ||
          (line.headingLevel !== undefined && nextLine.headingLevel !== undefined && line.headingLevel < nextLine.headingLevel));
      if (isColumn) {
        column = section.columns.find((c) => c.name === compact) ?? { name: compact, items: [] };
        if (!section.columns.includes(column)) section.columns.push(column);
        item = null;
        continue;
      }
      openItem(text);
      continue;
    }
    if (isWrapped && current && current.paragraphs.length === 0 && !current.subtitle && !section.isLead && isTitleLike(line)) {
      // Two title-like lines in a row: a column's name, then the first item's title.
      column.items.pop();
      const name = current.title.replace(/\s+/g, '');
      column = section.columns.find((c) => c.name === name) ?? { name, items: [] };
      if (!section.columns.includes(column)) section.columns.push(column);
      openItem(text);
      continue;
    }
    if (current && current.paragraphs.length === 0 && isTitleLike(line)) {
      // A second title line right under the first: a title printed on two lines. The space
      // the break stands for, if the file kept it (our DOCX does), comes back.
      current.title = lines[i - 1]?.endsWithSpace ? `${current.title} ${text}` : joinBroken(current.title, text);
      continue;
    }
    if (!current) {
      // Text with no title before it (e.g. the first page's text right after the contents).
      openItem(UNTITLED);
      warnings.push(`“${text.slice(0, 20)}…”之前没有识别到标题。`);
    }
    const target = item as ParsedItem | null;
    if (isWrapped) {
      // Rebuilt from print, a paragraph is complete; one that does not follow a finished one
      // starts mid-sentence (a line the reconstruction could not place).
      const before = target!.paragraphs.at(-1);
      if (before !== undefined && !ENDS_PARAGRAPH.test(before)) doubts.push(`“${target!.title}”中的段落“${text.slice(0, 12)}…”接在未结束的句子之后，请核对分段。`);
      target!.paragraphs.push(text);
    } else if (ENDS_PARAGRAPH.test(text)) target!.paragraphs.push(text);
    else carry = text;
  }
  flush();

  // The source closes the last paragraph: （A、B）.
  const allSections = [lead, ...sections].filter((s) => s.columns.some((c) => c.items.length));
  for (const s of allSections) {
    s.columns = s.columns.filter((c) => c.items.length);
    for (const c of s.columns) {
      c.items = c.items.flatMap((it) => splitMergedItems(it, errors, warnings));
      for (const it of c.items) {
        const last = it.paragraphs.at(-1);
        if (it.sources.length === 0 && last) {
          const match = TRAILING_SOURCE.exec(last);
          const units = match ? splitSources(match[1]!) : null;
          if (match && units) {
            it.sources = units;
            const rest = last.slice(0, match.index).trim();
            const again = TRAILING_SOURCE.exec(rest);
            if (again && splitSources(again[1]!)?.every((unit) => UNIT_NAME.test(unit))) {
              errors.push(`“${it.title}”的末尾有两处来源（${again[1]}）（${match[1]}）：疑似两篇稿件合并，请核对原文。`);
            }
            if (rest) it.paragraphs[it.paragraphs.length - 1] = rest;
            else it.paragraphs.pop();
          }
        }
        if (it.paragraphs.length === 0) warnings.push(`“${it.title}”没有正文。`);
        if (it.sources.length === 0 && !s.isLead) warnings.push(`“${it.title}”没有识别到来源单位。`);
        if (displayWidth(it.title) > 2 * TITLE_LINE_MAX) doubts.push(`标题“${it.title.slice(0, 20)}…”超过两行，请确认没有把正文识别为标题。`);
      }
    }
  }
  if (!allSections.length) errors.push('没有识别到任何稿件。');

  if (contentsLines.length) {
    const names = new Set(allSections.flatMap((s) => [s.name, ...s.columns.flatMap((c) => c.items.map((it) => it.title.replace(/\s+/g, '')))]));
    const unknown = contentsLines.filter((line) => !names.has(line.replace(/\s+/g, '')));
    for (const line of unknown) doubts.push(`目录提要中的“${line}”在正文中没有对应的标题或栏目。`);
  }

  if (errors.length) return { issue: null, errors, warnings, doubts, dropped };
  return {
    issue: {
      publicationName: masthead.publicationName,
      publisher: masthead.publisher,
      year: masthead.year!,
      yearNumber: masthead.yearNumber!,
      totalNumber: masthead.totalNumber!,
      issueDate: masthead.issueDate!,
      contentsLines,
      sections: allSections,
      editorName: closing?.editorName ?? '',
      reviewerName: closing?.reviewerName ?? '',
      distribution: closing?.distribution ?? [],
    },
    errors,
    warnings,
    doubts,
    dropped,
  };
}

/**
 * An item whose paragraph ends with a source attribution and goes on is two items run together
 * (the next one's title was read as a paragraph): split where the next paragraph can be a
 * title; otherwise an error — never imported silently.
 */
function splitMergedItems(item: ParsedItem, errors: string[], warnings: string[]): ParsedItem[] {
  const result: ParsedItem[] = [];
  let current: ParsedItem = { ...item, paragraphs: [] };
  const paragraphs = item.paragraphs;
  for (let k = 0; k < paragraphs.length; k++) {
    const paragraph = paragraphs[k]!;
    const inner = findInnerSource(paragraph);
    if (inner) {
      errors.push(`“${item.title}”的一段中间有来源（${inner.units.join('、')}）且后面还有正文：疑似两篇稿件合并，请核对原文。`);
    }
    current.paragraphs.push(paragraph);
    const next = paragraphs[k + 1];
    if (next === undefined) break;
    const match = TRAILING_SOURCE.exec(paragraph);
    const units = match ? splitSources(match[1]!) : null;
    if (!match || !units || !units.every((unit) => UNIT_NAME.test(unit))) continue;
    // A title by its place: short, not ending like a sentence, followed by text.
    const canBeTitle = displayWidth(next) <= 2 * TITLE_LINE_MAX && !ENDS_CLAUSE.test(next) && !/[。；;）)]/u.test(next);
    if (paragraphs[k + 2] !== undefined && canBeTitle) {
      warnings.push(`“${item.title}”在来源（${units.join('、')}）之后还有一篇“${next}”：已拆分为两篇，请核对。`);
      result.push(current);
      current = { title: next, subtitle: null, paragraphs: [], sources: [] };
      k++;
    } else {
      errors.push(`“${item.title}”的来源（${units.join('、')}）之后还有正文：疑似两篇稿件合并，请核对原文。`);
    }
  }
  result.push(current);
  return result;
}
