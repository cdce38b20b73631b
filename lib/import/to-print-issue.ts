// An issue read from a file, as the PrintIssue the archive keeps for every published issue:
// what the web view, the exports, search and statistics all read.
import { createHash } from 'node:crypto';
import type { PrintIssue } from '@/lib/export/print-issue';
import type { ParsedIssue } from '@/lib/import/parse-issue';
import { paragraphsToBody } from '@/lib/import/correction-text';

export interface PublicationDefaults {
  name: string;
  publisher: string;
}

export function toPrintIssue(parsed: ParsedIssue, defaults: PublicationDefaults): PrintIssue {
  return {
    publicationName: parsed.publicationName || defaults.name,
    publisher: parsed.publisher || defaults.publisher,
    year: parsed.year,
    yearNumber: parsed.yearNumber,
    totalNumber: parsed.totalNumber,
    issueDate: parsed.issueDate,
    contentsLines: parsed.contentsLines,
    contentsOnOwnPage: false,
    sections: parsed.sections.map((section) => ({
      name: section.name,
      isLead: section.isLead,
      columns: section.columns.map((column) => ({
        name: column.name,
        items: column.items.map((item) => ({
          title: item.title,
          subtitle: item.subtitle,
          body: paragraphsToBody(item.paragraphs),
          sources: item.sources,
        })),
      })),
    })),
    editorName: parsed.editorName,
    reviewerName: parsed.reviewerName,
    distribution: parsed.distribution,
  };
}

/** SHA-256 of everything recognised: the same content read twice gives the same fingerprint. */
export function fingerprintImport(print: PrintIssue): string {
  return createHash('sha256').update(JSON.stringify(print)).digest('hex');
}
