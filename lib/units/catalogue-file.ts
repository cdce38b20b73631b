// The unit catalogue as a file: reading an admin's CSV or XLSX into checked rows (with a Chinese
// report of the rows refused), and the template to fill in. No database: lib/data/units.ts
// writes what this accepts, in one transaction.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from '@/lib/validations/zod';
import { UNIT_KIND_LABELS, parseUnitKind, type UnitKind } from '@/lib/units/kinds';
import { ZUnitFields } from '@/lib/validations/units';

export const CATALOGUE_COLUMNS = ['单位名称', '类别', '简称', '别名', '状态'] as const;

export const MAX_CATALOGUE_ROWS = 2000;

export interface CatalogueRow {
  /** The row number in the file (the heading is row 1). */
  line: number;
  name: string;
  kind: UnitKind;
  shortNames: string[];
  aliases: string[];
  isActive: boolean;
}

export interface CatalogueProblem {
  line: number;
  message: string;
}

export class CatalogueFileError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

async function readSheet(name: string, bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.csv$/i.test(name)) {
      let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (text.startsWith('\uFEFF')) text = text.slice(1);
      // Every value stays text: no numbers or dates guessed from a unit's name.
      sheet = await workbook.csv.read(Readable.from([text]), { map: (value: string) => value });
    } else {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    }
  } catch (error) {
    if (error instanceof TypeError) throw new CatalogueFileError('CSV 文件须为 UTF-8 编码（Excel 另存为“CSV UTF-8”）。');
    throw new CatalogueFileError('文件无法读取，请确认是 .csv 或 .xlsx 格式。');
  }
  if (!sheet) throw new CatalogueFileError('文件里没有工作表。');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[rowNumber - 1] = values.map((value) => cellText(value as ExcelJS.CellValue).trim());
  });
  return Array.from(rows, (row) => row ?? []);
}

const STATUS_WORDS: Record<string, boolean> = { '': true, 启用: true, 是: true, 停用: false, 否: false };

/**
 * Reads the file: the heading names the columns (单位名称 and 类别 required, 简称, 别名, 状态
 * optional, in any order); each row is checked as the admin screen's form is. A name given
 * twice in the file is refused on its second row.
 */
export async function readCatalogueFile(name: string, bytes: Uint8Array): Promise<{ rows: CatalogueRow[]; problems: CatalogueProblem[] }> {
  const sheet = await readSheet(name, bytes);
  const heading = sheet[0] ?? [];
  const column = (label: string) => heading.findIndex((cell) => cell === label);
  const at = { name: column('单位名称'), kind: column('类别'), shortNames: column('简称'), aliases: column('别名'), status: column('状态') };
  if (at.name < 0 || at.kind < 0) throw new CatalogueFileError(`第1行须为表头，至少含“单位名称”和“类别”两列（可下载模板）。`);
  const body = sheet.slice(1);
  if (body.length > MAX_CATALOGUE_ROWS) throw new CatalogueFileError(`一次最多导入${MAX_CATALOGUE_ROWS}个单位。`);
  const rows: CatalogueRow[] = [];
  const problems: CatalogueProblem[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const get = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    if (cells.every((cell) => !cell)) return;
    const kind = parseUnitKind(get(at.kind));
    const status = get(at.status);
    const messages: string[] = [];
    if (!kind) messages.push(`类别须为${Object.values(UNIT_KIND_LABELS).join('、')}之一`);
    if (!(status in STATUS_WORDS)) messages.push('状态须为“启用”或“停用”');
    const parsed = ZUnitFields.safeParse({ name: get(at.name), kind: kind ?? 'DISTRICT', shortNames: get(at.shortNames), aliases: get(at.aliases) });
    if (!parsed.success) messages.push(...Object.values(z.flattenError(parsed.error).fieldErrors).flat().filter((m): m is string => typeof m === 'string'));
    if (parsed.success && seen.has(parsed.data.name)) messages.push(`与第${seen.get(parsed.data.name)}行的单位重名`);
    if (messages.length || !parsed.success || !kind) {
      problems.push({ line, message: messages.join('；') });
      return;
    }
    seen.set(parsed.data.name, line);
    rows.push({ line, ...parsed.data, kind, isActive: STATUS_WORDS[status]! });
  });
  return { rows, problems };
}

/** The template: the heading and two example rows. */
export async function renderCatalogueTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科协每周动态';
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('单位名录');
  sheet.addRow([...CATALOGUE_COLUMNS]);
  sheet.addRow(['北京科技社团服务中心', '直属单位', '科技社团服务中心、社团服务中心', '', '启用']);
  sheet.addRow(['平谷区科协', '区科协', '平谷科协', '平谷区科学技术协会', '启用']);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 30;
  for (const c of [2, 5]) sheet.getColumn(c).width = 10;
  for (const c of [3, 4]) sheet.getColumn(c).width = 34;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
