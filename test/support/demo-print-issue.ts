// The demo issue as a PrintIssue, for tests, built without a database.
import { generateContentsLines } from '@/lib/issues/contents';
import type { PrintIssue, PrintSection } from '@/lib/export/print-issue';
import { DEMO_DISTRIBUTION, DEMO_ITEMS, DEMO_SECTIONS } from '@/prisma/seed';
import { toBody } from './print-issue-fixture';

/** The demo's issue as `npm start` publishes it (prisma/seed.ts), built without a database. */
export function buildDemoPrintIssue(): PrintIssue {
  const sections: PrintSection[] = DEMO_SECTIONS.flatMap((section) => {
    const items = DEMO_ITEMS.filter((item) => item.section === section.name);
    const columnNames = [null, ...(section.columns ?? [])];
    const columns = columnNames
      .map((name) => ({
        name,
        items: items
          .filter((item) => (item.column ?? null) === name)
          .map((item) => ({ title: item.title, subtitle: null, body: toBody(item.paragraphs), sources: item.sources })),
      }))
      .filter((column) => column.items.length > 0);
    return columns.length ? [{ name: section.name, isLead: section.kind === 'LEAD', columns }] : [];
  });
  return {
    publicationName: '科协每周动态',
    publisher: '北京市科协办公室',
    year: 2026,
    yearNumber: 48,
    totalNumber: 252,
    issueDate: '2026-11-27',
    contentsLines: generateContentsLines(sections),
    contentsOnOwnPage: true,
    sections,
    editorName: '张红波',
    reviewerName: '李金涛',
    distribution: DEMO_DISTRIBUTION,
  };
}
