/**
 * A report's compact index as bytes on disk: read back exactly as built,
 * damaged or stale files refused (the index is then rebuilt and saved
 * again), and the library's search kept in line with the library.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { CrossReportSearch } from '../../../src/core/search/cross-report';
import { buildReportIndex, type ReportIndex } from '../../../src/core/search/report-index';
import { decodeReportIndex, encodeReportIndex } from '../../../src/core/search/report-index-codec';
import {
  addReportFromFile,
  forgetReport,
  syncLibrarySearch,
  type LibraryReport,
} from '../../../src/services/search/report-index-file';
import { segmentWords } from '../../../src/services/search/words';
import { generateReport } from '../../support/generated-reports';
import { useTempFolder } from '../../support/temp-folder';
import { loadReport } from './oracle';

const bundled = loadReport().blocks;
const other = generateReport(bundled, 7);
const index = buildReportIndex(bundled, segmentWords);
const bytes = encodeReportIndex(index);
const folder = useTempFolder('reader-report-index-');

/** Same index: the same bytes (vitest's deep equality takes a second per index of typed arrays). */
const same = (a: ReportIndex | null, b: ReportIndex) =>
  a !== null && Buffer.from(encodeReportIndex(a)).equals(Buffer.from(encodeReportIndex(b)));

/** What a search answers, as plain data. */
const answers = (search: CrossReportSearch) =>
  ['发展', '2018年', '海曙 创新', '污水零直排', '的', '市政'].map((query) => search.search(query));

describe('encoding', () => {
  it('decodes to the very index it encoded, word table included', () => {
    const decoded = decodeReportIndex(bytes)!;
    expect(same(decoded, index)).toBe(true);
    expect(decoded.fingerprint).toBe(index.fingerprint);
    expect(decoded.wordText).toBe(index.wordText);
    expect(decoded.wordText.length).toBeGreaterThan(1000);
    expect([...decoded.counts.subarray(0, 50)]).toEqual([...index.counts.subarray(0, 50)]);
  });

  it('decodes from a view at any offset of a larger buffer', () => {
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(same(decodeReportIndex(padded.subarray(3)), index)).toBe(true);
  });

  it('refuses truncated, padded, foreign or damaged bytes', () => {
    expect(decodeReportIndex(new Uint8Array(0))).toBeNull();
    expect(decodeReportIndex(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeReportIndex(new Uint8Array([...bytes, 0]))).toBeNull();
    expect(decodeReportIndex(new TextEncoder().encode('{"version":1}'.padEnd(200)))).toBeNull();
    const damage = (offset: number, value: number) => {
      const copy = bytes.slice();
      new DataView(copy.buffer).setInt32(offset, value, true);
      return decodeReportIndex(copy);
    };
    expect(damage(4, 99)).toBeNull(); // another format
    expect(damage(12, 2)).toBeNull(); // fewer blocks than the postings name
    // The postings' block numbers begin after the header, fingerprint and 8-byte arrays.
    const blocksAt =
      64 +
      16 +
      (index.keys.length + index.weights.length + index.wordWeights.length) * 8 +
      (index.keys.length + 1) * 4;
    expect(damage(blocksAt, 10_000)).toBeNull();
    expect(damage(blocksAt, -1)).toBeNull();
  });

  it('an index read back searches exactly as the one built', () => {
    const built = new CrossReportSearch();
    built.add('r', bundled, { index });
    const read = new CrossReportSearch();
    read.add('r', bundled, { index: decodeReportIndex(bytes)! });
    expect(answers(read)).toEqual(answers(built));
  });
});

describe('addReportFromFile', () => {
  it('builds and saves the first time, reads the saved index after', async () => {
    const file = join(folder(), 'first.bin');
    const search = new CrossReportSearch();
    expect(await addReportFromFile(search, 'r', bundled, file)).toEqual({ index: 'built' });
    expect(same(decodeReportIndex(await readFile(file)), index)).toBe(true);
    const again = new CrossReportSearch();
    expect(await addReportFromFile(again, 'r', bundled, file)).toEqual({ index: 'saved' });
    expect(answers(again)).toEqual(answers(search));
  });

  it('rebuilds over a damaged file or one of other blocks, and saves the right one', async () => {
    const damaged = join(folder(), 'damaged.bin');
    await writeFile(damaged, bytes.subarray(0, 1000));
    const stale = join(folder(), 'stale.bin');
    await writeFile(stale, encodeReportIndex(buildReportIndex(other)));
    for (const file of [damaged, stale]) {
      const search = new CrossReportSearch();
      expect(await addReportFromFile(search, 'r', bundled, file)).toEqual({ index: 'built' });
      expect(same(decodeReportIndex(await readFile(file)), index)).toBe(true);
    }
  });

  it('a save that fails leaves the search working and says why', async () => {
    const file = join(folder(), 'no-such-folder', 'index.bin');
    const search = new CrossReportSearch();
    const added = await addReportFromFile(search, 'r', bundled, file);
    expect(added.index).toBe('built');
    expect((added.saveError as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(search.search('污水零直排').count).toBe(2);
  });
});

describe('syncLibrarySearch', () => {
  it('adds the reports missing, removes the ones gone, and reads no blocks it does not need', async () => {
    const read: string[] = [];
    const report = (id: string, blocks: typeof bundled): LibraryReport => ({
      id,
      indexFile: join(folder(), `${id}.bin`),
      blocks: async () => {
        read.push(id);
        return blocks;
      },
    });
    const search = new CrossReportSearch();
    await syncLibrarySearch(search, [report('a', bundled), report('b', other)]);
    expect(search.reports()).toEqual(['a', 'b']);
    const added = await syncLibrarySearch(search, [
      report('b', other),
      report('__proto__', bundled),
    ]);
    expect(search.reports()).toEqual(['b', '__proto__']);
    expect([...added.keys()]).toEqual(['__proto__']);
    expect(read).toEqual(['a', 'b', '__proto__']);
    expect(search.search('污水零直排').groups.map((group) => group.report)).toEqual(['__proto__']);
  });

  it("overlapping syncs read each report once and add it once: the second waits for the first one's load", async () => {
    const read: string[] = [];
    const report = (id: string, blocks: typeof bundled): LibraryReport => ({
      id,
      indexFile: join(folder(), `overlap-${id}.bin`),
      blocks: async () => {
        read.push(id);
        return blocks;
      },
    });
    const shelf = [report('a', bundled), report('b', other), report('c', bundled)];
    const search = new CrossReportSearch();
    // Three searches asked before the first has taken any report in (keystrokes in a row).
    const synced = await Promise.all([
      syncLibrarySearch(search, shelf),
      syncLibrarySearch(search, shelf),
      syncLibrarySearch(search, shelf),
    ]);
    expect(read).toEqual(['a', 'b', 'c']);
    expect(search.reports()).toEqual(['a', 'b', 'c']);
    // Each index built once and saved; every sync came back with every report in.
    for (const added of synced) {
      expect([...added.keys()]).toEqual(['a', 'b', 'c']);
      expect([...added.values()].every((how) => how.index === 'built')).toBe(true);
    }
    expect(
      same(
        decodeReportIndex(await readFile(shelf[1].indexFile!)),
        buildReportIndex(other, segmentWords),
      ),
    ).toBe(true);
    expect(search.search('污水零直排').groups.map((group) => group.report)).toEqual(['a', 'c']);
  });

  it('a report forgotten while its load is under way is not added by it; the next sync takes its new text in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const indexFile = join(folder(), 'forgotten.bin');
    const before: LibraryReport = {
      id: 'r',
      indexFile,
      blocks: async () => {
        await gate;
        return bundled;
      },
    };
    const search = new CrossReportSearch();
    const first = syncLibrarySearch(search, [before]);
    // Its text changed (another edition) while it was being read.
    forgetReport(search, 'r');
    release();
    await first;
    expect(search.has('r')).toBe(false);
    const after: LibraryReport = { id: 'r', indexFile, blocks: async () => other };
    expect((await syncLibrarySearch(search, [after])).get('r')).toEqual({ index: 'built' });
    expect(search.search('污水零直排').count).toBe(0);
    expect(
      same(decodeReportIndex(await readFile(indexFile)), buildReportIndex(other, segmentWords)),
    ).toBe(true);
  });

  it('with no file (a folder it may not write) builds the index in memory and saves nothing', async () => {
    const search = new CrossReportSearch();
    const added = await syncLibrarySearch(search, [
      { id: 'r', indexFile: null, blocks: async () => bundled },
    ]);
    expect(added.get('r')).toEqual({ index: 'built' });
    expect(search.search('污水零直排').count).toBe(2);
    await expect(stat(join(folder(), 'null'))).rejects.toThrow();
  });

  it('a load that fails is tried again by the next sync', async () => {
    let fail = true;
    const report: LibraryReport = {
      id: 'r',
      indexFile: join(folder(), 'retry.bin'),
      blocks: async () => {
        if (fail) throw new Error('unreadable');
        return bundled;
      },
    };
    const search = new CrossReportSearch();
    await expect(syncLibrarySearch(search, [report])).rejects.toThrow('unreadable');
    fail = false;
    expect((await syncLibrarySearch(search, [report])).get('r')?.index).toBe('built');
    expect(search.has('r')).toBe(true);
  });
});
