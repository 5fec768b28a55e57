/** Browser mode's WebSocket: queries go over it, inside the CSP, and POST takes over without it. */
import type { Page } from '@playwright/test';
import { searches, watchCalls } from './calls';
import { expect, holdPageIndex, openReader, test } from './fixtures';
import { watchProblems } from './problems';

// These tests are about the bridge's socket: the page must not answer searches itself.
test.beforeEach(async ({ page }) => holdPageIndex(page));

/** WebSocket.OPEN. */
const OPEN = 1;

/**
 * Keeps each socket the page makes where the test can ask how it is; answers
 * how many it has made and the newest one's readyState. Call before the page
 * loads.
 *
 * The page opens its socket once it is idle (at most 2 s after it loads),
 * and a query made before the handshake is done goes by POST, as it should.
 * Under load the handshake takes seconds, so a test that searched as soon
 * as the report was on screen found its search on POST: the tests that
 * want the socket wait until it is open.
 */
async function watchSockets(page: Page): Promise<() => Promise<{ made: number; state?: number }>> {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const made: WebSocket[] = [];
    Object.defineProperty(window, 'madeSockets', { value: made });
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        made.push(this);
      }
    };
  });
  return () =>
    page.evaluate(() => {
      const made = (window as unknown as { madeSockets: WebSocket[] }).madeSockets;
      return { made: made.length, state: made.at(-1)?.readyState };
    });
}

/** The opening waits for the page to be idle, then for the handshake: seconds, under load. */
const OPENING = { timeout: 15_000 };

test('a search goes over the page’s own socket, within the CSP', async ({ page, server }) => {
  const problems = await watchProblems(page);
  const calls = watchCalls(page);
  const sockets: string[] = [];
  const answers: string[] = [];
  page.on('websocket', (socket) => {
    sockets.push(socket.url());
    socket.on('framereceived', ({ payload }) => answers.push(String(payload)));
  });
  const made = await watchSockets(page);
  await openReader(page, server.url);
  await expect.poll(made, OPENING).toEqual({ made: 1, state: OPEN });

  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('民生实事');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');

  // A CSP that did not let the page open its socket would show here first.
  expect(await problems()).toEqual([]);
  expect(sockets).toEqual([`${server.url.replace('http:', 'ws:')}api/socket`]);
  expect(searches(calls)).toEqual([{ query: '民生实事', via: 'socket' }]);
  await expect.poll(() => answers.some((answer) => answer.includes('"hits"'))).toBe(true);
  // The startup calls stay on POST (early-calls.js); no change ever used the socket.
  expect(calls.filter((call) => call.via === 'post').map((call) => call.method)).toEqual(
    expect.arrayContaining(['getDocument', 'getSettings', 'getNotices']),
  );
});

test('changes stay on POST while the socket is open', async ({ page, server }) => {
  const calls = watchCalls(page);
  const sockets = await watchSockets(page);
  await openReader(page, server.url);
  await expect.poll(sockets, OPENING).toEqual({ made: 1, state: OPEN });
  await page.getByRole('searchbox', { name: '搜索' }).fill('月湖');
  await expect(page.locator('.search-status')).toHaveText(/^共 \d+ 处/);
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  // Acting on a search remembers it: a settings change.
  await expect
    .poll(() => calls.filter((call) => call.method === 'updateSettings').map((call) => call.via))
    .toContain('post');
  expect(searches(calls).map((search) => search.via)).toEqual(['socket']);
  expect(calls.filter((call) => call.via === 'socket' && call.method === 'updateSettings')).toEqual(
    [],
  );
});

test('with the socket refused, search still works, over POST', async ({ page, server }) => {
  // Every socket the page opens is closed at once, as a failing server would.
  await page.routeWebSocket(/\/api\/socket$/, (socket) => {
    void socket.close({ code: 1011, reason: 'refused by the test' });
  });
  const calls = watchCalls(page);
  await openReader(page, server.url);
  const box = page.getByRole('searchbox', { name: '搜索' });
  await box.fill('民生实事');
  await expect(page.locator('.search-status')).toHaveText('共 2 处，2 段');
  await box.fill('5G');
  await expect(page.locator('.search-status')).toHaveText('共 1 处，1 段');
  expect(searches(calls)).toEqual([
    { query: '民生实事', via: 'post' },
    { query: '5G', via: 'post' },
  ]);
});

test('with the socket closed by the server, search still works, and the socket comes back', async ({
  page,
  server,
}) => {
  const calls = watchCalls(page);
  const sockets = await watchSockets(page);
  await openReader(page, server.url);
  await expect.poll(sockets, OPENING).toEqual({ made: 1, state: OPEN });
  const box = page.getByRole('searchbox', { name: '搜索' });
  const status = page.locator('.search-status');
  await box.fill('民生实事');
  await expect(status).toHaveText('共 2 处，2 段');
  expect(searches(calls).map((search) => search.via)).toEqual(['socket']);

  // A restart ends every socket from the server's side. The next search goes
  // by POST: at once if the page has seen the close, else after it, when the
  // dropped call is asked again.
  await server.restart();
  await box.fill('5G');
  await expect(status).toHaveText('共 1 处，1 段');
  expect(searches(calls).slice(1)).toContainEqual({ query: '5G', via: 'post' });

  // A search after the back-off (500 ms) reopens the socket; once it is open, the next uses it.
  // (Before, the test searched on until one went by the socket, within 10 s: under load the new
  // socket's handshake could outlast that.)
  const queries: [string, string][] = [
    ['民生实事', '共 2 处，2 段'],
    ['5G', '共 1 处，1 段'],
  ];
  let tries = 0;
  const search = async () => {
    const [query, shown] = queries[tries++ % 2];
    await box.fill(query);
    await expect(status).toHaveText(shown);
  };
  await expect
    .poll(
      async () => {
        await search();
        return (await sockets()).made;
      },
      { intervals: [300] },
    )
    .toBe(2);
  await expect.poll(sockets, OPENING).toEqual({ made: 2, state: OPEN });
  await search();
  expect(searches(calls).at(-1)).toMatchObject({ via: 'socket' });
});
