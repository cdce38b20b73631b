// Starts one real PostgreSQL (embedded) for the whole run and builds a template database
// with every migration applied; each test file clones it (see database.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/ops/migrate';
import { readLauncherEnv } from '@/lib/env';
import { startEmbeddedPostgres } from '@/ops/embedded-postgres';
import { freePort } from '@/ops/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const externalUrl = readLauncherEnv().DATABASE_URL;
  let teardown = async () => {};
  let url: string;
  if (externalUrl) {
    url = externalUrl;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'kexie-test-pg-'));
    // Not the default port, which a developer's `npm start` would then have to leave.
    const database = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'kexie_template' });
    url = database.url;
    teardown = async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await migrateDatabase(url);
  project.provide('templateDatabaseUrl', url);
  return teardown;
}
