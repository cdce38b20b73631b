// The archive rows of one published issue, from its frozen PrintIssue: every printed item in
// print order, with what search and statistics need. Pure, so indexing a published issue, an
// imported one and the backfill of older databases all give the same rows.
import { buildSearchText, splitSourceUnits } from '@/lib/archive/normalize';
import { toDbDate } from '@/lib/dates';
import type { PrintIssue } from '@/lib/export/print-issue';
import { getBodyText } from '@/lib/validations/item-body';

export interface ArchiveRow {
  issueId: number;
  publicationId: number;
  position: number;
  sectionName: string;
  isLead: boolean;
  columnName: string | null;
  title: string;
  subtitle: string | null;
  bodyText: string;
  sources: string[];
  sourceUnits: string[];
  year: number;
  yearNumber: number;
  issueDate: Date;
  totalNumber: number;
  searchText: string;
}

export function buildArchiveRows(issue: { id: number; publicationId: number }, print: PrintIssue): ArchiveRow[] {
  const rows: ArchiveRow[] = [];
  const issueDate = toDbDate(print.issueDate);
  for (const section of print.sections) {
    for (const column of section.columns) {
      for (const item of column.items) {
        const bodyText = getBodyText(item.body);
        rows.push({
          issueId: issue.id,
          publicationId: issue.publicationId,
          position: rows.length,
          sectionName: section.name,
          isLead: section.isLead,
          columnName: column.name,
          title: item.title,
          subtitle: item.subtitle,
          bodyText,
          sources: item.sources,
          sourceUnits: splitSourceUnits(item.sources),
          year: print.year,
          yearNumber: print.yearNumber,
          issueDate,
          totalNumber: print.totalNumber,
          searchText: buildSearchText({ title: item.title, subtitle: item.subtitle, bodyText, sources: item.sources }),
        });
      }
    }
  }
  return rows;
}
