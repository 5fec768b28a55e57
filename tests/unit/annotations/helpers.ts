/**
 * Fixtures for the annotation tests: the real report as a document, valid
 * stored annotations, and a writer whose writes can be made to fail on demand.
 */
import * as fs from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import type { WriterIo } from '../../../src/services/storage/atomic-write';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { documentText } from '../../../src/core/report/doc-text';
import type { Annotation, UserData } from '../../../src/shared/user-data';
import { reportBytes } from '../report/helpers';

export const REPORT = parseReportBytes(reportBytes());
export const DOC = documentText(REPORT.blocks);

/** The range of the `occurrence`-th `quote` in the document text. */
export function rangeOf(quote: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = DOC.text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture: ${quote} is not in the report`);
  return { start: at, end: at + quote.length };
}

/** A stored annotation that passes the schema; `n` makes it distinct. */
export function annotation(n: number, changes: Partial<Annotation> = {}): Annotation {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  return {
    id: `a${n}`,
    created: at,
    modified: at,
    color: 'c2',
    note: `第 ${n} 条笔记`,
    tags: [`标签${n}`],
    target: {
      documentVersion: REPORT.version,
      quote: { type: 'TextQuoteSelector', exact: `引文${n}`, prefix: '前', suffix: '后' },
      position: { type: 'TextPositionSelector', start: n, end: n + 3 },
    },
    ...changes,
  };
}

export const dataWith = (...annotations: Annotation[]): UserData => ({
  annotations,
  bookmarks: [],
  terms: [],
});

export type WriteFault = 'none' | 'short' | 'enospc';

/**
 * The real fs/promises, except that `fault` decides what file writes do:
 * `short` writes half and then reports 0 bytes, `enospc` writes a little and
 * then fails the way a full disk does.
 */
export function faultyIo(): { io: WriterIo; fault: { mode: WriteFault; once?: boolean } } {
  const fault: { mode: WriteFault; once?: boolean } = { mode: 'none' };
  const open = (async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    // `once`: only the next file opened fails; the ones after it write normally.
    const mode = fault.mode;
    if (fault.once) fault.mode = 'none';
    let calls = 0;
    const write = async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      calls++;
      if (mode === 'short') {
        if (calls > 1) return { bytesWritten: 0, buffer };
        return handle.write(buffer, offset, Math.max(1, Math.floor(length / 2)), position);
      }
      if (mode === 'enospc') {
        if (calls === 1) return handle.write(buffer, offset, Math.min(length, 10), position);
        const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device');
        error.code = 'ENOSPC';
        throw error;
      }
      return handle.write(buffer, offset, length, position);
    };
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'write') return write;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as typeof fs.open;
  return { io: { open, rename: fs.rename, unlink: fs.unlink }, fault };
}

/** The names in `dir`, sorted, for "nothing else was written or removed". */
export async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}
