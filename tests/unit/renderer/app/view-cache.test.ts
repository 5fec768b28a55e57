/**
 * The view cache across a switch of report, in the order the switch runs:
 * the next report is named as it goes in, then the old reader is taken down
 * and saves where it was. The next start must open the report switched to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cachePosition,
  cacheShownReport,
  readViewCache,
} from '../../../../src/renderer/app/view-cache';
import { BUNDLED_REPORT_ID, EMPTY_VIEW, type LibraryReport } from '../../../../src/shared/library';

/** localStorage as the page has it: a string map. */
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
  };
}

const entry = (id: string, block: string) =>
  ({
    id,
    title: id,
    added: '2019-01-01T00:00:00.000Z',
    edition: id,
    editions: [{ id, format: 'text', fileName: 'a.txt', added: '2019-01-01T00:00:00.000Z' }],
    view: { ...EMPTY_VIEW, position: { block, offset: 0 } },
    counts: { annotations: 0, bookmarks: 0 },
  }) as unknown as LibraryReport;

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = fakeStorage();
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the view cache across a switch of report', () => {
  it('keeps the report switched to when the old reader saves its place on the way out', () => {
    cacheShownReport(entry('jiangbei', 'b3'));
    cachePosition('jiangbei', { block: 'b40', offset: 12 });
    // The switch to the bundled report: named first, then the old reader goes.
    cacheShownReport(entry(BUNDLED_REPORT_ID, 'b7'));
    cachePosition('jiangbei', { block: 'b41', offset: 0 });
    expect(readViewCache()).toMatchObject({
      report: BUNDLED_REPORT_ID,
      position: { block: 'b7', offset: 0 },
    });
    // The report on screen keeps its place as it is read.
    cachePosition(BUNDLED_REPORT_ID, { block: 'b9', offset: 4 });
    expect(readViewCache()).toMatchObject({
      report: BUNDLED_REPORT_ID,
      position: { block: 'b9', offset: 4 },
    });
  });

  it('an empty cache is the bundled report’s', () => {
    cachePosition(BUNDLED_REPORT_ID, { block: 'b2', offset: 0 });
    expect(readViewCache().position).toEqual({ block: 'b2', offset: 0 });
    cachePosition('jiangbei', { block: 'b5', offset: 0 });
    expect(readViewCache()).toEqual({ position: { block: 'b2', offset: 0 } });
  });
});
