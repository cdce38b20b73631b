// Prisma CLI configuration. Only `prisma generate` runs here (migrations are applied by
// ops/schema-engine.ts), so a missing DATABASE_URL must not throw.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
