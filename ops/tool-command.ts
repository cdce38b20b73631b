// The frame of a command-line tool that works on the database (`npm run export`, `report`,
// `import`, `backup`): DATABASE_URL, or the embedded database (the running app's, or started
// for the command), and everything it opened closed again whatever happens.
import { readLauncherEnv, type LauncherEnv } from '@/lib/env';
import { connectToolDatabase, type EmbeddedDatabase } from '@/ops/embedded-postgres';
import { describeToolError } from '@/ops/tool-args';

export interface ToolCommand {
  env: LauncherEnv;
  databaseUrl: string;
  /** Something to close when the command ends (the Prisma client, the PDF browser); the last registered closes first. */
  onClose: (close: () => Promise<unknown>) => void;
}

/**
 * Runs `run` with the database connected, then closes what it registered and stops the
 * database, and exits: with `run`'s code (0 when it returns none), or 1 after printing
 * `<name>：<message>` when it throws (a file-system failure in Chinese, with its path).
 * DATABASE_URL is set before `run` starts, so the data layer, which reads it from the
 * environment as in the web server, is imported inside `run`.
 */
export async function runToolCommand(name: string, run: (tool: ToolCommand) => Promise<number | void>): Promise<never> {
  const closers: (() => Promise<unknown>)[] = [];
  let database: EmbeddedDatabase | undefined;
  let exitCode = 0;
  try {
    // A bad variable or a database that will not start is said like any other failure.
    const env = readLauncherEnv();
    database = await connectToolDatabase(env);
    process.env.DATABASE_URL = database.url;
    exitCode = (await run({ env, databaseUrl: database.url, onClose: (close) => closers.unshift(close) })) ?? 0;
  } catch (error) {
    console.error(`${name}：${describeToolError(error)}`);
    exitCode = 1;
  } finally {
    for (const close of closers) await close();
    await database?.stop();
  }
  process.exit(exitCode);
}
