import { defineConfig, devices } from '@playwright/test';
import { getToolEnv } from './lib/env';
import { E2E_DATA_DIR, E2E_PG_PORT, E2E_PORT } from './e2e/fixtures/server';

const chromiumPath = getToolEnv().CHROMIUM_PATH;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
  ],
  webServer: {
    // A fresh data folder per run: the demo seed and its printed passwords are part of what is tested.
    command: `rm -rf ${E2E_DATA_DIR} && exec node --conditions=react-server --import tsx scripts/start.ts`,
    url: `http://localhost:${E2E_PORT}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(E2E_PG_PORT),
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: '',
      SEED_DEMO: '1',
    },
  },
});
