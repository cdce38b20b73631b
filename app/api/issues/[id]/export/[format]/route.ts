import { NextResponse } from 'next/server';
import { toActionError } from '@/lib/action';
import { requireUser } from '@/lib/auth';
import { getPublishedExport, renderDraftExport, type ExportFile } from '@/lib/data/exports';
import { getPrintIssueWithStatus } from '@/lib/data/issue-print';
import { AppError } from '@/lib/errors';
import { AREA_ROLES, hasAnyRole } from '@/lib/roles';
import { parseId } from '@/lib/route-params';

/** `attachment` with an ASCII fallback name and the real Chinese name (RFC 6266 / 5987). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function fileResponse(file: ExportFile, isFinal: boolean): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.length),
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': isFinal ? 'private, max-age=31536000, immutable' : 'private, no-store',
      ETag: `"${file.sha256}"`,
      'X-Content-SHA256': file.sha256,
    },
  });
}

/**
 * A published issue's stored PDF or DOCX, for everyone who may read published issues; a draft
 * PDF or DOCX (样稿, the DOCX with open 修订 as Word revisions) of an unpublished issue for
 * editors and reviewers; 404 for anything else.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  try {
    const { id: rawId, format } = await params;
    const id = parseId(rawId);
    if (id === null || (format !== 'pdf' && format !== 'docx')) throw new AppError('NOT_FOUND', '文件不存在。');
    const user = await requireUser(AREA_ROLES.published);
    const found = await getPrintIssueWithStatus(id, { keepSuggestions: format === 'docx' });
    if (!found) throw new AppError('NOT_FOUND', '该期不存在。');
    if (found.status === 'PUBLISHED') return fileResponse(await getPublishedExport(id, format, found.print), true);
    // Unpublished issues do not exist for staff.
    if (!hasAnyRole(user.roles, AREA_ROLES.assembly)) throw new AppError('NOT_FOUND', '该期不存在或尚未发布。');
    return fileResponse(await renderDraftExport(found.print, format), false);
  } catch (error) {
    const result = toActionError(error);
    return NextResponse.json(result, { status: result.status });
  }
}
