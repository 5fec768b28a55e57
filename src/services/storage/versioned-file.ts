/**
 * One schema-versioned JSON document on disk, owned by one process: read once,
 * validated, then rewritten whole through a single queue so saves land in the
 * order made. Nothing is ever dropped without a word:
 * - a damaged file is moved aside (never deleted), the last good copy is
 *   loaded when there is one, and a notice says so;
 * - a file from a newer version of the app is shown read-only and never written.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic, type WriterIo } from './atomic-write';
import { moveAside, readJsonFile } from './json-file';

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
  /** The writer's file operations; tests inject faults (short writes, ENOSPC) here. */
  io?: WriterIo;
}

type Opened<T> = { value: T; readOnly: boolean; notices: string[]; good?: string };

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
    readonly readOnly: boolean,
    readonly notices: string[],
  ) {
    this.stored = current;
  }

  static async open<T>(spec: VersionedFileSpec<T>): Promise<VersionedFile<T>> {
    const opened = await readVersioned(spec);
    return new VersionedFile(spec, opened.value, opened.good, opened.readOnly, opened.notices);
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
    if (this.readOnly) {
      return Promise.reject(
        new ReadOnlyError(`${this.spec.label}来自更新版本的报告阅读器，只能查看，不能修改。`),
      );
    }
    this.current = next;
    const ticket = ++this.saves;
    const body = serialize(this.spec, next);
    const { io } = this.spec;
    const write = this.queue.then(async () => {
      // Made on the first save, not on open: opening writes nothing.
      await mkdir(dirname(this.spec.path), { recursive: true });
      if (this.spec.keepBackup && this.good !== undefined && this.good !== body) {
        await writeFileAtomic(`${this.spec.path}.bak`, this.good, io);
      }
      await writeFileAtomic(this.spec.path, body, io);
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

function parseEnvelope<T>(spec: VersionedFileSpec<T>, envelope: unknown) {
  const field =
    typeof envelope === 'object' && envelope !== null && spec.field in envelope
      ? (envelope as Record<string, unknown>)[spec.field]
      : undefined;
  return spec.schema.safeParse(field);
}

async function readVersioned<T>(spec: VersionedFileSpec<T>): Promise<Opened<T>> {
  const read = await readJsonFile(spec.path);
  if (read.status === 'missing') return { value: spec.empty, readOnly: false, notices: [] };

  const envelope = read.status === 'ok' ? read.value : undefined;
  const version = envelopeVersion(envelope);
  if (typeof version === 'number' && version > spec.version) {
    // Show what this version can understand of it, and never write it.
    const parsed = parseEnvelope(spec, envelope);
    const shown = parsed.success ? '只读打开' : `只读打开，本次使用${spec.fallback}`;
    return {
      value: parsed.success ? parsed.data : spec.empty,
      readOnly: true,
      notices: [
        `${spec.label}来自更新版本的报告阅读器（版本 ${version}），${shown}，原文件未改动。`,
      ],
    };
  }
  const parsed = version === spec.version ? parseEnvelope(spec, envelope) : undefined;
  if (parsed?.success) {
    return { value: parsed.data, readOnly: false, notices: [], good: serialize(spec, parsed.data) };
  }

  const reason =
    read.status === 'corrupt'
      ? read.reason
      : version !== spec.version
        ? `无法识别的版本 ${String(version)}`
        : (parsed?.error.issues[0]?.message ?? '格式不对');
  const kept = basename(await moveAside(spec.path));
  let keptBackup = '';
  if (spec.keepBackup) {
    const backup = await readJsonFile(`${spec.path}.bak`);
    const restored =
      backup.status === 'ok' && envelopeVersion(backup.value) === spec.version
        ? parseEnvelope(spec, backup.value)
        : undefined;
    if (restored?.success) {
      return {
        value: restored.data,
        readOnly: false,
        notices: [
          `${spec.label}已损坏（${reason}），已从上一份完好副本恢复；损坏的文件保留为 ${kept}。`,
        ],
        good: serialize(spec, restored.data),
      };
    }
    // A damaged copy is still the user's: the second save would write the
    // next backup over it, so it is moved aside like the file itself.
    if (backup.status !== 'missing') {
      keptBackup = `，备份副本也无法使用，保留为 ${basename(await moveAside(`${spec.path}.bak`))}`;
    }
  }
  return {
    value: spec.empty,
    readOnly: false,
    notices: [
      `${spec.label}已损坏（${reason}），已改用${spec.fallback}；原文件保留为 ${kept}${keptBackup}。`,
    ],
  };
}
