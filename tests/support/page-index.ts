/**
 * The page's own copy of the search index
 * (src/renderer/features/search/local-search.ts), as tests and the bench see
 * it: held back, or waited for.
 */
import type { Page } from '@playwright/test';
import { PAGE_INDEX_SELECTOR } from '../../src/renderer/instrumentation';

/** On <html> once searches are answered in the page (the instrumentation module names it). */
export const PAGE_INDEX_READY = PAGE_INDEX_SELECTOR;

/**
 * Keeps the page from making its own copy of the search index (the bridge
 * says no), so every search goes to the bridge. Call before the page loads.
 */
export async function holdPageIndex(page: Page): Promise<void> {
  await page.route('**/api/getSearchIndex', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: 'held back by the test' }),
    }),
  );
}
