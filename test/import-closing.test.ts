// An issue printed without a 版记 (imported from such a file) prints none: no empty
// "编辑：/审核：/分送：" lines in the PDF's HTML; one with names but no 分送 prints no empty 分送.
import { describe, expect, it } from 'vitest';
import { hasClosingBlock } from '@/lib/export/print-issue';
import { renderIssueHtml } from '@/lib/export/print-template';
import { buildFixturePrintIssue, PRINT_FONT_BASE_URL } from './support/print-issue-fixture';

describe('版记', () => {
  it('is printed only when the issue has one', () => {
    const issue = buildFixturePrintIssue();
    expect(hasClosingBlock(issue)).toBe(true);
    expect(renderIssueHtml(issue, { fontBaseUrl: PRINT_FONT_BASE_URL })).toContain('编辑：张红波');

    const without = { ...issue, editorName: '', reviewerName: '', distribution: [] };
    expect(hasClosingBlock(without)).toBe(false);
    const html = renderIssueHtml(without, { fontBaseUrl: PRINT_FONT_BASE_URL });
    expect(html).not.toContain('编辑：');
    expect(html).not.toContain('分送：');

    const namesOnly = renderIssueHtml({ ...issue, distribution: [' '] }, { fontBaseUrl: PRINT_FONT_BASE_URL });
    expect(namesOnly).toContain('审核：李金涛');
    expect(namesOnly).not.toContain('分送：');
  });
});
