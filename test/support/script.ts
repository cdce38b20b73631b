// One of the project's scripts run as `npm run` runs it (Node with tsx, under the react-server
// condition), or plain Node, for tests of what a user sees on the terminal.
import { spawn } from 'node:child_process';

/** A stack trace's line ("    at fn (file:1:2)"): what a user should not be shown for an error they can fix. */
export const STACK_LINE = /^\s+at .+:\d+/m;

/** A finished process: its exit code and what it printed. */
type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs `scripts/<script>.ts` with `args`, the environment changed by `env`; its exit code and what it printed. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return runNode(['--conditions=react-server', '--import', 'tsx', `scripts/${script}.ts`, ...args], env);
}

/** Runs Node.js with `args` (plain, no TypeScript loader), the environment changed by `env`. */
export function runNode(args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
