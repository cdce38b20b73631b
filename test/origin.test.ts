// Which origin a state-changing request must come from (lib/origin.ts).
import { describe, expect, it } from 'vitest';
import { getExpectedOrigin, isAllowedOrigin } from '@/lib/origin';

const direct = { APP_URL: undefined, TRUST_PROXY: false };
const proxied = { APP_URL: undefined, TRUST_PROXY: true };
const published = { APP_URL: 'https://kexie.example.cn', TRUST_PROXY: false };

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe('getExpectedOrigin', () => {
  it('is the request’s own scheme, host and port without a proxy, whatever it forwards', () => {
    const forged = headers({ host: 'localhost:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(getExpectedOrigin(forged, direct)).toBe('http://localhost:3000');
  });

  it('takes the forwarded host and scheme behind a trusted proxy', () => {
    const forwarded = headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'kexie.example.cn', 'x-forwarded-proto': 'https' });
    expect(getExpectedOrigin(forwarded, proxied)).toBe('https://kexie.example.cn');
  });

  it('is APP_URL when it is set', () => {
    expect(getExpectedOrigin(headers({ host: 'localhost:3000' }), published)).toBe('https://kexie.example.cn');
  });

  it('is nothing for a Host header that is not a host', () => {
    expect(getExpectedOrigin(headers({ host: 'localhost:3000/path' }), direct)).toBeNull();
    expect(getExpectedOrigin(headers({ host: 'user@localhost' }), direct)).toBeNull();
    expect(getExpectedOrigin(headers({}), direct)).toBeNull();
  });
});

describe('isAllowedOrigin', () => {
  const own = { host: 'localhost:3000' };
  it.each([
    ['the same origin', 'http://localhost:3000', true],
    ['the same origin in capitals', 'HTTP://LOCALHOST:3000', true],
    ['another port', 'http://localhost:3001', false],
    ['another scheme', 'https://localhost:3000', false],
    ['another host', 'http://evil.example', false],
    ['null', 'null', false],
    ['a path', 'http://localhost:3000/items', false],
    ['garbage', 'http://', false],
    ['a trailing slash', 'http://localhost:3000/', false],
  ])('%s → %s', (_name, origin, expected) => {
    expect(isAllowedOrigin(headers({ ...own, origin }), direct)).toBe(expected);
  });

  it('lets a request without Origin through (not a browser form from elsewhere)', () => {
    expect(isAllowedOrigin(headers(own), direct)).toBe(true);
  });

  it('compares with APP_URL, default ports included', () => {
    expect(isAllowedOrigin(headers({ host: 'internal:3000', origin: 'https://kexie.example.cn' }), published)).toBe(true);
    expect(isAllowedOrigin(headers({ host: 'internal:3000', origin: 'https://kexie.example.cn:443' }), published)).toBe(false);
    expect(isAllowedOrigin(headers({ host: 'internal:3000', origin: 'http://internal:3000' }), published)).toBe(false);
  });
});
