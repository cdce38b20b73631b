// Per-request CSP with a nonce: Next.js streams inline scripts for hydration, and a nonce is
// the only way to allow those without 'unsafe-inline'. State-changing requests (server
// actions, the JSON endpoint, login) from another origin are refused here with a Chinese 403,
// before Next.js answers them with its own error. Authorization is NOT done here; pages,
// actions and routes check the session themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { isDevelopment } from '@/lib/env';
import { ERROR_CODES } from '@/lib/errors';
import { isAllowedOrigin } from '@/lib/origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function buildContentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Radix and React set style attributes at run time.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method) && !isAllowedOrigin(request.headers)) {
    const { status, message } = ERROR_CODES.BAD_ORIGIN;
    return NextResponse.json({ ok: false, status, code: 'BAD_ORIGIN', message }, { status });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = buildContentSecurityPolicy(nonce, isDevelopment);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Next.js reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Prefetches too: a header must not be a way around the origin check.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
