import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser-path';

export default defineConfig({
  outputDir: 'test-results/artifacts',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/report' }]],
  workers: 2,
  retries: 0,
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
      },
    },
    {
      // Runs the real Electron app where its binary exists; skips with a reason elsewhere.
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
});
