// Everything that is printed in one issue, in print order. It is what an approval fingerprints,
// what publication freezes (Issue.snapshot), and what the print template, the PDF and the
// DOCX exports render — so a published issue never changes when users, sections or settings do.
// The zod schema is the type; Issue.snapshot is written by toPrintSnapshot and read by
// readPrintSnapshot only.
import { z } from '@/lib/validations/zod';
import { ZItemBody } from '@/lib/validations/item-body';

/** The format of the model as stored in Issue.snapshot; a change of shape is a new version. */
export const PRINT_MODEL_VERSION = 1;

const ZPrintItem = z.object({
  title: z.string(),
  subtitle: z.string().nullable(),
  body: ZItemBody,
  /** Printed as （A、B） at the end of the last paragraph; may be empty. */
  sources: z.array(z.string()),
});

const ZPrintColumn = z.object({
  /** null: the section's items outside any column, printed first. */
  name: z.string().nullable(),
  items: z.array(ZPrintItem),
});

const ZPrintSection = z.object({
  name: z.string(),
  /** The lead group: printed first, without a 【heading】. */
  isLead: z.boolean(),
  columns: z.array(ZPrintColumn),
});

export const ZPrintIssue = z.object({
  publicationName: z.string(),
  publisher: z.string(),
  year: z.int(),
  yearNumber: z.int(),
  totalNumber: z.int(),
  issueDate: z.iso.date(),
  contentsLines: z.array(z.string()),
  contentsOnOwnPage: z.boolean(),
  /** Only sections that carry items, in catalogue order. */
  sections: z.array(ZPrintSection),
  editorName: z.string(),
  reviewerName: z.string(),
  distribution: z.array(z.string()),
});

/** The model as Issue.snapshot stores it: with the version of its format. */
export const ZPrintSnapshot = ZPrintIssue.extend({ version: z.literal(PRINT_MODEL_VERSION) });

export type PrintItem = z.output<typeof ZPrintItem>;
export type PrintColumn = z.output<typeof ZPrintColumn>;
export type PrintSection = z.output<typeof ZPrintSection>;
export type PrintIssue = z.output<typeof ZPrintIssue>;
export type PrintSnapshot = z.output<typeof ZPrintSnapshot>;

/** What publication (and an import) stores in Issue.snapshot: the model, checked, with its version. */
export function toPrintSnapshot(print: PrintIssue): PrintSnapshot {
  return { version: PRINT_MODEL_VERSION, ...ZPrintIssue.parse(print) };
}

/**
 * Brings an older snapshot to the current format. Version 0 had no `version` field; the
 * snapshots from before 目录提要 could have a page of its own (December 2026) also lack
 * `contentsOnOwnPage`, and were printed without one.
 */
function migrateSnapshot(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored) || 'version' in stored) return stored;
  return { contentsOnOwnPage: false, ...stored, version: PRINT_MODEL_VERSION };
}

/**
 * The one way to read an Issue.snapshot: migrated to the current version and validated, so a
 * stored issue that does not fit the model fails here, loudly, not somewhere in a renderer.
 */
export function readPrintSnapshot(stored: unknown): PrintIssue {
  const parsed = ZPrintSnapshot.safeParse(migrateSnapshot(stored));
  if (!parsed.success) {
    throw new Error(`Issue snapshot does not fit print model version ${PRINT_MODEL_VERSION}:\n${z.prettifyError(parsed.error)}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the version belongs to the stored form, not the model
  const { version, ...print } = parsed.data;
  return print;
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
