// The open fonts of the print template (lib/export/fonts.ts), for the print preview in the
// browser. The open fonts are public (OFL fonts from npm); the office's own fonts from FONT_DIR
// only for signed-in users. Only files under the allow-listed @fontsource packages' files/
// folders or listed in FONT_DIR are ever read; anything else is a 404.
import { readFile } from 'node:fs/promises';
import { getCurrentUser } from '@/lib/auth';
import { OFFICE_FONT_SEGMENT, resolveFontFile } from '@/lib/export/fonts';

function notFound(): Response {
  return new Response('字体文件不存在。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const segments = (await params).path;
  // The office's licensed fonts (FONT_DIR) are for signed-in users' previews only.
  if (segments[0] === OFFICE_FONT_SEGMENT && !(await getCurrentUser())) return notFound();
  const font = resolveFontFile(segments);
  if (!font) return notFound();
  let data: Buffer;
  try {
    data = await readFile(font.filePath);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': font.contentType,
      'Content-Length': String(data.byteLength),
      // The template's URLs carry the package version (?v=), so a file never changes under them.
      'Cache-Control': segments[0] === OFFICE_FONT_SEGMENT ? 'private, max-age=86400' : 'public, max-age=31536000, immutable',
      // Fonts are fetched with CORS; a sandboxed preview frame has an opaque origin.
      'Access-Control-Allow-Origin': '*',
    },
  });
}
