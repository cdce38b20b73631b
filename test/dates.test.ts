// Dates as the office writes them, and times in Beijing whatever the machine's time zone.
import { describe, expect, it } from 'vitest';
import { formatBeijingDateTime, formatChineseDate, fromDbDate, getBeijingYear, startOfBeijingDay, toDbDate } from '@/lib/dates';
import { checkIssueDate } from '@/lib/numbering';

describe('dates and times', () => {
  it('writes a calendar date as 2023年8月11日', () => {
    expect(formatChineseDate('2023-08-11')).toBe('2023年8月11日');
    expect(formatChineseDate('2024-12-01')).toBe('2024年12月1日');
  });

  it('shows a moment in Beijing time, also across midnight and the year end', () => {
    expect(formatBeijingDateTime(new Date('2023-08-10T16:30:00Z'))).toBe('2023年8月11日 00:30');
    expect(formatBeijingDateTime('2023-08-11T06:05:09.123Z')).toBe('2023年8月11日 14:05');
    expect(formatBeijingDateTime(new Date('2023-12-31T16:00:00Z'))).toBe('2024年1月1日 00:00');
    expect(getBeijingYear(new Date('2023-12-31T16:00:00Z'))).toBe(2024);
  });

  it('writes dates in messages the same way', () => {
    expect(checkIssueDate('2023-08-04', { issueDate: '2023-08-11' }, { year: 2023, yearNumber: 1, totalNumber: 1 })).toBe(
      '日期不能早于已发布的最后一期（2023年8月11日）',
    );
  });
});

describe('conversions between calendar dates and the database', () => {
  it('stores a calendar date as midnight UTC and reads it back, in any time zone', () => {
    expect(toDbDate('2023-04-28').toISOString()).toBe('2023-04-28T00:00:00.000Z');
    expect(fromDbDate(toDbDate('2024-02-29'))).toBe('2024-02-29');
  });

  it('bounds a Beijing calendar day for filters on timestamps', () => {
    expect(startOfBeijingDay('2023-04-28').toISOString()).toBe('2023-04-27T16:00:00.000Z');
    expect(startOfBeijingDay('2023-12-31', 1).toISOString()).toBe('2023-12-31T16:00:00.000Z');
  });
});
