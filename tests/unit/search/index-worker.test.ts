/**
 * The worker that builds reports' compact indexes off main's thread: the
 * bytes it answers are the very index built here, from blocks or from a
 * stored document; one worker takes every request that comes while it is
 * busy, ends once it has nothing to do, and a failed request leaves it
 * (or the next one) serving the rest.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMA_VERSION } from '../../../src/services/library/report-folder';
import { buildEncodedIndex } from '../../../src/services/search/index-build';
import { ReportIndexWorker } from '../../../src/services/search/index-in-worker';
import { generateReport } from '../../support/generated-reports';
import { useTempFolder } from '../../support/temp-folder';
import { loadReport } from './oracle';

const report = loadReport();
const other = generateReport(report.blocks, 3);
const folder = useTempFolder('reader-index-worker-');
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The report stored as the library stores it (document.json's envelope), as `name`; answers its path. */
async function storeReport(name: string): Promise<string> {
  const file = join(folder(), name);
  await writeFile(
    file,
    JSON.stringify({ schemaVersion: DOCUMENT_SCHEMA_VERSION, document: report }),
  );
  return file;
}

let worker: ReportIndexWorker | undefined;
afterEach(() => worker?.close());

describe('ReportIndexWorker', () => {
  it('answers the index built here, for blocks and for a stored document, in one worker', async () => {
    worker = new ReportIndexWorker({ idleMs: 100 });
    const file = await storeReport('document.json');
    const [fromBlocks, fromFile, fromOther] = await Promise.all([
      worker.build({ blocks: report.blocks }),
      worker.build({ file, version: report.version }),
      worker.build({ blocks: other }),
    ]);
    const expected = await buildEncodedIndex({ blocks: report.blocks });
    expect(same(fromBlocks, expected)).toBe(true);
    expect(same(fromFile, expected)).toBe(true);
    expect(same(fromOther, await buildEncodedIndex({ blocks: other }))).toBe(true);
    expect(worker.started).toBe(1);
  }, 60_000);

  it('ends when it has nothing left to build; the next request starts another', async () => {
    worker = new ReportIndexWorker({ idleMs: 50 });
    await worker.build({ blocks: other });
    await expect.poll(() => worker!.running, { timeout: 5_000 }).toBe(false);
    const bytes = await worker.build({ blocks: other });
    expect(same(bytes, await buildEncodedIndex({ blocks: other }))).toBe(true);
    expect(worker.started).toBe(2);
  }, 60_000);

  it('a request that fails (a stored document of another edition, or none) fails alone', async () => {
    worker = new ReportIndexWorker({ idleMs: 100 });
    const file = await storeReport('stale.json');
    const [stale, missing, good] = await Promise.allSettled([
      worker.build({ file, version: 'another-edition' }),
      worker.build({ file: join(folder(), 'nothing.json'), version: report.version }),
      worker.build({ blocks: other }),
    ]);
    expect(stale.status).toBe('rejected');
    expect(missing.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
    expect(worker.started).toBe(1);
  }, 60_000);

  it('a worker that dies (out of its heap) fails what it held; the next request gets a new one', async () => {
    worker = new ReportIndexWorker({ idleMs: 100, heapMb: 8 });
    const huge = Array.from({ length: 40 }, () => report.blocks).flat();
    const renamed = huge.map((block, i) => ({ ...block, id: `b${i}` }));
    await expect(worker.build({ blocks: renamed })).rejects.toThrow();
    expect(worker.running).toBe(false);
    const small = new ReportIndexWorker({ idleMs: 100 });
    try {
      expect(
        same(await small.build({ blocks: other }), await buildEncodedIndex({ blocks: other })),
      ).toBe(true);
    } finally {
      small.close();
    }
  }, 120_000);
});
