// `npm test`: every test. Unit and integration tests (Vitest, real embedded PostgreSQL), then
// the browser journeys (Playwright, system Chromium) against a production build.
import path from 'node:path';
import { ensureBuilt, runNode } from '@/ops/build';

const root = process.cwd();
const steps: { name: string; args: string[] }[] = [
  { name: 'unit', args: [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run'] },
  { name: 'e2e', args: [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test'] },
];

const failed: string[] = [];
for (const step of steps) {
  if (step.name === 'e2e') await ensureBuilt(root);
  try {
    await runNode(step.args, { cwd: root });
  } catch {
    failed.push(step.name);
  }
}
console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll test suites passed.');
process.exit(failed.length ? 1 : 0);
