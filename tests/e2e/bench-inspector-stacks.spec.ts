/**
 * The bench's pages run without the stack traces Playwright's DevTools session
 * has V8 take for every Error (bench/inspector-stacks.ts): an uncaught Error
 * then reaches DevTools with no frames, where with the stacks on it comes with
 * the frame that threw.
 */
import { expect, test, type Page } from '@playwright/test';
import { withoutInspectorStacks } from '../../bench/inspector-stacks';

/** The frames DevTools got with an Error thrown (uncaught) in a named function of the page. */
async function framesOfThrownError(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  // This session's own Runtime domain asks for no stacks either, so only Playwright's decides.
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.setMaxCallStackSizeToCapture', { size: 0 });
  const thrown = new Promise<string[]>((resolve) =>
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
      resolve((exceptionDetails.stackTrace?.callFrames ?? []).map((frame) => frame.functionName)),
    ),
  );
  await page.evaluate(() => {
    setTimeout(function throwsForTheBench() {
      throw new Error('bench stack probe');
    });
  });
  return thrown;
}

test('with the stacks on, DevTools gets the frame that threw', async ({ page }) => {
  await page.goto('about:blank');
  expect(await framesOfThrownError(page)).toContain('throwsForTheBench');
});

test('a bench page gives DevTools no stack', async ({ page }) => {
  await withoutInspectorStacks(page);
  await page.goto('about:blank');
  expect(await framesOfThrownError(page)).toEqual([]);
});
