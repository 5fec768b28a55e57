/**
 * The page's own copy of the search index (src/renderer/lib/local-search.ts),
 * as tests and the bench see it: held back, or waited for.
 */
import type { Page } from '@playwright/test';

/** On <html> once searches are answered in the page (useSearch.ts sets it). */
export const PAGE_INDEX_READY = 'html[data-search-index="page"]';

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
