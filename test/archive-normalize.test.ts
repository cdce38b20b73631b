// The archive's pure helpers: source units, search terms, index keys, highlighting; and the
// statistics files.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildSearchText,
  excerptAround,
  FIELD_SEPARATOR,
  highlightText,
  likePattern,
  parseSearchTerms,
  splitSourceUnits,
  termGrams,
} from '@/lib/archive/normalize';
import type { AdoptionStatistics } from '@/lib/data/statistics';
import { renderStatisticsCsv, renderStatisticsXlsx, statisticsFileName } from '@/lib/export/statistics-file';

describe('source units', () => {
  it('counts each unit of a joint source once, however it was written', () => {
    expect(splitSourceUnits(['北京科技社团服务中心、平谷区科协'])).toEqual(['北京科技社团服务中心', '平谷区科协']);
    expect(splitSourceUnits(['北京科技社团服务中心', '平谷区科协'])).toEqual(['北京科技社团服务中心', '平谷区科协']);
    expect(splitSourceUnits(['（北京 土壤学会）', '北京土壤学会，密云区科协', '密云区科协'])).toEqual(['北京土壤学会', '密云区科协']);
    expect(splitSourceUnits(['', '、'])).toEqual([]);
  });
});

describe('search terms and index keys', () => {
  it('splits on white space, normalises, drops repeats, keeps at most five', () => {
    expect(parseSearchTerms('  密云　科普 密云 ＡＩ ')).toEqual(['密云', '科普', 'ai']);
    expect(parseSearchTerms('一 二 三 四 五 六')).toHaveLength(5);
    expect(parseSearchTerms(`a${FIELD_SEPARATOR}b`)).toEqual(['ab']);
  });

  it('looks up one character by itself and longer terms by their pairs (code points)', () => {
    expect(termGrams(['院'])).toEqual(['院']);
    expect(termGrams(['科协'])).toEqual(['科协']);
    expect(termGrams(['科技工作者'])).toEqual(['科技', '技工', '工作', '作者']);
    expect(termGrams(['𠀀𠀁'])).toEqual(['𠀀𠀁']);
  });

  it('takes % _ and \\ in a query literally', () => {
    expect(likePattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });

  it('keeps fields apart in the indexed text', () => {
    expect(buildSearchText({ title: '标题 一', subtitle: null, bodyText: '正文\n\n第二段', sources: ['甲', '乙'] })).toBe(
      ['标题一', '', '正文第二段', '甲、乙'].join(FIELD_SEPARATOR),
    );
  });
});

describe('highlighting', () => {
  it('marks matches across line-break spaces, letter case and full-width forms, in the original text', () => {
    expect(highlightText('嘉年华暨 云岗地区', ['华暨云'])).toEqual([
      { text: '嘉年', isMatch: false },
      { text: '华暨 云', isMatch: true },
      { text: '岗地区', isMatch: false },
    ]);
    expect(highlightText('ＡＲ天文与ar', ['ar'])).toEqual([
      { text: 'ＡＲ', isMatch: true },
      { text: '天文与', isMatch: false },
      { text: 'ar', isMatch: true },
    ]);
    expect(highlightText('𠀀科协𠀀', ['科协']).map((s) => s.text)).toEqual(['𠀀', '科协', '𠀀']);
  });

  it('cuts an excerpt around the first match', () => {
    const text = `${'前'.repeat(100)}目标词${'后'.repeat(200)}`;
    const excerpt = excerptAround(text, ['目标词']);
    expect(excerpt[0]).toEqual({ text: '…', isMatch: false });
    expect(excerpt.find((s) => s.isMatch)?.text).toBe('目标词');
    expect(excerpt.at(-1)).toEqual({ text: '…', isMatch: false });
    expect(excerptAround('短文', ['无'])).toEqual([{ text: '短文', isMatch: false }]);
  });
});

describe('statistics files', () => {
  const stats: AdoptionStatistics = {
    query: { granularity: 'quarter', fromYear: 2023, toYear: 2023, section: null },
    periods: [1, 2, 3, 4].map((q) => ({ key: `2023-Q${q}`, label: `2023年第${q}季度` })),
    sections: ['学会动态', '区科协动态'],
    units: [
      { unit: '北京科技社团服务中心', total: 3, byPeriod: [3, 0, 0, 0], bySection: [2, 1] },
      { unit: '=HYPERLINK("x")', total: 1, byPeriod: [0, 1, 0, 0], bySection: [0, 1] },
    ],
    itemTotals: { total: 4, byPeriod: [3, 1, 0, 0], withoutSource: 0, withoutSourceLead: 0 },
    cells: [
      { unit: '北京科技社团服务中心', period: 0, section: '学会动态', count: 2 },
      { unit: '北京科技社团服务中心', period: 0, section: '区科协动态', count: 1 },
      { unit: '=HYPERLINK("x")', period: 1, section: '区科协动态', count: 1 },
    ],
    years: [2023],
    allSections: ['学会动态', '区科协动态'],
  };

  it('CSV: UTF-8 with BOM, the table as shown, no formula from the data', () => {
    const text = renderStatisticsCsv(stats).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\ufeff来源单位,2023年第1季度,2023年第2季度,2023年第3季度,2023年第4季度,合计',
      '北京科技社团服务中心,3,0,0,0,3',
      `"'=HYPERLINK(""x"")",0,1,0,0,1`,
      '采用稿件数（每篇计一次）,3,1,0,0,4',
      '',
    ]);
    expect(statisticsFileName(stats, 'csv')).toBe('信息采用统计2023年按季度.csv');
  });

  it('XLSX: by period, by section and the detail, readable by a spreadsheet library', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderStatisticsXlsx(stats)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['按季度', '按栏目', '明细']);
    const values = (sheet: number) => workbook.worksheets[sheet]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values(0)[1]).toEqual(['北京科技社团服务中心', 3, 0, 0, 0, 3]);
    expect(values(1)[0]).toEqual(['来源单位', '学会动态', '区科协动态', '合计']);
    expect(values(2)).toEqual([
      ['来源单位', '期间', '栏目', '采用条数'],
      ['北京科技社团服务中心', '2023年第1季度', '学会动态', 2],
      ['北京科技社团服务中心', '2023年第1季度', '区科协动态', 1],
      ['=HYPERLINK("x")', '2023年第2季度', '区科协动态', 1],
    ]);
  });
});
