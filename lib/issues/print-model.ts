// Building, fingerprinting and sizing the print model of an issue from its rows (no database).
import { resolveSuggestions } from '@/lib/suggestions';
import { createHash } from 'node:crypto';
import type { PrintIssue, PrintSection } from '@/lib/export/print-issue';
import { estimateItemLines, estimatePages } from '@/lib/layout/estimate';
import { getBodyParagraphs, ZItemBody } from '@/lib/validations/item-body';

/** An item row as the print model needs it: its printed fields, its section and column. */
export interface IssueItem {
  title: string;
  subtitle: string | null;
  body: unknown;
  sources: string[];
  section: { id: number; name: string; kind: 'LEAD' | 'REGULAR'; position: number };
  column: { id: number; name: string; position: number } | null;
}

/** The issue's items grouped into its printed sections and columns, in print order. */
/**
 * `keepSuggestions`: the draft DOCX carries open 修订 as Word revisions; everything else
 * (PDF, web view, approval fingerprint, snapshot) prints the text as if they were not there.
 */
export function toPrintSections(items: readonly IssueItem[], { keepSuggestions = false } = {}): PrintSection[] {
  const bySection = new Map<number, { section: IssueItem['section']; items: IssueItem[] }>();
  for (const item of items) {
    const entry = bySection.get(item.section.id) ?? { section: item.section, items: [] };
    entry.items.push(item);
    bySection.set(item.section.id, entry);
  }
  const sectionOrder = (s: IssueItem['section']) => [s.kind === 'LEAD' ? 0 : 1, s.position, s.id];
  return [...bySection.values()]
    .sort((a, b) => {
      const [x, y] = [sectionOrder(a.section), sectionOrder(b.section)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    })
    .map(({ section, items: sectionItems }) => {
      // Items outside any column first, then each column in catalogue order.
      const columns = new Map<number | null, { name: string | null; position: number; items: IssueItem[] }>();
      for (const item of sectionItems) {
        const key = item.column?.id ?? null;
        const column = columns.get(key) ?? { name: item.column?.name ?? null, position: item.column?.position ?? -1, items: [] };
        column.items.push(item);
        columns.set(key, column);
      }
      return {
        name: section.name,
        isLead: section.kind === 'LEAD',
        columns: [...columns.values()]
          .sort((a, b) => a.position - b.position)
          .map((column) => ({
            name: column.name,
            items: column.items.map((item) => ({
              title: item.title,
              subtitle: item.subtitle,
              body: keepSuggestions ? ZItemBody.parse(item.body) : resolveSuggestions(ZItemBody.parse(item.body)),
              sources: item.sources,
            })),
          })),
      };
    });
}

/**
 * SHA-256 of everything the reviewer approves: date, contents and every printed item. Left
 * out: numbers (they follow from the order of issues), the names in the 版记 and the
 * publication's settings (distribution, layout), which are taken as they stand at publication.
 */
export function fingerprintPrintContent(issue: Pick<PrintIssue, 'issueDate' | 'contentsLines' | 'sections'>): string {
  const content = { issueDate: issue.issueDate, contentsLines: issue.contentsLines, sections: issue.sections };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function estimateIssuePages(print: PrintIssue): { lines: number; pages: number; items: number } {
  // Masthead and contents take about a third of page 1 plus a line per contents entry.
  let lines = 8 + print.contentsLines.length;
  let items = 0;
  for (const section of print.sections) {
    if (!section.isLead) lines += 2;
    for (const column of section.columns) {
      if (column.name) lines += 1;
      for (const item of column.items) {
        items += 1;
        lines += estimateItemLines({ title: item.title, subtitle: item.subtitle, paragraphs: getBodyParagraphs(item.body), sources: item.sources });
      }
    }
  }
  lines += 8; // 版记
  return { lines, pages: estimatePages(lines), items };
}
