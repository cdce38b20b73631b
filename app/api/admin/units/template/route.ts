import { NextResponse } from 'next/server';
import { toActionError } from '@/lib/action';
import { requireUser } from '@/lib/auth';
import { CONTENT_TYPES } from '@/lib/content-types';
import { AREA_ROLES } from '@/lib/roles';
import { renderCatalogueTemplate } from '@/lib/units/catalogue-file';

/** GET /api/admin/units/template: the catalogue file to fill in (XLSX). */
export async function GET() {
  try {
    await requireUser(AREA_ROLES.admin);
    return new NextResponse(new Uint8Array(await renderCatalogueTemplate()), {
      headers: {
        'content-type': CONTENT_TYPES.xlsx,
        'content-disposition': `attachment; filename="units.xlsx"; filename*=UTF-8''${encodeURIComponent('单位名录模板.xlsx')}`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const result = toActionError(error);
    return NextResponse.json(result, { status: result.ok ? 200 : result.status });
  }
}
