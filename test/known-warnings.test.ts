// The pg warning that @prisma/adapter-pg causes is kept out of the console; every other warning
// still prints (scripts/known-warnings.mjs). With the real pg, three queries sent at once on one
// connection, as the adapter does inside an interactive transaction.
import { describe, expect, it } from 'vitest';
import { KNOWN_WARNINGS } from '@/scripts/known-warnings.mjs';
import { runNode } from '@/test/support/script';

const CHILD = `
import pg from 'pg';
if (process.env.HIDE === '1') (await import('./scripts/known-warnings.mjs')).hideKnownWarnings();
const client = new pg.Client(process.env.DATABASE_URL);
await client.connect();
await Promise.all([client.query('SELECT 1'), client.query('SELECT 2'), client.query('SELECT 3')]);
await client.end();
process.emitWarning('another warning', 'DeprecationWarning');
`;

async function runChild(hide: boolean): Promise<string> {
  return (await runNode(['--input-type=module', '-e', CHILD], { HIDE: hide ? '1' : '0' })).stderr;
}

describe('hideKnownWarnings', () => {
  it('keeps pg’s busy-connection warning out and lets every other warning through', async () => {
    const [shown, hidden] = await Promise.all([runChild(false), runChild(true)]);
    // Without the filter pg prints it: the filter matches what pg really says.
    expect(shown).toContain(KNOWN_WARNINGS[0]);
    expect(hidden).not.toContain(KNOWN_WARNINGS[0]);
    expect(hidden).toContain('DeprecationWarning: another warning');
  });
});
