import { NextResponse, type NextRequest } from 'next/server';
import { toActionError } from '@/lib/action';
import { requireUser } from '@/lib/auth';
import { CONTENT_TYPES } from '@/lib/content-types';
import { resolvePublication } from '@/lib/data/publication';
import { getAdoptionStatistics } from '@/lib/data/statistics';
import { renderStatisticsCsv, renderStatisticsXlsx, statisticsFileName } from '@/lib/export/statistics-file';
import { AppError } from '@/lib/errors';
import { PUBLICATION_PARAM, readPublicationParam } from '@/lib/publication-param';
import { AREA_ROLES } from '@/lib/roles';
import { ZStatisticsQuery } from '@/lib/validations/statistics';

/** GET /api/statistics/export?format=csv|xlsx&fromYear=&toYear=&granularity=&section= */
export async function GET(request: NextRequest) {
  try {
    await requireUser(AREA_ROLES.statistics);
    const params = request.nextUrl.searchParams;
    const format = params.get('format');
    if (format !== 'csv' && format !== 'xlsx') throw new AppError('INVALID_INPUT', '导出格式须为 CSV 或 XLSX。');
    const publication = await resolvePublication(readPublicationParam(params.get(PUBLICATION_PARAM)));
    const stats = await getAdoptionStatistics(ZStatisticsQuery.parse(Object.fromEntries(params)), publication.id);
    const bytes = format === 'csv' ? renderStatisticsCsv(stats) : await renderStatisticsXlsx(stats);
    return new NextResponse(new Uint8Array(bytes), {
      headers: {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="statistics.${format}"; filename*=UTF-8''${encodeURIComponent(statisticsFileName(stats, format))}`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const result = toActionError(error);
    return NextResponse.json(result, { status: result.ok ? 200 : result.status });
  }
}
