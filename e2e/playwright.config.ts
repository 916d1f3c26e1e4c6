import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium-flags.js';

/*
 * Browser tests: Debian's Chromium (never a downloaded browser) with a fake
 * camera and microphone, against the real server and the real media worker,
 * started once by global-setup.
 */
export default defineConfig({
  testDir: './specs',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1180, height: 820 },
    permissions: ['camera', 'microphone'],
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
