/**
 * A file sent to browser mode's bridge when the bridge is gone (its terminal
 * closed, Ctrl+C) or goes mid-parse: the reader is told in one Chinese
 * sentence what to do, never the browser's English 'Failed to fetch'.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadReport } from '../../../../src/renderer/api/upload';

afterEach(() => vi.unstubAllGlobals());

const file = { fileName: '江北.pdf', bytes: new Uint8Array([1, 2, 3]) };

describe('adding a file in browser mode, the bridge gone', () => {
  it('before the upload: one sentence that says what to do', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const answer = await uploadReport(file, () => undefined);
    expect(answer.ok).toBe(false);
    const error = !answer.ok ? answer.error : '';
    expect(error).toMatch(/^[^。]+请[^。]+。$/);
    expect(error).not.toContain('Failed to fetch');
  });

  it('while the file is parsed (progress came, no result): the same kind of sentence', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('{"progress":{"fileName":"江北.pdf","stage":"read","done":0,"total":1}}\n', {
            headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' },
          }),
      ),
    );
    const answer = await uploadReport(file, () => undefined);
    const error = !answer.ok ? answer.error : '';
    expect(error).toMatch(/^[^。]+请[^。]+。$/);
  });
});
