// The schema of a database as sorted lines of text, read from PostgreSQL's catalog: two databases
// with the same lines have the same tables, columns, types, defaults, constraints, indexes,
// functions, triggers, enums (labels in order), sequences and storage options. Migration
// bookkeeping (`_prisma_migrations`) is left out. Column order is left out too: nothing reads
// rows by position.
import pg from 'pg';

const QUERIES = [
  `SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
          || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
          || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
          || COALESCE(' STATISTICS ' || a.attstattarget, '') || ' COLLATION ' || a.attcollation AS line
   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
  `SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
   FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public'`,
  `SELECT 'index ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`,
  `SELECT 'function ' || pg_get_functiondef(p.oid) AS line
   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
  `SELECT 'trigger ' || pg_get_triggerdef(t.oid) AS line
   FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
   FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = 'public' GROUP BY t.typname`,
  `SELECT 'sequence ' || sequencename || ' ' || data_type::text AS line FROM pg_sequences WHERE schemaname = 'public'`,
  `SELECT 'extension ' || extname AS line FROM pg_extension`,
  `SELECT 'storage ' || c.relname || ' ' || array_to_string(c.reloptions, ',') AS line
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.reloptions IS NOT NULL`,
];

export async function schemaFingerprint(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const sql of QUERIES) lines.push(...(await client.query<{ line: string }>(sql)).rows.map((r) => r.line));
    return lines.filter((line) => !line.includes('_prisma_migrations')).sort();
  } finally {
    await client.end();
  }
}
