// 采用统计 per unit as files: the CSV and XLSX tables, and the 通报 (信息采用情况通报) as PDF and
// DOCX in the office's style — A4, a 小标宋 title, 仿宋 text, the ranked table, the publisher
// and date. The PDF goes through the same warm Chromium as the issues (lib/export/pdf.ts), with
// the same fonts; the DOCX names the same Word fonts as the issue's DOCX.
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatChineseDate } from '@/lib/dates';
import { FONTS } from '@/lib/export/docx';
import { renderPdf } from '@/lib/export/pdf';
import { FONT_STACKS } from '@/lib/export/print-template';
import { csvCell } from '@/lib/export/statistics-file';
import { escapeHtml } from '@/lib/render-body';
import { formatPoints, formatRate, type AdoptionPeriod, type UnitAdoptionRow } from '@/lib/units/points';

export interface AdoptionReport {
  period: AdoptionPeriod;
  rows: UnitAdoptionRow[];
  totals: { submitted: number; single: number; merged: number; instructions: number };
  /** 北京市科协办公室 */
  publisher: string;
  /** 科协每周动态 */
  publicationName: string;
  /** YYYY-MM-DD: the day the 通报 is dated. */
  date: string;
}

/** The columns of the CSV (and the first six of the table): fixed, scripts read them. */
export const ADOPTION_CSV_COLUMNS = ['单位', '报送', '单独采用', '综合采用', '采用率', '得分'] as const;

export function adoptionReportTitle(report: Pick<AdoptionReport, 'period'>): string {
  return `${report.period.label}信息采用情况通报`;
}

export function adoptionFileName(report: Pick<AdoptionReport, 'period'>, extension: 'csv' | 'xlsx' | 'pdf' | 'docx'): string {
  return extension === 'pdf' || extension === 'docx' ? `${adoptionReportTitle(report)}.${extension}` : `${report.period.label}信息采用统计.${extension}`;
}

function csvRow(row: UnitAdoptionRow): (string | number)[] {
  return [row.unit, row.submitted, row.single, row.merged, formatRate(row.rate), formatPoints(row.points)];
}

/** One row per unit (every active unit, zeros included), UTF-8 with BOM for Excel and WPS. */
export function renderAdoptionCsv(report: AdoptionReport): Buffer {
  const lines = [[...ADOPTION_CSV_COLUMNS], ...report.rows.map(csvRow)].map((row) => row.map(csvCell).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function renderAdoptionXlsx(report: AdoptionReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.publisher;
  workbook.created = new Date(`${report.date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(report.period.label, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.addRow(['单位', '报送', '单独采用', '综合采用', '采用率', '约稿采用', '领导批示', '得分', '名次']);
  for (const row of report.rows) {
    sheet.addRow([row.unit, row.submitted, row.single, row.merged, row.rate ?? '', row.requested, row.instructions, row.points / 100, row.rank]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= 9; c++) sheet.getColumn(c).width = 11;
  sheet.getColumn(5).numFmt = '0.0%';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sentence under the title, with the period's totals. */
export function adoptionIntroduction(report: AdoptionReport): string {
  const { totals } = report;
  return (
    `${report.period.label}，各单位共向《${report.publicationName}》报送信息${totals.submitted}篇，` +
    `单独采用${totals.single}篇、综合采用${totals.merged}篇，获领导批示${totals.instructions}次。` +
    `现将各单位信息报送和采用情况按得分排名通报如下。`
  );
}

const TABLE_HEADINGS = ['名次', '单位', '报送', '单独采用', '综合采用', '采用率', '得分'] as const;

function tableCells(row: UnitAdoptionRow): string[] {
  return [String(row.rank), row.unit, String(row.submitted), String(row.single), String(row.merged), formatRate(row.rate), formatPoints(row.points)];
}

const REPORT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font: 16pt/28.95pt ${FONT_STACKS.fangsong}; color: #000; }
h1 { margin: 0 0 28.95pt; font: 22pt/1.4 ${FONT_STACKS.xiaobiaosong}; text-align: center; font-weight: normal; }
p.intro { margin: 0 0 14pt; text-indent: 2em; text-align: justify; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; }
thead { display: table-header-group; }
th { font-family: ${FONT_STACKS.hei}; font-weight: normal; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: center; }
td.unit { text-align: left; }
tr { break-inside: avoid; }
.closing { margin-top: 28.95pt; text-align: right; break-inside: avoid; }
.closing p { margin: 0; padding-right: 2em; }
`;

/** The 通报 as one self-contained HTML document (fonts from the warm page, as for issues). */
export function renderAdoptionReportHtml(report: AdoptionReport): string {
  const head = `<tr>${TABLE_HEADINGS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr>`;
  const body = report.rows
    .map((row) => `<tr>${tableCells(row).map((cell, i) => (i === 1 ? `<td class="unit">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(adoptionReportTitle(report))}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${escapeHtml(adoptionReportTitle(report))}</h1>
<p class="intro">${escapeHtml(adoptionIntroduction(report))}</p>
<table><thead>${head}</thead><tbody>
${body}
</tbody></table>
<div class="closing"><p>${escapeHtml(report.publisher)}</p><p>${escapeHtml(formatChineseDate(report.date))}</p></div>
</body></html>`;
}

export function renderAdoptionReportPdf(report: AdoptionReport): Promise<Buffer> {
  return renderPdf(renderAdoptionReportHtml(report));
}

const mmToTwips = (mm: number): number => Math.round(mm * 56.6929);

function run(text: string, font: keyof typeof FONTS, sizePt: number): TextRun {
  const { eastAsia, latin } = FONTS[font];
  return new TextRun({ text, size: sizePt * 2, font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' } });
}

export async function renderAdoptionReportDocx(report: AdoptionReport): Promise<Buffer> {
  const cell = (text: string, options: { isHeading?: boolean; isUnit?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: options.isUnit ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, options.isHeading ? 'hei' : 'fangsong', 12)],
        }),
      ],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: TABLE_HEADINGS.map((h) => cell(h, { isHeading: true })) }),
      ...report.rows.map((row) => new TableRow({ cantSplit: true, children: tableCells(row).map((text, i) => cell(text, { isUnit: i === 1 })) })),
    ],
  });
  const line = { line: 579, lineRule: 'exact' as const };
  const document = new Document({
    creator: report.publisher,
    title: adoptionReportTitle(report),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) },
          },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 579 }, children: [run(adoptionReportTitle(report), 'xiaobiaosong', 22)] }),
          new Paragraph({ indent: { firstLine: 640 }, spacing: { ...line, after: 280 }, alignment: AlignmentType.JUSTIFIED, children: [run(adoptionIntroduction(report), 'fangsong', 16)] }),
          table,
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { ...line, before: 579 }, indent: { right: 640 }, children: [run(report.publisher, 'fangsong', 16)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: 640 }, children: [run(formatChineseDate(report.date), 'fangsong', 16)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
