// Everything that is printed in one issue, in print order. It is what an approval fingerprints,
// what publication freezes (Issue.snapshot), and what the print template, the PDF and the
// DOCX exports render — so a published issue never changes when users, sections or settings do.
import type { ItemBody } from '@/lib/validations/item-body';

export interface PrintItem {
  title: string;
  subtitle: string | null;
  body: ItemBody;
  /** Printed as （A、B） at the end of the last paragraph; may be empty. */
  sources: string[];
}

export interface PrintColumn {
  /** null: the section's items outside any column, printed first. */
  name: string | null;
  items: PrintItem[];
}

export interface PrintSection {
  name: string;
  /** The lead group: printed first, without a 【heading】. */
  isLead: boolean;
  columns: PrintColumn[];
}

export interface PrintIssue {
  publicationName: string;
  publisher: string;
  year: number;
  yearNumber: number;
  totalNumber: number;
  /** YYYY-MM-DD */
  issueDate: string;
  contentsLines: string[];
  contentsOnOwnPage: boolean;
  /** Only sections that carry items, in catalogue order. */
  sections: PrintSection[];
  editorName: string;
  reviewerName: string;
  distribution: string[];
}

/** `2023年 第14期` */
export function formatYearNumber(issue: Pick<PrintIssue, 'year' | 'yearNumber'>): string {
  return `${issue.year}年 第${issue.yearNumber}期`;
}

/**
 * `（总第67期）` — full-width parentheses, as the office prints the masthead (the text taken
 * from its PDFs shows half-width ones: an artefact of the extraction).
 */
/**
 * Whether the issue has a 版记 to print. Imported issues printed without one have no names and
 * no 分送 lines: nothing is printed then (not empty "编辑：/审核：/分送：" lines).
 */
export function hasClosingBlock(issue: Pick<PrintIssue, 'editorName' | 'reviewerName' | 'distribution'>): boolean {
  return Boolean(issue.editorName.trim() || issue.reviewerName.trim() || issue.distribution.some((line) => line.trim()));
}

export function formatTotalNumber(issue: Pick<PrintIssue, 'totalNumber'>): string {
  return `（总第${issue.totalNumber}期）`;
}

/** `2023年4月28日` */
export { formatChineseDate as formatIssueDate } from '@/lib/dates';
