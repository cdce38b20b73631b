// Source names onto units, the points arithmetic and the catalogue file: pure, no database.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalogueFile, renderCatalogueTemplate } from '@/lib/units/catalogue-file';
import { buildUnitMatcher, findNameClash, matchSources, normalizeUnitName, suggestUnits } from '@/lib/units/match';
import { customPeriod, formatRate, quarterPeriod, rulesOn, tallyAdoption } from '@/lib/units/points';

const units = [
  { id: 1, name: '北京科技社团服务中心', shortNames: ['科技社团服务中心'], aliases: ['社团服务中心'] },
  { id: 2, name: '平谷区科协', shortNames: [], aliases: ['平谷区科学技术协会'] },
  // Its alias is unit 1's short name: a unit's own names win.
  { id: 3, name: '北京科技咨询中心', shortNames: [], aliases: ['科技社团服务中心'], isActive: false },
];

describe('matching source names', () => {
  const matcher = buildUnitMatcher(units);

  it('finds a unit by name, 简称 or alias, whatever the width, spaces and brackets', () => {
    expect(matcher.match('北京科技社团服务中心')).toBe(1);
    expect(matcher.match('科技社团服务中心')).toBe(1);
    expect(matcher.match('（社团服务 中心）')).toBe(1);
    expect(matcher.match('平谷区科学技术协会')).toBe(2);
    expect(matcher.match('昌平区科协')).toBeNull();
    expect(normalizeUnitName('（ＡＢ 学会）')).toBe('AB学会');
  });

  it('refuses a 简称 or alias that is another unit\u2019s full name', () => {
    expect(findNameClash(units)).toBeNull();
    expect(findNameClash([...units, { name: '怀柔区科协', shortNames: ['平谷区科协'], aliases: [] }])).toBe('“平谷区科协”是单位“平谷区科协”的全称，不能作为其他单位的简称或别名。');
  });

  it('splits printed sources and credits each unit once', () => {
    expect(matchSources(['北京科技社团服务中心、科技社团服务中心', '平谷区科协；昌平区科协'], matcher)).toEqual({ unitIds: [1, 2], unmatched: ['昌平区科协'] });
  });

  it('suggests active units, names that start with the text first', () => {
    expect(suggestUnits('科技', units).map((u) => u.id)).toEqual([1]);
    expect(suggestUnits('中心', units).map((u) => u.id)).toEqual([1]);
    expect(suggestUnits('平谷', units).map((u) => u.id)).toEqual([2]);
    expect(suggestUnits(' ', units)).toEqual([]);
  });
});

describe('points', () => {
  const rules = [
    { effectiveFrom: '2024-01-01', singleAdoption: 1, mergedAdoption: 0.5, requestBonus: 1, instructionBonus: 2 },
    { effectiveFrom: '2025-07-01', singleAdoption: 1.5, mergedAdoption: 0.25, requestBonus: 0, instructionBonus: 3 },
  ];

  it('takes the version in effect on the date, else the defaults', () => {
    expect(rulesOn('2025-06-30', rules).singleAdoption).toBe(1);
    expect(rulesOn('2025-07-01', rules).singleAdoption).toBe(1.5);
    expect(rulesOn('2023-12-31', rules)).toMatchObject({ singleAdoption: 1, mergedAdoption: 0.5, requestBonus: 1, instructionBonus: 2 });
  });

  it('adds in hundredths, so three halves make exactly 1.5', () => {
    const rows = tallyAdoption({
      units: [{ id: 1, name: '甲' }, { id: 2, name: '乙' }],
      submitted: new Map([[1, 4]]),
      adoptions: [
        { unitId: 1, isMerged: true, isRequested: false, issueDate: '2025-01-03', count: 3 },
        { unitId: 2, isMerged: false, isRequested: true, issueDate: '2025-08-01', count: 1 },
      ],
      instructions: [{ unitIds: [2, 2, 9], issueDate: '2025-08-01' }],
      ruleSets: rules,
    });
    expect(rows.map((r) => [r.unit, r.points, r.rank, formatRate(r.rate)])).toEqual([
      ['乙', 450, 1, '—'],
      ['甲', 150, 2, '75%'],
    ]);
  });

  it('names periods as the 通报 does', () => {
    expect(quarterPeriod(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31', label: '2024年第一季度' });
    expect(quarterPeriod(2024, 4).to).toBe('2024-12-31');
    expect(customPeriod('2024-05-31', '2024-03-01')).toEqual({ from: '2024-03-01', to: '2024-05-31', label: '2024年3月1日至2024年5月31日' });
  });
});

describe('catalogue file', () => {
  const csv = (text: string) => new TextEncoder().encode(`\uFEFF${text}`);

  it('reads a CSV in any column order and reports every refused row', async () => {
    const result = await readCatalogueFile(
      'units.csv',
      csv('类别,单位名称,简称,状态\n区科协,平谷区科协,平谷科协、平谷,\n学会,0123学会,,停用\n协会,错误类别,,\n学会,平谷区科协,,\n区科协,,,\n\n学会,"甲,乙",,'),
    );
    expect(result.rows).toEqual([
      { line: 2, name: '平谷区科协', kind: 'DISTRICT', shortNames: ['平谷科协', '平谷'], aliases: [], isActive: true },
      { line: 3, name: '0123学会', kind: 'SOCIETY', shortNames: [], aliases: [], isActive: false },
    ]);
    expect(result.problems).toEqual([
      { line: 4, message: '类别须为区科协、学会、直属单位、机关部门之一' },
      { line: 5, message: '与第2行的单位重名' },
      { line: 6, message: '请填写单位名称' },
      { line: 8, message: '单位名称不能含有顿号、逗号或分号' },
    ]);
  });

  it('reads its own XLSX template and refuses a file without the heading', async () => {
    const template = await renderCatalogueTemplate();
    const { rows, problems } = await readCatalogueFile('模板.xlsx', new Uint8Array(template));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.name, r.kind, r.shortNames])).toEqual([
      ['北京科技社团服务中心', 'AFFILIATE', ['科技社团服务中心', '社团服务中心']],
      ['平谷区科协', 'DISTRICT', ['平谷科协']],
    ]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['名称']);
    await expect(readCatalogueFile('x.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))).rejects.toThrow('至少含“单位名称”和“类别”两列');
    await expect(readCatalogueFile('x.xlsx', csv('not a zip'))).rejects.toThrow('文件无法读取');
    await expect(readCatalogueFile('x.csv', new Uint8Array([0xff, 0xfe, 0x41]))).rejects.toThrow('UTF-8');
  });
});
