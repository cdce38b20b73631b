// The open fonts of the print template (lib/export/fonts.ts), for the print preview in the
// browser. Public: they are OFL fonts from npm, nothing of the office's. Only files under the
// allow-listed @fontsource packages' files/ folders are ever read; anything else is a 404.
import { readFile } from 'node:fs/promises';
import { resolveFontFile } from '@/lib/export/fonts';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const font = resolveFontFile((await params).path);
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
      'Cache-Control': 'public, max-age=31536000, immutable',
      // Fonts are fetched with CORS; a sandboxed preview frame has an opaque origin.
      'Access-Control-Allow-Origin': '*',
    },
  });
}
