// `npm start` builds only when the sources changed since the last build: a fingerprint of
// every build input (path, size, mtime) is kept next to the build output.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';

const INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'types',
  'prisma/schema.prisma',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const SKIP = new Set(['node_modules', '.next', 'generated']);
const FINGERPRINT_FILE = '.next/source-fingerprint';

async function* walk(target: string): AsyncGenerator<string> {
  const info = await stat(target).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) {
    yield target;
    return;
  }
  const entries = await readdir(target, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    yield* walk(path.join(target, entry.name));
  }
}

export async function computeSourceFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for await (const file of walk(path.join(root, input))) {
      const info = await stat(file);
      hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

export async function isBuildCurrent(root: string): Promise<boolean> {
  const file = path.join(root, FINGERPRINT_FILE);
  if (!existsSync(path.join(root, '.next/BUILD_ID')) || !existsSync(file)) return false;
  return (await readFile(file, 'utf8')) === (await computeSourceFingerprint(root));
}

export function runNode(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Runs `next build` when the sources changed; returns whether it built. */
export async function ensureBuilt(root: string): Promise<boolean> {
  if (await isBuildCurrent(root)) return false;
  const fingerprint = await computeSourceFingerprint(root);
  await runNode([path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root });
  await writeFile(path.join(root, FINGERPRINT_FILE), fingerprint);
  return true;
}
