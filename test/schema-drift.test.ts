// Fails when prisma/schema.prisma and prisma/migrations disagree: run
// `npm run db:new-migration -- <name>` after changing the schema.
import { expect, it } from 'vitest';
import { diffMigrationsToSchema } from '@/ops/schema-engine';
import { withScratchDatabase } from '@/test/support/scratch-database';

it('the migrations produce exactly the schema in schema.prisma', async () => {
  const sql = await withScratchDatabase((databaseUrl) => diffMigrationsToSchema({ databaseUrl }));
  expect(sql, `schema.prisma and prisma/migrations have drifted apart; missing SQL:\n${sql}`).toBe('');
});
