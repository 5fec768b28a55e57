/** What went wrong on a page that it did not show: CSP violations and console errors. */
import type { Page } from '@playwright/test';

/**
 * CSP violations the page reports, and console errors, from before its first
 * script. Each call answers what happened since the last one, so a test can
 * leave out a moment it causes on purpose (a server restart refuses the
 * page's requests meanwhile).
 */
export async function watchProblems(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...errors.splice(0),
    ...(await page.evaluate(() =>
      (window as unknown as { cspViolations: string[] }).cspViolations.splice(0),
    )),
  ];
}
