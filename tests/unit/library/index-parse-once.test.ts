/**
 * Main parses a report's lunr index once: the page's first search asks for
 * the index (to search in the page) and for an answer (main's engine) at
 * the same moment, and the check of the text read from the folder and the
 * engine's load used to parse the same JSON one after the other.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { loadBundledIndex, ok, openLibrary, otherReportText, utf8 } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('index-parse-once');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await removeTempDir(dir);
});

/** Counts the parses of exactly this text from now on. */
function countParses(text: string): () => number {
  const parse = JSON.parse;
  let count = 0;
  vi.spyOn(JSON, 'parse').mockImplementation((value: string, reviver) => {
    if (value === text) count += 1;
    return parse(value, reviver) as unknown;
  });
  return () => count;
}

/** The page's first search: its own copy of the index, and main's answer meanwhile. */
async function firstSearch(
  handlers: Awaited<ReturnType<typeof openLibrary>>['handlers'],
  report: string,
) {
  const [index, answer] = await Promise.all([
    handlers.getSearchIndex({ report }),
    handlers.search({ report, query: '经济' }),
  ]);
  ok(index);
  expect(ok(answer).total).toBeGreaterThan(0);
  // And the next keystroke, answered by main's engine as it is.
  expect(ok(await handlers.search({ report, query: '经济发展' })).total).toBeGreaterThan(0);
}

describe('a report’s search index is parsed once on main', () => {
  it('a report read from its folder: checked and loaded with one parse', async () => {
    const first = await openLibrary(dir);
    const { report } = ok(
      await first.handlers.addReport({ fileName: '江北.txt', bytes: utf8(otherReportText()) }),
    );
    await first.flush();
    const text = await readFile(
      join(dir, 'library', report.id, report.id, 'search-index.json'),
      'utf8',
    );
    // A new start: the index is read from the folder.
    const { handlers } = await openLibrary(dir);
    const parses = countParses(text);
    await firstSearch(handlers, report.id);
    expect(parses()).toBe(1);
  });

  it('the bundled report, read from the build', async () => {
    const { handlers } = await openLibrary(dir);
    const parses = countParses(await loadBundledIndex());
    await firstSearch(handlers, BUNDLED_REPORT_ID);
    expect(parses()).toBe(1);
  });
});
