import 'server-only';
import { headers } from 'next/headers';
import { userAgent } from 'next/server';

/**
 * Whether this request comes from a phone (its user agent names a mobile device; tablets and
 * desktops do not count). Pages that give a phone another layout decide with it on the server, so
 * one layout is rendered and nothing is swapped after loading.
 */
export async function isPhoneRequest(): Promise<boolean> {
  return userAgent({ headers: await headers() }).device.type === 'mobile';
}
