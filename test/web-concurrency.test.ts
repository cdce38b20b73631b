// How many web-server processes `npm start` runs (scripts/serve.mjs).
import { describe, expect, it } from 'vitest';
import { webConcurrency } from '@/scripts/serve.mjs';

describe('webConcurrency', () => {
  it('runs one process per core by default, at most four', () => {
    expect(webConcurrency({}, false, 1)).toBe(1);
    expect(webConcurrency({}, false, 2)).toBe(2);
    expect(webConcurrency({}, false, 16)).toBe(4);
  });

  it('takes WEB_CONCURRENCY when it is a whole number of at least one', () => {
    expect(webConcurrency({ WEB_CONCURRENCY: '3' }, false, 2)).toBe(3);
    expect(webConcurrency({ WEB_CONCURRENCY: '1' }, false, 8)).toBe(1);
    for (const value of ['0', '-2', 'many', '']) expect(webConcurrency({ WEB_CONCURRENCY: value }, false, 2)).toBe(2);
  });

  it('runs one process in dev mode whatever is configured', () => {
    expect(webConcurrency({ WEB_CONCURRENCY: '4' }, true, 8)).toBe(1);
  });
});
