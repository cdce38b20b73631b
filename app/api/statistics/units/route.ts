import { NextResponse, type NextRequest } from 'next/server';
import { toActionError } from '@/lib/action';
import { requireUser } from '@/lib/auth';
import { getBeijingToday } from '@/lib/dates';
import { CONTENT_TYPES } from '@/lib/content-types';
import { getAdoptionReport, renderAdoptionFile } from '@/lib/data/unit-adoption';
import { adoptionFileName } from '@/lib/export/adoption-report';
import { AppError } from '@/lib/errors';
import { AREA_ROLES } from '@/lib/roles';
import { resolveAdoptionPeriod } from '@/lib/units/points';
import { ZUnitAdoptionQuery } from '@/lib/validations/units';

/** GET /api/statistics/units?format=csv|xlsx|pdf|docx&year=&quarter= (or &from=&to=): 采用统计 per unit and the 通报. */
export async function GET(request: NextRequest) {
  try {
    await requireUser(AREA_ROLES.statistics);
    const params = request.nextUrl.searchParams;
    const format = params.get('format');
    if (format !== 'csv' && format !== 'xlsx' && format !== 'pdf' && format !== 'docx') throw new AppError('INVALID_INPUT', '导出格式须为 CSV、XLSX、PDF 或 DOCX。');
    const today = getBeijingToday();
    const period = resolveAdoptionPeriod(ZUnitAdoptionQuery.parse(Object.fromEntries(params)), Number(today.slice(0, 4)));
    const report = await getAdoptionReport(period, today);
    const bytes = await renderAdoptionFile(report, format);
    return new NextResponse(new Uint8Array(bytes), {
      headers: {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="adoption.${format}"; filename*=UTF-8''${encodeURIComponent(adoptionFileName(report, format))}`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const result = toActionError(error);
    return NextResponse.json(result, { status: result.ok ? 200 : result.status });
  }
}
