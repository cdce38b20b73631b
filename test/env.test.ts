import { expect, it } from 'vitest';
import { readLauncherEnv } from '@/lib/env';

it('applies defaults and treats empty variables as unset', () => {
  const env = readLauncherEnv({ DATABASE_URL: '', PORT: '' });
  expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: '.data', SEED_DEMO: '1' });
  expect(env.DATABASE_URL).toBeUndefined();
  // Unset: the default port, or a free one when it is taken (ops/embedded-postgres.ts).
  expect(env.EMBEDDED_PG_PORT).toBeUndefined();
});

it('rejects bad values with the variable named, in Chinese', () => {
  expect(() => readLauncherEnv({ PORT: 'eighty' })).toThrow(/^环境变量有误：\n {2}PORT：无效输入：期望 数字/);
  expect(() => readLauncherEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL：无效URL/);
  expect(() => readLauncherEnv({ EMBEDDED_PG_PORT: '70000' })).toThrow(/EMBEDDED_PG_PORT：数值过大/);
  expect(readLauncherEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/x', TRUST_PROXY: '1' })).toMatchObject({
    DATABASE_URL: 'postgresql://u:p@db:5432/x',
    TRUST_PROXY: true,
  });
});
