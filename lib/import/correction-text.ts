// Correcting an imported issue (修订导入内容): the body of its snapshot as plain text an admin
// edits, one line a paragraph, with a few marks for the structure — then read back exactly,
// without guessing (the import's heuristics are for text nobody has checked):
//
//   【学会动态】          a section (lead items come before the first one)
//   ◇首都科技工作者沙龙   a named column inside the section
//   # 标题               an item; a line under it starting with —— is its subtitle
//   段落                 every other line is a paragraph (blank lines are ignored)
//   来源：A、B           the item's sources
//
// So a wrong title is fixed in place, a paragraph split by a line break or joined by
// removing one, an item moved by moving its lines or split by adding a `# 标题` line.
// The masthead, 目录提要 and 版记 stay as imported. No React, no database.
import type { PrintIssue, PrintItem, PrintSection } from '@/lib/export/print-issue';
import { getBodyParagraphs } from '@/lib/item-body-text';
import { sortSectionsForPrint } from '@/lib/section-order';
import { BODY_LIMITS, type ItemBody } from '@/lib/validations/item-body';

/** Paragraph texts as an item body (a text node holds at most BODY_LIMITS.characters). */
export function paragraphsToBody(paragraphs: readonly string[]): ItemBody {
  return {
    type: 'doc',
    content: paragraphs
      .filter((text) => text.trim())
      .map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: text.slice(0, BODY_LIMITS.characters) }] })),
  };
}

const SECTION = /^【\s*(.+?)\s*】$/u;
const COLUMN = /^◇\s*(.+)$/u;
const TITLE = /^#\s*(.+)$/u;
const SUBTITLE = /^——/u;
const SOURCES = /^来源\s*[：:]\s*(.*)$/u;
const LINK = /[a-z][a-z0-9+.-]*:\/\/|www\./iu;
const MAX_ITEMS = 200;

/** The snapshot's body as correction text. */
export function toCorrectionText(issue: PrintIssue): string {
  const lines: string[] = [];
  for (const section of issue.sections) {
    if (!section.isLead) lines.push(`【${section.name}】`, '');
    for (const column of section.columns) {
      if (column.name) lines.push(`◇${column.name}`, '');
      for (const item of column.items) {
        lines.push(`# ${item.title.replace(/\n/g, ' ')}`);
        if (item.subtitle) lines.push(item.subtitle);
        lines.push(...getBodyParagraphs(item.body));
        if (item.sources.length) lines.push(`来源：${item.sources.join('、')}`);
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}

export interface CorrectionResult {
  issue: PrintIssue | null;
  /** Chinese, with the line number; nothing is saved while there is one. */
  errors: string[];
}

/** Reads corrected text back into a snapshot: `base` with its sections replaced. */
export function parseCorrectionText(text: string, base: PrintIssue): CorrectionResult {
  const errors: string[] = [];
  const leadName = base.sections.find((s) => s.isLead)?.name ?? '要闻';
  const sections: PrintSection[] = [];
  let section: PrintSection | null = null;
  let item: PrintItem | null = null;
  const items: PrintItem[] = [];
  const paragraphsOf = new Map<PrintItem, string[]>();

  const currentColumn = () => {
    section ??= { name: leadName, isLead: true, columns: [] };
    if (!sections.includes(section)) sections.push(section);
    let column = section.columns.at(-1);
    if (!column) {
      column = { name: null, items: [] };
      section.columns.push(column);
    }
    return column;
  };

  text.split(/\r\n|\r|\n/u).forEach((raw, index) => {
    const line = raw.replace(/[\s\u3000]+/gu, ' ').trim();
    const at = `第 ${index + 1} 行`;
    if (!line) return;
    if (LINK.test(line)) {
      errors.push(`${at}：含有网址，档案中不保存链接，请删除该行。`);
      return;
    }
    const heading = SECTION.exec(line);
    if (heading) {
      const name = heading[1]!;
      if (name === leadName) errors.push(`${at}：要闻不写栏目行，写在第一个【栏目】之前即可。`);
      section = sections.find((s) => s.name === name && !s.isLead) ?? { name, isLead: false, columns: [] };
      if (!sections.includes(section)) sections.push(section);
      item = null;
      return;
    }
    const column = COLUMN.exec(line);
    if (column) {
      if (!section || section.isLead) {
        errors.push(`${at}：专栏“${column[1]}”须写在某个【栏目】之下。`);
        return;
      }
      const name = column[1]!.trim();
      const existing = section.columns.find((c) => c.name === name);
      if (existing) section.columns.splice(section.columns.indexOf(existing), 1);
      section.columns.push(existing ?? { name, items: [] });
      item = null;
      return;
    }
    const title = TITLE.exec(line);
    if (title) {
      item = { title: title[1]!.trim(), subtitle: null, body: { type: 'doc', content: [] }, sources: [] };
      paragraphsOf.set(item, []);
      currentColumn().items.push(item);
      items.push(item);
      return;
    }
    if (!item) {
      errors.push(`${at}：“${line.slice(0, 16)}”之前没有标题（标题行以 # 开头）。`);
      return;
    }
    const sources = SOURCES.exec(line);
    if (sources) {
      if (item.sources.length) errors.push(`${at}：“${item.title}”已有来源行；两篇稿件请用 # 标题 分开。`);
      item.sources = sources[1]!
        .split(/[、，,]/u)
        .map((unit) => unit.trim())
        .filter(Boolean);
      return;
    }
    if (item.sources.length) {
      errors.push(`${at}：“${item.title}”的来源之后还有正文；来源行放在最后，另一篇稿件请先写 # 标题。`);
      return;
    }
    const paragraphs = paragraphsOf.get(item)!;
    if (SUBTITLE.test(line) && paragraphs.length === 0 && item.subtitle === null) {
      item.subtitle = line;
      return;
    }
    if (Array.from(line).length > BODY_LIMITS.characters) {
      errors.push(`${at}：段落过长。`);
      return;
    }
    paragraphs.push(line);
  });

  if (!items.length) errors.push('没有任何稿件（标题行以 # 开头）。');
  if (items.length > MAX_ITEMS) errors.push(`稿件过多（最多 ${MAX_ITEMS} 篇）。`);
  for (const it of items) if (!paragraphsOf.get(it)!.length) errors.push(`“${it.title}”没有正文。`);
  if (errors.length) return { issue: null, errors };

  const finished: PrintSection[] = sections
    .map((s) => ({
      ...s,
      columns: s.columns
        .filter((c) => c.items.length)
        .map((c) => ({
          name: c.name,
          items: c.items.map((it) => ({
            ...it,
            body: paragraphsToBody(paragraphsOf.get(it)!),
          })),
        })),
    }))
    .filter((s) => s.columns.length);
  // Lead items print first, whatever the order of the text.
  return { issue: { ...base, sections: sortSectionsForPrint(finished) }, errors };
}

/** What changed, in a line for the issue's history. */
export function describeCorrection(before: PrintIssue, after: PrintIssue): string {
  const flat = (issue: PrintIssue) => issue.sections.flatMap((s) => s.columns.flatMap((c) => c.items.map((i) => ({ section: s.name, ...i }))));
  const [a, b] = [flat(before), flat(after)];
  const titles = new Set(a.map((i) => i.title));
  const changed = b.filter((i) => !titles.has(i.title)).length;
  const paragraphs = (items: typeof a) => items.reduce((n, i) => n + getBodyParagraphs(i.body).length, 0);
  return `稿件 ${a.length}→${b.length} 篇，段落 ${paragraphs(a)}→${paragraphs(b)} 段，${changed} 个标题有改动`;
}
