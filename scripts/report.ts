// `npm run report -- adoption --year Y [--quarter Q | --from YYYY-MM-DD --to YYYY-MM-DD] --format csv|xlsx|pdf|docx --out FILE [--date YYYY-MM-DD]`
//
// 采用统计 per unit (the CSV: one row per active unit with 单位, 报送, 单独采用, 综合采用, 采用率,
// 得分) or the 信息采用情况通报 (PDF, DOCX) — the same computation and files as the statistics
// page's downloads. --date dates the 通报 (default: today in Beijing).
// Uses DATABASE_URL, or the embedded database (the running app's, or started for the command).
import { writeFile } from 'node:fs/promises';
import { getBeijingToday } from '@/lib/dates';
import { failUsage, parseToolArgs } from '@/ops/tool-args';
import { runToolCommand } from '@/ops/tool-command';
import { customPeriod, quarterPeriod, yearPeriod } from '@/lib/units/points';

const USAGE =
  'npm run report -- adoption --year 年 [--quarter 1-4 | --from YYYY-MM-DD --to YYYY-MM-DD] --format csv|xlsx|pdf|docx --out 文件 [--date YYYY-MM-DD]';

const { values, positionals } = parseToolArgs('report', USAGE, {
  allowPositionals: true,
  options: {
    year: { type: 'string' },
    quarter: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' },
  },
});

function fail(message: string): never {
  return failUsage('report', USAGE, message);
}

const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
if (positionals[0] !== 'adoption' || positionals.length !== 1) fail('报表只有 adoption（信息采用统计）');
const format = values.format;
if (format !== 'csv' && format !== 'xlsx' && format !== 'pdf' && format !== 'docx') fail('--format 须为 csv、xlsx、pdf 或 docx');
if (!values.out) fail('缺少 --out 文件');
if (values.date !== undefined && !isDay(values.date)) fail('--date 须为 YYYY-MM-DD 格式的日期');
let period;
if (values.from !== undefined || values.to !== undefined) {
  if (!isDay(values.from) || !isDay(values.to)) fail('--from 和 --to 须同时给出，都是 YYYY-MM-DD 格式的日期');
  period = customPeriod(values.from, values.to);
} else {
  if (!values.year || !/^\d{4}$/.test(values.year)) fail('--year 须为年份，例如 2023');
  if (values.quarter !== undefined && !/^[1-4]$/.test(values.quarter)) fail('--quarter 须为 1、2、3 或 4');
  period = values.quarter ? quarterPeriod(Number(values.year), Number(values.quarter) as 1 | 2 | 3 | 4) : yearPeriod(Number(values.year));
}

await runToolCommand('report', async ({ onClose }) => {
  const { db } = await import('@/lib/db');
  onClose(() => db.$disconnect());
  const { getAdoptionReport, renderAdoptionFile } = await import('@/lib/data/unit-adoption');
  const { closePdfBrowser } = await import('@/lib/export/pdf');
  onClose(closePdfBrowser);

  const report = await getAdoptionReport(period, values.date ?? getBeijingToday());
  await writeFile(values.out!, await renderAdoptionFile(report, format));
  console.log(`${period.label}：${report.rows.length} 个单位，报送 ${report.totals.submitted} 条，单独采用 ${report.totals.single} 条，综合采用 ${report.totals.merged} 条 → ${values.out}（${format}）`);
});
