// Which origin a state-changing request must come from: APP_URL when it is set, otherwise the
// request's own (scheme, host and port). Forwarded headers count only behind a trusted proxy
// (TRUST_PROXY); without one, scripts/web-worker.mjs drops them before Next.js sees the request.
import { getOriginEnv, type OriginEnv } from '@/lib/env';

function firstValue(header: string | null): string | null {
  return header?.split(',')[0]?.trim() || null;
}

/** The app's own origin as the client must see it, or null when the Host header is unusable. */
export function getExpectedOrigin(headers: Headers, env: OriginEnv = getOriginEnv()): string | null {
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  const host = (env.TRUST_PROXY ? firstValue(headers.get('x-forwarded-host')) : null) ?? headers.get('host');
  const scheme = (env.TRUST_PROXY ? firstValue(headers.get('x-forwarded-proto')) : null) ?? 'http';
  if (!host || !/^https?$/.test(scheme)) return null;
  try {
    const url = new URL(`${scheme}://${host}`);
    // A Host header with a path, credentials or a query is not a host.
    return url.host.toLowerCase() === host.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request may be served. A missing Origin is allowed (browsers send
 * one with every cross-site POST, so its absence is a script or a same-origin tool, not a
 * forged form); `null`, a malformed one or another site's is refused.
 */
export function isAllowedOrigin(headers: Headers, env: OriginEnv = getOriginEnv()): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  const expected = getExpectedOrigin(headers, env);
  // Browsers send the serialised origin (scheme://host[:port], the default port left out),
  // which is what URL.origin produces: anything else is malformed.
  return expected !== null && origin.toLowerCase() === expected;
}
