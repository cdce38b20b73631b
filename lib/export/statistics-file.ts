// The 信息采用统计 as files: CSV (UTF-8 with BOM, so Excel and WPS read the Chinese) and XLSX
// (three sheets: by period, by section, and the detail one row per unit, period and section).
import ExcelJS from 'exceljs';
import type { AdoptionStatistics } from '@/lib/data/statistics';
import { GRANULARITY_LABELS } from '@/lib/validations/statistics';

/** `信息采用统计2023年第1季度-2023年第4季度.csv` and the like. */
export function statisticsFileName(stats: AdoptionStatistics, extension: 'csv' | 'xlsx'): string {
  const range = stats.query.fromYear === stats.query.toYear ? `${stats.query.fromYear}年` : `${stats.query.fromYear}-${stats.query.toYear}年`;
  const section = stats.query.section ? `（${stats.query.section}）` : '';
  return `信息采用统计${range}${GRANULARITY_LABELS[stats.query.granularity]}${section}.${extension}`;
}

function periodTable(stats: AdoptionStatistics): (string | number)[][] {
  return [
    ['来源单位', ...stats.periods.map((p) => p.label), '合计'],
    ...stats.units.map((unit) => [unit.unit, ...unit.byPeriod, unit.total]),
    ['采用稿件数（每篇计一次）', ...stats.itemTotals.byPeriod, stats.itemTotals.total],
  ];
}

function sectionTable(stats: AdoptionStatistics): (string | number)[][] {
  return [['来源单位', ...stats.sections, '合计'], ...stats.units.map((unit) => [unit.unit, ...unit.bySection, unit.total])];
}

/** A CSV cell: quoted when needed; a leading = + - @ is neutralised (no formulas from data). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderStatisticsCsv(stats: AdoptionStatistics): Buffer {
  const rows = periodTable(stats);
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function renderStatisticsXlsx(stats: AdoptionStatistics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科协每周动态';
  // Fixed, so the same statistics give the same file.
  workbook.created = new Date(Date.UTC(stats.query.toYear, 0, 1));
  workbook.modified = workbook.created;
  const addSheet = (name: string, rows: (string | number)[][]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(1).width = 34;
    for (let c = 2; c <= (rows[0]?.length ?? 1); c++) sheet.getColumn(c).width = 14;
    return sheet;
  };
  addSheet(GRANULARITY_LABELS[stats.query.granularity], periodTable(stats)).getRow(stats.units.length + 2).font = { italic: true };
  addSheet('按栏目', sectionTable(stats));
  addSheet('明细', [
    ['来源单位', '期间', '栏目', '采用条数'],
    ...stats.cells.map((cell) => [cell.unit, stats.periods[cell.period]!.label, cell.section, cell.count]),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
