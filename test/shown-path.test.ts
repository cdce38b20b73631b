import { describe, expect, it } from 'vitest';
import { shownPath } from '@/ops/shown-path';

describe('shownPath', () => {
  it('is relative inside the project folder', () => {
    expect(shownPath('/work/app/.data/demo-accounts.txt', '/work/app')).toBe('.data/demo-accounts.txt');
    expect(shownPath('/work/app', '/work/app')).toBe('.');
  });

  it('is absolute outside it, not a climb of ../..', () => {
    expect(shownPath('/tmp/fd/demo-accounts.txt', '/work/app')).toBe('/tmp/fd/demo-accounts.txt');
    expect(shownPath('/work/other/x', '/work/app')).toBe('/work/other/x');
  });
});
