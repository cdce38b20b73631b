import { uiFontFaceCss } from '@/lib/export/fonts';

// Built once per server process: it only depends on the installed font package.
let css: string | undefined;

export function GET(): Response {
  css ??= uiFontFaceCss('/fonts');
  return new Response(css, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
