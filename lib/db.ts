// The one Prisma client of the process, kept on globalThis so dev reloads reuse it.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getServerEnv } from '@/lib/env';

export { Prisma } from '@/lib/generated/prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(getServerEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}

/** Resolved on first use, so importing this module never needs the environment. */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
