// PostgreSQL's query plans, for the tests that check a query reads an index rather than every row.
import { db, Prisma } from '@/lib/db';

/**
 * PostgreSQL's plan for `sql` as text: EXPLAIN, or EXPLAIN ANALYZE (which runs it and adds the
 * rows each step returned); through `client`, e.g. a transaction with its own planner settings.
 */
export async function explain(sql: Prisma.Sql, { analyze = false, client = db }: { analyze?: boolean; client?: Pick<Prisma.TransactionClient, '$queryRaw'> } = {}): Promise<string> {
  const rows = await client.$queryRaw<{ 'QUERY PLAN': string }[]>(analyze ? Prisma.sql`EXPLAIN ANALYZE ${sql}` : Prisma.sql`EXPLAIN ${sql}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
