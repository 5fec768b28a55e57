/**
 * The spare parse worker's lifecycle, in a file of its own (the spare is the
 * module's, and the warm-worker tests leave one waiting): it ends when no
 * file came for it in time, a file then gets a worker of its own, and the
 * spare for the next file is warmed after it, when main has room for one.
 */
import { describe, expect, it } from 'vitest';
import {
  parseReportFileInWorker,
  spareWaiting,
  warmParseWorker,
} from '../../../src/services/report-file/parse-in-worker';
import { reportText } from '../report/helpers';

describe("the spare worker's lifecycle", () => {
  it('ends when no file came for it in time; the next file starts a worker of its own, and warms the next spare', async () => {
    warmParseWorker(300);
    expect(spareWaiting()).toBe(true);
    await expect.poll(spareWaiting, { timeout: 10_000 }).toBe(false);
    const text = new TextEncoder().encode(reportText());
    const parsed = await parseReportFileInWorker(
      { bytes: text },
      { index: true, keepWarm: true, spareRssLimit: Infinity },
    );
    expect(parsed.document.blocks.length).toBeGreaterThan(30);
    // Warmed again two seconds after the file was read.
    await expect.poll(spareWaiting, { timeout: 10_000 }).toBe(true);
    // Taken by the next file: no longer waiting.
    const next = parseReportFileInWorker({ bytes: text });
    expect(spareWaiting()).toBe(false);
    expect((await next).document).toEqual(parsed.document);
  }, 60_000);

  it('warms no spare after a file when main holds more memory than the limit', async () => {
    const text = new TextEncoder().encode(reportText());
    const keep = { index: true, keepWarm: true };
    await parseReportFileInWorker({ bytes: text }, { ...keep, spareRssLimit: 0 });
    // Past the two seconds after which it would have been warmed.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(spareWaiting()).toBe(false);
    // With room for it, the same file is followed by a spare.
    await parseReportFileInWorker({ bytes: text }, { ...keep, spareRssLimit: Infinity });
    await expect.poll(spareWaiting, { timeout: 10_000 }).toBe(true);
  }, 60_000);
});
