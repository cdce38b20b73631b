// An issue printed without a 版记 (imported from such a file) prints none: no empty
// "编辑：/审核：/分送：" lines in the PDF's HTML; one with names but no 分送 prints no empty 分送.
import { describe, expect, it } from 'vitest';
import { describeItemsWithoutSource } from '@/lib/archive/without-source';
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

describe('采用统计: the note on items without a source', () => {
  it('states only what the counts say', () => {
    expect(describeItemsWithoutSource({ withoutSource: 0, withoutSourceLead: 0 }, '市科协要闻')).toBe('');
    expect(describeItemsWithoutSource({ withoutSource: 3, withoutSourceLead: 3 }, '市科协要闻')).toBe('（其中 3 篇未署来源单位，均为市科协要闻）');
    expect(describeItemsWithoutSource({ withoutSource: 3, withoutSourceLead: 1 }, '市科协要闻')).toBe('（其中 3 篇未署来源单位，1 篇为市科协要闻）');
    expect(describeItemsWithoutSource({ withoutSource: 2, withoutSourceLead: 0 }, '市科协要闻')).toBe('（其中 2 篇未署来源单位）');
  });
});
