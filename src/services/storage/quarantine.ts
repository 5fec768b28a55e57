/**
 * Records set aside one by one: a record that fails validation (a colour
 * `c9`, a field this version does not know) is kept here, byte for byte as
 * parsed, while the rest of its file loads. One quarantine file per data file,
 * so the guarantee holds for every report's file. The reader can export it.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { writeFileAtomic, type WriterIo } from './atomic-write';
import { moveAside, readJsonFile } from './json-file';

/** A record that failed validation, and where in its file it was. */
export interface SetAside {
  /** The list it was in: annotations, bookmarks, terms, or a field name. */
  list: string;
  /** Why it failed, in the reader's language. */
  reason: string;
  record: unknown;
}

export interface QuarantineEntry extends SetAside {
  /** The data file it came from (its name). */
  from: string;
  /** ISO time it was set aside. */
  setAside: string;
}

export const QUARANTINE_VERSION = 1;

const sameRecord = (a: SetAside, b: SetAside) =>
  a.list === b.list && JSON.stringify(a.record) === JSON.stringify(b.record);

function entriesOf(value: unknown): QuarantineEntry[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const { schemaVersion, entries } = value as { schemaVersion?: unknown; entries?: unknown };
  if (schemaVersion !== QUARANTINE_VERSION || !Array.isArray(entries)) return null;
  return entries.filter(
    (entry): entry is QuarantineEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as QuarantineEntry).list === 'string' &&
      'record' in entry,
  );
}

/**
 * What is in quarantine now. A damaged quarantine file is moved aside, never
 * overwritten, when this process may write (`canWrite`).
 */
export async function readQuarantine(path: string, canWrite = true): Promise<QuarantineEntry[]> {
  const read = await readJsonFile(path);
  if (read.status === 'missing') return [];
  const entries = read.status === 'ok' ? entriesOf(read.value) : null;
  if (entries) return entries;
  if (canWrite) await moveAside(path);
  return [];
}

export const serializeQuarantine = (entries: QuarantineEntry[]) =>
  JSON.stringify({ schemaVersion: QUARANTINE_VERSION, entries }, null, 2) + '\n';

/**
 * Adds records to the quarantine of `dataFile` and writes it atomically.
 * A record already there is not added twice, so opening the same damaged
 * file again does not grow it. Returns everything now in quarantine.
 */
export async function addToQuarantine(
  path: string,
  dataFile: string,
  records: SetAside[],
  now: Date,
  io?: WriterIo,
): Promise<QuarantineEntry[]> {
  const entries = await readQuarantine(path);
  const fresh = records.filter((record) => !entries.some((entry) => sameRecord(entry, record)));
  if (fresh.length === 0) return entries;
  const next = [
    ...entries,
    ...fresh.map((record) => ({
      ...record,
      from: basename(dataFile),
      setAside: now.toISOString(),
    })),
  ];
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, serializeQuarantine(next), io);
  return next;
}
