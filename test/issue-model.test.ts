// The pure parts of an issue: when it comes out, how its items order and print, what an
// approval fingerprints, whether it stands returned. No database.
import { describe, expect, it } from 'vitest';
import { groupBySection, sortByCatalogue } from '@/lib/issues/catalogue-order';
import { generateContentsLines } from '@/lib/issues/contents';
import { estimateIssuePages, fingerprintPrintContent, toPrintSections, type IssueItem } from '@/lib/issues/print-model';
import { findStandingReturn } from '@/lib/issues/returns';
import { getFridayAfter, getThisWeeksFriday } from '@/lib/issues/schedule';
import { buildDemoPrintIssue } from './support/demo-print-issue';

const body = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

describe('schedule', () => {
  it("gives this week's Friday in Beijing time; the weekend belongs to the next week", () => {
    expect(getThisWeeksFriday(new Date('2030-03-04T02:00:00Z'))).toBe('2030-03-08'); // Monday
    expect(getThisWeeksFriday(new Date('2030-03-08T15:00:00Z'))).toBe('2030-03-08'); // Friday 23:00 Beijing
    expect(getThisWeeksFriday(new Date('2030-03-08T16:30:00Z'))).toBe('2030-03-15'); // Saturday 00:30 Beijing
    expect(getThisWeeksFriday(new Date('2030-03-10T10:00:00Z'))).toBe('2030-03-15'); // Sunday
  });
  it('gives the first Friday strictly after a date, across months and years', () => {
    expect(getFridayAfter('2030-03-07')).toBe('2030-03-08');
    expect(getFridayAfter('2030-03-08')).toBe('2030-03-15');
    expect(getFridayAfter('2030-12-28')).toBe('2031-01-03');
  });
});

describe('catalogue order', () => {
  const items = [
    { id: 1, sectionId: 10, columnRank: 2 },
    { id: 2, sectionId: 20, columnRank: -1 },
    { id: 3, sectionId: 10, columnRank: -1 },
    { id: 4, sectionId: 10, columnRank: 0 },
    { id: 5, sectionId: 10, columnRank: -1 },
  ];
  it('puts items outside columns first, then each column, keeping the order within a group', () => {
    expect(sortByCatalogue(items.filter((item) => item.sectionId === 10)).map((item) => item.id)).toEqual([3, 5, 4, 1]);
  });
  it('groups by section in the order sections first appear', () => {
    expect([...groupBySection(items).entries()].map(([section, group]) => [section, group.map((item) => item.id)])).toEqual([
      [10, [1, 3, 4, 5]],
      [20, [2]],
    ]);
  });
});

describe('print model', () => {
  const lead = { id: 1, name: '市科协要闻', kind: 'LEAD' as const, position: 5 };
  const news = { id: 2, name: '学会动态', kind: 'REGULAR' as const, position: 1 };
  const salon = { id: 7, name: '沙龙', position: 0 };
  const row = (title: string, section: IssueItem['section'], column: IssueItem['column'] = null): IssueItem => ({
    title,
    subtitle: null,
    body: body(`${title}正文。`),
    sources: [],
    section,
    column,
  });

  it('prints the lead section first, then sections by position, items outside columns before columns', () => {
    const sections = toPrintSections([row('乙', news, salon), row('甲', news), row('要闻', lead)]);
    expect(sections.map((section) => [section.name, section.isLead])).toEqual([
      ['市科协要闻', true],
      ['学会动态', false],
    ]);
    expect(sections[1]!.columns.map((column) => [column.name, column.items.map((item) => item.title)])).toEqual([
      [null, ['甲']],
      ['沙龙', ['乙']],
    ]);
  });

  it('refuses a body that is not a valid item body', () => {
    expect(() => toPrintSections([{ ...row('坏', news), body: { type: 'doc', content: [{ type: 'image' }] } }])).toThrow();
  });

  it('generates 目录提要 from lead titles and each section’s first title, or section names', () => {
    const sections = toPrintSections([row('要闻一', lead), row('要闻二', lead), row('甲', news), row('乙', news)]);
    expect(generateContentsLines(sections)).toEqual(['要闻一', '要闻二', '甲']);
    expect(generateContentsLines(sections, 'SECTIONS')).toEqual(['要闻一', '要闻二', '学会动态']);
  });

  it('fingerprints date, contents and items, not numbers or names', () => {
    const print = buildDemoPrintIssue();
    const same = fingerprintPrintContent({ ...print });
    expect(fingerprintPrintContent({ ...print, totalNumber: 999, editorName: '别人' } as typeof print)).toBe(same);
    expect(fingerprintPrintContent({ ...print, issueDate: '2026-12-04' })).not.toBe(same);
    expect(fingerprintPrintContent({ ...print, contentsLines: [...print.contentsLines, '新增'] })).not.toBe(same);
    expect(same).toMatch(/^[0-9a-f]{64}$/);
  });

  it('estimates pages and counts every printed item', () => {
    const print = buildDemoPrintIssue();
    const estimate = estimateIssuePages(print);
    expect(estimate.items).toBe(print.sections.flatMap((s) => s.columns.flatMap((c) => c.items)).length);
    expect(estimate.pages).toBeGreaterThanOrEqual(1);
    const longer = estimateIssuePages({ ...print, sections: [...print.sections, ...print.sections] });
    expect(longer.lines).toBeGreaterThan(estimate.lines);
  });
});

describe('findStandingReturn', () => {
  const actor = { displayName: '审核人' };
  const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 0, minute));
  it('is the latest return while the issue is back in assembly', () => {
    const events = [
      { type: 'RETURNED', comment: '改标题', createdAt: at(2), actor },
      { type: 'SUBMITTED', comment: null, createdAt: at(1), actor },
    ];
    expect(findStandingReturn('ASSEMBLING', events)).toEqual({ comment: '改标题', reviewerName: '审核人', returnedAt: at(2) });
    expect(findStandingReturn('IN_REVIEW', events)).toBeNull();
  });
  it('is gone once submitted again', () => {
    const events = [
      { type: 'RETURNED', comment: '改标题', createdAt: at(2), actor },
      { type: 'SUBMITTED', comment: null, createdAt: at(3), actor },
      { type: 'CREATED', comment: null, createdAt: at(4), actor },
    ];
    expect(findStandingReturn('ASSEMBLING', events)).toBeNull();
  });
});
