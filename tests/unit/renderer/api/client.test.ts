/**
 * Browser mode's client: changes reach the bridge one at a time, in the
 * order made, but adding a file (an upload and a parse that may take a
 * minute) holds up none of the changes made after it: a note made meanwhile
 * must not wait, and be lost if the tab closes, behind a PDF being read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, UNREACHABLE } from '../../../../src/renderer/api/client';

let sent: string[];
let finishUpload: () => void;

beforeEach(() => {
  sent = [];
  vi.stubGlobal('window', {});
  vi.stubGlobal('location', new URL('http://127.0.0.1:4317/'));
  // The socket is only ever opened when the page is idle: never, here.
  vi.stubGlobal('requestIdleCallback', () => 1);
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const method = url.slice('/api/'.length);
      sent.push(method);
      if (method === 'addReport') {
        await new Promise<void>((resolve) => (finishUpload = resolve));
        return new Response('{"result":{"ok":true,"value":"added"}}\n', {
          headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' },
        });
      }
      return Response.json({ ok: true, value: method });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('changes in browser mode', () => {
  it('made while a file is being added are sent at once; those made before it go first', async () => {
    const api = createApi();
    const removed = api.removeReport({ report: 'abc123' });
    const adding = api.addReport({ fileName: '报告.pdf', bytes: new Uint8Array([37, 80]) });
    const bookmark = api.createBookmark({ report: 'abc123', block: 'b3' });
    expect(await bookmark).toEqual({ ok: true, value: 'createBookmark' });
    expect(await removed).toEqual({ ok: true, value: 'removeReport' });
    expect(sent).toEqual(['removeReport', 'addReport', 'createBookmark']);
    finishUpload();
    expect(await adding).toEqual({ ok: true, value: 'added' });
  });
});

describe('a bridge that is gone', () => {
  it('answers a call with one Chinese sentence that says what to do, not the browser’s English reason', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const answer = await createApi().createBookmark({ report: 'abc123', block: 'b3' });
    expect(answer).toEqual({ ok: false, error: UNREACHABLE });
    expect(UNREACHABLE.replace('npm run serve', '')).not.toMatch(/[A-Za-z]/);
    expect(UNREACHABLE).toMatch(/^[^。]*请[^。]*。$/);
  });
});
