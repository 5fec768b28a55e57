/**
 * Which Chromium the browser tests and the benchmark drive: CHROMIUM_PATH,
 * then Debian's /usr/bin/chromium, then Playwright's own download. Never
 * downloads anything itself.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', safePlaywrightPath()];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (found) return found;
  throw new Error(
    [
      '找不到可用的 Chromium 浏览器 (no Chromium found for the browser tests).',
      `Tried: ${candidates.filter(Boolean).join(', ') || '(none)'}`,
      'Get one of:',
      '  - Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk',
      '  - any OS: npx playwright install chromium',
      '  - or set CHROMIUM_PATH=/path/to/chrome',
    ].join('\n'),
  );
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
