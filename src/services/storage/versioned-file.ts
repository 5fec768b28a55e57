/**
 * One schema-versioned JSON document on disk, owned by one process: read once,
 * validated, then rewritten whole through a single queue so saves land in the
 * order made. Nothing is ever dropped without a word:
 * - a damaged file is moved aside (never deleted), the last good copy (`.bak`)
 *   is loaded when there is one, written back at once and a notice says so;
 *   a missing file with a `.bak` beside it is recovered the same way;
 * - a record that fails validation is set aside by itself in a quarantine
 *   file, and the rest load; the file is set aside whole only when it cannot
 *   be read as records at all;
 * - a `.bak` newer than the file is kept aside before anything overwrites it;
 * - a file from a newer version of the app, a read-only folder, or a folder
 *   another process holds is shown read-only and never written.
 * Every guarantee is per file, so it holds for each report's file alike.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { addToQuarantine, readQuarantine, type QuarantineEntry, type SetAside } from './quarantine';
import { plainFsError, plainFsMessage, problemOf } from './fs-errors';
import { removeStrayTemps } from './stray-temps';
import { writeFileAtomic, type WriterIo } from './atomic-write';
import { moveAside, readJsonFile } from './json-file';
import { APP_NAME } from '../../shared/app-name';

/** Whether this process may write the file's folder (the folder lock decides; see folder-access.ts). */
export interface FileAccess {
  /** Why this process may not write here, in plain Chinese; null when it may. */
  readonly readOnlyReason: string | null;
  /** Rejects (with a plain message) when this process may no longer write, e.g. its lock was taken. */
  beforeWrite?(): Promise<void>;
}

/** Records one by one: the valid ones, and the ones set aside with the reason. */
export interface Salvaged<T> {
  value: T;
  rejected: SetAside[];
}

export interface VersionedFileSpec<T> {
  path: string;
  version: number;
  /** The envelope field that holds the value: `{ schemaVersion, [field]: value }`. */
  field: string;
  schema: z.ZodType<T, unknown>;
  empty: T;
  /** What the file is, for notices: 设置文件, 批注文件 … */
  label: string;
  /** What the reader gets instead of a damaged file that has no good copy: 默认设置, 空白批注 … */
  fallback: string;
  /** Keep the previous good version beside the file, as `<file>.bak`. */
  keepBackup: boolean;
  /**
   * Take back in memory a save that failed and that no later save has built
   * on, so what the reader is shown is what is on disk. Settings leave it off:
   * there the next save is meant to carry the change.
   */
  undoFailedSaves?: boolean;
  /**
   * Reads a value that fails the schema record by record: the valid records
   * and the ones to set aside, or null when the value is not a set of records
   * at all (the file is then set aside whole).
   */
  salvage?: (value: unknown) => Salvaged<T> | null;
  /** Where records set aside are kept; required with `salvage`. */
  quarantinePath?: string;
  /** May this process write here; writable when absent. */
  access?: FileAccess;
  /** The writer's file operations; tests inject faults (short writes, ENOSPC) here. */
  io?: WriterIo;
}

type Opened<T> = {
  value: T;
  /** Why the file may not be written this session; null when it may. */
  readOnlyReason: string | null;
  notices: string[];
  good?: string;
  quarantine: QuarantineEntry[];
};

export class ReadOnlyError extends Error {}

const envelopeVersion = (envelope: unknown): unknown =>
  typeof envelope === 'object' && envelope !== null && 'schemaVersion' in envelope
    ? envelope.schemaVersion
    : undefined;

export class VersionedFile<T> {
  private queue: Promise<unknown> = Promise.resolve();
  /** Counts saves asked for, so a failed save knows whether a later one has built on it. */
  private saves = 0;
  /** The value last written to disk: what the reader is shown again when a save fails. */
  private stored: T;

  private constructor(
    private readonly spec: VersionedFileSpec<T>,
    private current: T,
    /** The last body known to be good on disk: what the backup is made from. */
    private good: string | undefined,
    /** Why saves are refused this session; null while they are not. */
    readonly readOnlyReason: string | null,
    readonly notices: string[],
    /** Records set aside from this file, this session and before. */
    readonly quarantine: QuarantineEntry[],
  ) {
    this.stored = current;
  }

  static async open<T>(spec: VersionedFileSpec<T>): Promise<VersionedFile<T>> {
    const opened = await readVersioned(spec);
    return new VersionedFile(
      spec,
      opened.value,
      opened.good,
      opened.readOnlyReason,
      opened.notices,
      opened.quarantine,
    );
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  get value(): T {
    return this.current;
  }

  /** Resolves once every save asked for so far has been written (or has failed). */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Replaces the value; resolves once it is on disk, rejects (and says why) when it is not. */
  save(next: T): Promise<void> {
    if (this.readOnlyReason !== null) {
      return Promise.reject(new ReadOnlyError(this.readOnlyReason));
    }
    this.current = next;
    const ticket = ++this.saves;
    const body = serialize(this.spec, next);
    const write = this.queue.then(async () => {
      // Checked per write, not once: another process may have taken the folder over.
      await this.spec.access?.beforeWrite?.();
      try {
        await writeWithBackup(this.spec, body, this.good);
      } catch (error) {
        throw plainFsError(error, this.spec.label, dirname(this.spec.path));
      }
      this.good = body;
      this.stored = next;
    });
    // A later save carries this value with it and will write it: only the
    // latest failed save is taken back.
    const undone = write.catch((error: unknown) => {
      if (this.spec.undoFailedSaves && ticket === this.saves) this.current = this.stored;
      throw error;
    });
    // A failed write must not block the ones after it; the caller still sees the error.
    this.queue = undone.catch(() => undefined);
    return undone;
  }
}

const serialize = <T>(spec: VersionedFileSpec<T>, value: T) =>
  JSON.stringify({ schemaVersion: spec.version, [spec.field]: value }, null, 2) + '\n';

/** The previous good body becomes `.bak`, then the new body replaces the file. */
async function writeWithBackup<T>(
  spec: VersionedFileSpec<T>,
  body: string,
  good: string | undefined,
): Promise<void> {
  // Made on the first save, not on open: opening an empty folder writes nothing.
  await mkdir(dirname(spec.path), { recursive: true });
  if (spec.keepBackup && good !== undefined && good !== body) {
    await writeFileAtomic(`${spec.path}.bak`, good, spec.io);
  }
  await writeFileAtomic(spec.path, body, spec.io);
}

function fieldOf<T>(spec: VersionedFileSpec<T>, envelope: unknown): unknown {
  return typeof envelope === 'object' && envelope !== null && spec.field in envelope
    ? (envelope as Record<string, unknown>)[spec.field]
    : undefined;
}

/** What one file on disk holds, as this version of the app understands it. */
type Reading<T> =
  | { kind: 'missing' }
  | { kind: 'good'; value: T; rejected: SetAside[]; text: string }
  | { kind: 'newer'; version: number; value: T | null }
  | { kind: 'bad'; reason: string };

async function readOne<T>(spec: VersionedFileSpec<T>, path: string): Promise<Reading<T>> {
  const read = await readJsonFile(path);
  if (read.status === 'missing') return { kind: 'missing' };
  if (read.status === 'corrupt') return { kind: 'bad', reason: read.reason };
  const envelope = read.value;
  const version = envelopeVersion(envelope);
  const field = fieldOf(spec, envelope);
  if (typeof version === 'number' && version > spec.version) {
    const parsed = spec.schema.safeParse(field);
    return { kind: 'newer', version, value: parsed.success ? parsed.data : null };
  }
  if (version !== spec.version) {
    return { kind: 'bad', reason: `无法识别的版本 ${String(version)}` };
  }
  const parsed = spec.schema.safeParse(field);
  const text = JSON.stringify(envelope);
  if (parsed.success) return { kind: 'good', value: parsed.data, rejected: [], text };
  const salvaged = spec.salvage?.(field);
  if (salvaged) return { kind: 'good', value: salvaged.value, rejected: salvaged.rejected, text };
  return { kind: 'bad', reason: parsed.error.issues[0]?.message ?? '格式不对' };
}

async function readVersioned<T>(spec: VersionedFileSpec<T>): Promise<Opened<T>> {
  const dir = dirname(spec.path);
  /** Why this file may not be written; starts as the folder's answer, and a failed move can set it. */
  let reason = spec.access?.readOnlyReason ?? null;
  const notices: string[] = [];
  // Only the folder's lock holder may tidy: another process could be mid-write.
  if (reason === null) {
    await removeStrayTemps(spec.path);
    if (spec.quarantinePath) await removeStrayTemps(spec.quarantinePath);
  }
  const quarantine = spec.quarantinePath
    ? await readQuarantine(spec.quarantinePath, reason === null).catch(() => [])
    : [];
  const opened = (value: T, good: string | undefined): Opened<T> => ({
    value,
    readOnlyReason: reason,
    notices,
    good,
    quarantine,
  });
  /** Moves a file aside for the reader; on a folder that refuses, says so and goes read-only. */
  const keep = async (path: string): Promise<string> => {
    if (reason !== null) return '';
    try {
      return basename(await moveAside(path));
    } catch (error) {
      reason = plainFsMessage(error, spec.label, dir);
      return '';
    }
  };

  const main = await readOne(spec, spec.path);
  if (main.kind === 'newer') {
    // Show what this version can understand of it, and never write it.
    const shown = main.value !== null ? '只读打开' : `只读打开，本次使用${spec.fallback}`;
    notices.push(
      `${spec.label}来自更新版本的${APP_NAME}（版本 ${main.version}），${shown}，原文件未改动。`,
    );
    reason = `${spec.label}来自更新版本的${APP_NAME}，只能查看，不能修改。`;
    return opened(main.value ?? spec.empty, undefined);
  }
  if (main.kind === 'good') {
    if (reason === null) await keepNewerBackup(spec, main, notices);
    if (main.rejected.length === 0) return opened(main.value, serialize(spec, main.value));
    reason = await setAside(spec, main, notices, quarantine, reason);
    return opened(main.value, serialize(spec, main.value));
  }

  // Missing or damaged: the damaged file is kept, and the `.bak` is tried.
  const kept = main.kind === 'bad' ? await keep(spec.path) : '';
  const backup: Reading<T> = spec.keepBackup
    ? await readOne(spec, `${spec.path}.bak`)
    : { kind: 'missing' };
  const what =
    main.kind === 'missing' ? `${spec.label}不见了` : `${spec.label}已损坏（${main.reason}）`;
  const keptNote =
    main.kind === 'bad' ? (kept ? `；损坏的文件保留为 ${kept}` : '；损坏的文件未改动') : '';

  if (backup.kind === 'good') {
    const restored = serialize(spec, backup.value);
    const count = describeCount(backup.value);
    if (backup.rejected.length > 0) {
      // The quarantine first: the file is rewritten only once those records are kept.
      notices.push(`${what}，已从上一份完好副本（.bak）恢复${count}${keptNote}。`);
      reason = await setAside(spec, backup, notices, quarantine, reason);
      return opened(backup.value, restored);
    }
    let written = '并已写回';
    if (reason !== null) {
      written = '（本次只读，未写回）';
    } else {
      try {
        // At once, so the next start and every command see the recovered notes.
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(spec.path, restored, spec.io);
      } catch (error) {
        const message = plainFsMessage(error, spec.label, dir);
        written = `，但未能写回（${message}）`;
        if (problemOf(error) === 'read-only') reason = message;
      }
    }
    notices.push(`${what}，已从上一份完好副本（.bak）恢复${count}${written}${keptNote}。`);
    return opened(backup.value, restored);
  }
  if (main.kind === 'missing' && backup.kind === 'missing') return opened(spec.empty, undefined);

  // A damaged copy is still the user's: the second save would write the
  // next backup over it, so it is moved aside like the file itself.
  let keptBackup = '';
  if (backup.kind === 'bad' || backup.kind === 'newer') {
    const name = await keep(`${spec.path}.bak`);
    keptBackup = `，备份副本也无法使用${name ? `，保留为 ${name}` : ''}`;
  }
  notices.push(
    `${what}，已改用${spec.fallback}` +
      (main.kind === 'bad' ? `；原文件${kept ? `保留为 ${kept}` : '未改动'}` : '') +
      `${keptBackup}。`,
  );
  return opened(spec.empty, undefined);
}

/** 「（3 条批注、1 个书签）」 when the value has such lists; nothing otherwise. */
function describeCount(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const lists = value as Record<string, unknown>;
  const parts: string[] = [];
  const count = (key: string, unit: string) => {
    const list = lists[key];
    if (Array.isArray(list) && list.length > 0) parts.push(`${list.length} ${unit}`);
  };
  count('annotations', '条批注');
  count('bookmarks', '个书签');
  count('terms', '条注释');
  return parts.length > 0 ? `（${parts.join('、')}）` : '';
}

/**
 * A `.bak` written after the file and holding other data means the file was
 * replaced by an older copy (a sync tool, a manual restore). The next save
 * would write that older copy over the `.bak`: keep the `.bak` aside first.
 */
async function keepNewerBackup<T>(
  spec: VersionedFileSpec<T>,
  main: { value: T },
  notices: string[],
): Promise<void> {
  if (!spec.keepBackup) return;
  const bakPath = `${spec.path}.bak`;
  const [mainInfo, bakInfo] = await Promise.all([
    stat(spec.path).catch(() => null),
    stat(bakPath).catch(() => null),
  ]);
  if (!mainInfo || !bakInfo || bakInfo.mtimeMs <= mainInfo.mtimeMs) return;
  const backup = await readOne(spec, bakPath);
  // A crash between writing the `.bak` and the file leaves both the same: nothing newer.
  if (backup.kind === 'good' && serialize(spec, backup.value) === serialize(spec, main.value))
    return;
  if (backup.kind === 'missing') return;
  const kept = await moveAside(bakPath, new Date(), 'kept').then(basename, () => null);
  // Could not be moved (a read-only file): it is not overwritten either, saves will fail and say so.
  if (kept === null) return;
  notices.push(
    `${spec.label}的备份副本比文件本身更新（可能是同步软件或手动换回了旧文件）：` +
      `备份副本已另存为 ${kept}，不会被覆盖；本次载入的是${spec.label}本身。`,
  );
}

/**
 * Some records failed validation: they go to the quarantine file, and the
 * file is rewritten without them (the text it had becomes the `.bak`). If the
 * quarantine cannot be written, nothing is rewritten and the file is
 * read-only this session: a record is never dropped from disk unkept.
 * Answers why the file is read-only, or null.
 */
async function setAside<T>(
  spec: VersionedFileSpec<T>,
  reading: { value: T; rejected: SetAside[]; text: string },
  notices: string[],
  quarantine: QuarantineEntry[],
  reason: string | null,
): Promise<string | null> {
  const { rejected } = reading;
  const what = `${spec.label}中有 ${rejected.length} 条记录无法读取（${rejected[0].reason}）`;
  const rest = `其余记录照常载入${describeCount(reading.value)}`;
  const now = new Date();
  const inMemory = () =>
    quarantine.push(
      ...rejected.map((item) => ({
        ...item,
        from: basename(spec.path),
        setAside: now.toISOString(),
      })),
    );
  if (reason !== null || !spec.quarantinePath) {
    inMemory();
    notices.push(`${what}，本次未载入，原文件未改动；${rest}。`);
    return reason;
  }
  try {
    const all = await addToQuarantine(spec.quarantinePath, spec.path, rejected, now, spec.io);
    quarantine.splice(0, quarantine.length, ...all);
  } catch (error) {
    const message = plainFsMessage(error, '隔离文件', dirname(spec.quarantinePath));
    inMemory();
    notices.push(`${what}，未能单独保存（${message}）；${rest}，本次只读，原文件未改动。`);
    return message;
  }
  try {
    await writeWithBackup(spec, serialize(spec, reading.value), reading.text);
  } catch {
    // The records are safe in quarantine; the next save rewrites the file.
  }
  const where = `${basename(dirname(spec.quarantinePath))}/${basename(spec.quarantinePath)}`;
  notices.push(`${what}，已单独保存到数据文件夹的 ${where}，可在批注面板中导出；${rest}。`);
  return null;
}
