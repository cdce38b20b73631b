import { expect, it } from 'vitest';
import { readLauncherEnv } from '@/lib/env';

it('applies defaults and treats empty variables as unset', () => {
  const env = readLauncherEnv({ DATABASE_URL: '', PORT: '' });
  expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', EMBEDDED_PG_PORT: 54329, DATA_DIR: '.data', SEED_DEMO: '1' });
  expect(env.DATABASE_URL).toBeUndefined();
});

it('rejects bad values with the variable named', () => {
  expect(() => readLauncherEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => readLauncherEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL/);
  expect(readLauncherEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/x', TRUST_PROXY: '1' })).toMatchObject({
    DATABASE_URL: 'postgresql://u:p@db:5432/x',
    TRUST_PROXY: true,
  });
});
