/**
 * One edition of a report as the library keeps it: a folder
 * `library/<report>/<edition>/` holding the app's own copy of the file the
 * reader opened (so the report stays readable when the USB stick is gone),
 * the parsed document and its search indexes. Each file is written whole
 * through the atomic writer. The copy is the source of truth: the document
 * and the index are derived from it, so a damaged one is moved aside (never
 * deleted) and made again from the copy, which is checked against its hash.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportDocument } from '../../shared/document';
import { ReportDocumentSchema } from '../../shared/document-schema';
import type { Edition, ReportFileFormat } from '../../shared/library';
import { writeFileAtomic, type WriterIo } from '../storage/atomic-write';
import { moveAside, readJsonFile } from '../storage/json-file';
import { REPORT_INDEX_FILE } from '../search/report-index-file';

export const LIBRARY_DIR = 'library';
export const DOCUMENT_FILE = 'document.json';
export const INDEX_FILE = 'search-index.json';
/** The envelope of document.json. */
export const DOCUMENT_SCHEMA_VERSION = 1;

const EXTENSIONS: Record<ReportFileFormat, string> = {
  text: 'txt',
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
};

export const editionDir = (dataDir: string, report: string, edition: string) =>
  join(dataDir, LIBRARY_DIR, report, edition);

export const sourceName = (format: ReportFileFormat) => `source.${EXTENSIONS[format]}`;

export const sha256OfBytes = (bytes: Uint8Array) =>
  createHash('sha256').update(bytes).digest('hex');

export interface EditionFiles {
  bytes: Uint8Array;
  format: ReportFileFormat;
  document: ReportDocument;
}

const documentBody = (document: ReportDocument) =>
  JSON.stringify({ schemaVersion: DOCUMENT_SCHEMA_VERSION, document }) + '\n';

/**
 * Writes an edition's copy and document; the copy first, so what is derived
 * never outlives it. Its index follows (writeEditionIndex) once it is built:
 * an edition whose index is missing has it made again from the copy.
 */
export async function writeEdition(dir: string, files: EditionFiles, io?: WriterIo): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, sourceName(files.format)), files.bytes, io);
  await writeFileAtomic(join(dir, DOCUMENT_FILE), documentBody(files.document), io);
}

/** Writes an edition's search index. */
export function writeEditionIndex(dir: string, searchIndex: string, io?: WriterIo): Promise<void> {
  return writeFileAtomic(join(dir, INDEX_FILE), searchIndex, io);
}

/** Writes an edition's compact index, for the search across reports (report-index-file.ts reads it). */
export function writeEditionReportIndex(dir: string, bytes: Uint8Array): Promise<void> {
  return writeFileAtomic(join(dir, REPORT_INDEX_FILE), bytes);
}

/** Writes the derived files again, after one was found damaged (the compact index too, when the parse built it). */
export async function rewriteDerived(
  dir: string,
  derived: { document: ReportDocument; searchIndex: string; reportIndex?: Uint8Array },
): Promise<void> {
  await writeFileAtomic(join(dir, DOCUMENT_FILE), documentBody(derived.document));
  await writeEditionIndex(dir, derived.searchIndex);
  if (derived.reportIndex) await writeEditionReportIndex(dir, derived.reportIndex);
}

/** What reading a derived file found. */
export type Derived<T> =
  { status: 'ok'; value: T } | { status: 'missing' } | { status: 'bad'; kept: string | null };

/** Keeps a damaged file for the reader to look at, when this process may write. */
async function setAside(path: string, canWrite: boolean): Promise<string | null> {
  if (!canWrite) return null;
  return moveAside(path).catch(() => null);
}

/** The document in a document.json's value, when it is whole and the version stored; else null. */
export function documentOfEnvelope(value: unknown, edition: string): ReportDocument | null {
  const envelope = value as { schemaVersion?: unknown; document?: unknown } | null;
  if (envelope?.schemaVersion !== DOCUMENT_SCHEMA_VERSION) return null;
  const parsed = ReportDocumentSchema.safeParse(envelope.document);
  return parsed.success && parsed.data.version === edition ? parsed.data : null;
}

/** The edition's parsed document, checked: the right shape, and the version it was stored as. */
export async function readEditionDocument(
  dir: string,
  edition: string,
  canWrite: boolean,
): Promise<Derived<ReportDocument>> {
  const path = join(dir, DOCUMENT_FILE);
  const read = await readJsonFile(path).catch(() => ({ status: 'corrupt' as const, reason: '' }));
  if (read.status === 'missing') return { status: 'missing' };
  if (read.status === 'ok') {
    const document = documentOfEnvelope(read.value, edition);
    if (document) return { status: 'ok', value: document };
  }
  return { status: 'bad', kept: await setAside(path, canWrite) };
}

/** The edition's serialized search index; `check` says whether it loads. */
export async function readEditionIndex(
  dir: string,
  check: (text: string) => boolean,
  canWrite: boolean,
): Promise<Derived<string>> {
  const path = join(dir, INDEX_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'bad', kept: null };
  }
  if (check(text)) return { status: 'ok', value: text };
  return { status: 'bad', kept: await setAside(path, canWrite) };
}

/** The app's copy of the file, or null when it is gone or no longer what was stored. */
export async function readSourceCopy(dir: string, edition: Edition): Promise<Uint8Array | null> {
  try {
    const bytes = new Uint8Array(await readFile(join(dir, sourceName(edition.format))));
    return edition.sha256 !== undefined && sha256OfBytes(bytes) === edition.sha256 ? bytes : null;
  } catch {
    return null;
  }
}
