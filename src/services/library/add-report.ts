/**
 * Adding a report file to the library: read off main's thread (a worker,
 * bounded in time and memory), then kept. A file that cannot be read as a
 * report is refused with one sentence before anything is written, so the
 * data folder is left exactly as it was. The same text already on the shelf
 * is the same report (its id is the text's hash): nothing is added twice,
 * and a report that had been removed comes back with its notes.
 *
 * The report is on the shelf, and the answer given, as soon as its text is
 * read and kept: the worker goes on to build its search indexes (its own
 * search's, and the compact one the search across reports reads), which its
 * searches wait for (`onStored`) and which are written to its folder when
 * they come. A report whose index never got there (the app closed meanwhile)
 * has it made again from the copy when it is first searched, and its compact
 * one built in a worker (shelf-search.ts).
 *
 * A file that reads as another edition of a report on the shelf (the final
 * text of a draft: same title and occasion, or most sentences the same) is
 * held, not kept, and offered: the reader says whether it is that report's
 * new edition or a report of its own (edition-offers.ts). The CLI, which
 * asks no one, says so up front.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ReportFormatError } from '../../core/formats/errors';
import type { ReportDocument } from '../../shared/document';
import {
  EMPTY_VIEW,
  MAX_REPORT_FILE_BYTES,
  type AddedReport,
  type AddProgress,
  type CarriedNotes,
  type Edition,
  type EditionChoice,
  type LibraryReport,
} from '../../shared/library';
import { FileReadError } from '../report-file/parse-in-worker';
import { readFailureMessage } from '../report-file/read-failure';
import type { ParsedReportFile } from '../report-file/parse-file';
import { plainFsError } from '../storage/fs-errors';
import type { FileAccess } from '../storage/versioned-file';
import { findEditionOf } from './edition-match';
import type { EditionOffers } from './edition-offers';
import { describedBy, type LibraryStore } from './library-store';
import type { ParseFile } from './parse';
import {
  editionDir,
  sha256OfBytes,
  writeEdition,
  writeEditionIndex,
  writeEditionReportIndex,
} from './report-folder';

/** A file's bytes, or its path (its name the path's unless given: browser mode's upload is a temp file). */
export type AddInput =
  { bytes: Uint8Array; fileName: string } | { path: string; fileName?: string };

/** What to do with a file that is another edition of a report: ask the reader, or what they chose already. */
export type AddChoice = 'ask' | EditionChoice;

export interface AddReportContext {
  dataDir: string;
  access?: FileAccess;
  library: LibraryStore;
  parse: ParseFile;
  /** A report's current document, to tell whether a file is another edition of it. */
  documentOf: (report: string) => Promise<ReportDocument>;
  /** Files read and offered as another edition, until the reader answers. */
  offers: EditionOffers;
  /** Told of each report newly on the shelf (the search across reports takes it in). */
  onAdded?: (report: LibraryReport) => void;
  /**
   * Told of a new edition's document as it was kept (a new report's first
   * edition, or another edition of a report), and of its search index on its
   * way from the worker; `written` settles once its indexes are in the
   * edition's folder (or failed to get there).
   */
  onStored?: (id: string, edition: string, parts: StoredParts) => void;
  /** A report has a new current edition: answers how its notes anchor in it. */
  onEdition: (report: LibraryReport) => Promise<CarriedNotes>;
  now?: () => Date;
}

/** A file's indexes on their way from the worker. */
interface ComingIndexes {
  searchIndex: Promise<string>;
  /**
   * The compact index for the search across reports (and a new report's
   * first searches); undefined from a parse that builds none. The worker
   * builds it first: it comes before `searchIndex`.
   */
  reportIndex: Promise<Uint8Array | undefined>;
}

export interface StoredParts extends ComingIndexes {
  document: ReportDocument;
  written: Promise<void>;
}

/** A file read as a report, not kept yet; its indexes still on their way from the worker. */
export interface ReadReportFile extends ComingIndexes {
  fileName: string;
  bytes: Uint8Array;
  parsed: ParsedReportFile;
  /** Stops the worker when the index will not be wanted (known already, not kept, let go). */
  stop: AbortController;
}

/**
 * The file parsed, as soon as its document is read, and its search index to
 * come: the worker builds it after handing the document over. A parse that
 * hands nothing over early (tests parse in this thread) answers with both.
 */
function parseThenIndex(
  parse: ParseFile,
  bytes: Uint8Array,
  options: Parameters<ParseFile>[1],
): Promise<{ parsed: ParsedReportFile } & ComingIndexes> {
  let early: ParsedReportFile | undefined;
  let handOver: (parsed: ParsedReportFile) => void = (parsed) => {
    early = parsed;
  };
  let compact: (reportIndex: Uint8Array) => void = () => undefined;
  const compactCame = new Promise<Uint8Array>((resolve) => (compact = resolve));
  const whole = parse(
    { bytes },
    { ...options, index: true, onParsed: (p) => handOver(p), onReportIndex: (r) => compact(r) },
  );
  const searchIndex = whole.then(({ searchIndex: index }) => {
    if (index === undefined) throw new Error('解析没有给出检索索引');
    return index;
  });
  // As soon as the worker has it; a parse that hands nothing over early answers it at the end.
  const reportIndex = Promise.race([compactCame, whole.then((result) => result.reportIndex)]);
  // Whoever waits for an index sees its failure; here it only must not go unhandled.
  searchIndex.catch(() => undefined);
  reportIndex.catch(() => undefined);
  return new Promise((resolve, reject) => {
    handOver = (parsed) => resolve({ parsed, searchIndex, reportIndex });
    if (early) handOver(early);
    whole.then(handOver, reject);
  });
}

/** A file picked by path: its bytes, refused before reading when it is too big or not a file. */
async function readPicked(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ReportFormatError('not-a-file');
    if (info.size > MAX_REPORT_FILE_BYTES) throw new ReportFormatError('too-large');
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof ReportFormatError) throw error;
    throw new Error(readFailureMessage(path, error), { cause: error });
  }
}

/** Why no report may be added now (the folder is another reader's, …), or null. */
export const addRefusal = (library: LibraryStore): string | null =>
  library.readOnly ? (library.readOnlyReason ?? '书架只能查看，不能添加报告。') : null;

function refuseReadOnly(library: LibraryStore): void {
  // Said at once, not after a long parse that could never be kept.
  const refusal = addRefusal(library);
  if (refusal !== null) throw new Error(refusal);
}

export async function addReport(
  context: AddReportContext,
  input: AddInput,
  progress: (progress: AddProgress) => void = () => undefined,
  choice: AddChoice = 'ask',
): Promise<AddedReport> {
  refuseReadOnly(context.library);
  const fileName = input.fileName ?? ('path' in input ? basename(input.path) : '');
  const tell = (stage: AddProgress['stage'], done: number, total: number) =>
    progress({ fileName, stage, done, total });
  tell('read', 0, 1);
  const bytes = 'path' in input ? await readPicked(input.path) : input.bytes;
  const stop = new AbortController();
  let answered = false;
  const { parsed, searchIndex, reportIndex } = await parseThenIndex(context.parse, bytes, {
    fileName,
    signal: stop.signal,
    onProgress: ({ stage, done, total }) => {
      // The index is built after the answer: its steps are no longer this add's.
      if (!answered && stage !== 'done') tell(stage, done, total);
    },
  }).catch((error: unknown) => {
    if (error instanceof FileReadError) throw new Error(`无法读取 ${fileName}：${error.message}`);
    throw error;
  });
  answered = true;
  const file: ReadReportFile = { fileName, bytes, parsed, searchIndex, reportIndex, stop };
  const known = await alreadyThere(context, file);
  if (known) {
    tell('done', 1, 1);
    return known;
  }
  const match = choice === 'report' ? undefined : await findEditionOf(context, parsed.document);
  let added: AddedReport;
  if (match && choice === 'ask') {
    const offer = context.offers.hold(file, match);
    added = { report: match.report, added: false, offer };
  } else if (match) {
    added = await addAsEdition(context, match.report.id, file);
  } else {
    added = await addAsReport(context, file);
  }
  tell('done', 1, 1);
  return added;
}

/**
 * The reader's answer to an offer: the file held is added as the report's
 * new edition, or as a report of its own; or let go (null).
 */
export async function answerOffer(
  context: AddReportContext,
  token: string,
  as: EditionChoice | 'cancel',
): Promise<AddedReport | null> {
  const held = context.offers.take(token);
  if (as === 'cancel') {
    held?.file.stop.abort();
    return null;
  }
  if (!held) throw new Error('这份文件等待太久，已不再保留：请重新打开它。');
  refuseReadOnly(context.library);
  // Added meanwhile (the same file dropped twice): nothing is added twice.
  const known = await alreadyThere(context, held.file);
  if (known) return known;
  if (as === 'report') return addAsReport(context, held.file);
  const report = context.library.get(held.report);
  if (!report || report.removed !== undefined) {
    throw new Error(`《${report?.title ?? held.report}》已不在书架上，不能再加入它的新版本。`);
  }
  return addAsEdition(context, report.id, held.file);
}

/** The same text is on the shelf already (as any edition of a report): that report, put back if removed. */
async function alreadyThere(
  context: AddReportContext,
  file: ReadReportFile,
): Promise<AddedReport | undefined> {
  const { library } = context;
  const { version } = file.parsed.document;
  const known = library.withEdition(version) ?? library.get(version);
  if (!known) return undefined;
  // Its index is not wanted: the report has one.
  file.stop.abort();
  if (known.removed === undefined) return { report: known, added: false };
  const back = await library.restore(known.id);
  context.onAdded?.(back);
  return { report: back, added: true, restored: true };
}

/** The edition's entry, as the file was read. */
function editionEntry(file: ReadReportFile, now: string): Edition {
  const { document, source } = file.parsed;
  return {
    id: document.version,
    format: source.format,
    fileName: file.fileName.slice(0, 255),
    bytes: file.bytes.length,
    sha256: sha256OfBytes(file.bytes),
    ...(source.encoding !== undefined && { encoding: source.encoding }),
    ...(source.pages !== undefined && { pages: source.pages }),
    added: now,
  };
}

/**
 * Writes an edition's copy and document, then `list` puts it in the library,
 * then its index follows when the worker has it. A half-written copy (a full
 * disk) or a failed listing is taken back, so the folder is left as it was;
 * never the copy of an edition the shelf lists: a failed save of the entry
 * may still have been carried to disk by a later one.
 */
async function keepEdition(
  context: AddReportContext,
  report: string,
  file: ReadReportFile,
  list: () => Promise<LibraryReport>,
): Promise<LibraryReport> {
  const { document, source } = file.parsed;
  const version = document.version;
  const dir = editionDir(context.dataDir, report, version);
  // Checked per write: another reader may have taken the folder over meanwhile.
  await context.access?.beforeWrite?.();
  // A new report's folder goes whole; a new edition's, only its own.
  const made = report === version ? dirname(dir) : dir;
  const existed = await stat(made).then(
    () => true,
    () => false,
  );
  const listed = () =>
    context.library.get(report)?.editions.some((edition) => edition.id === version) === true;
  const takeBack = async () => {
    file.stop.abort();
    if (existed || listed()) return;
    await rm(made, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    await writeEdition(dir, { bytes: file.bytes, format: source.format, document });
  } catch (error) {
    await takeBack();
    throw plainFsError(error, '报告副本', dir);
  }
  const entry = await list().catch(async (error: unknown) => {
    await takeBack();
    throw error;
  });
  // Not awaited: a failed write leaves the search working, and the index is made again next time.
  const written = Promise.allSettled([
    file.searchIndex.then((index) => writeEditionIndex(dir, index)),
    file.reportIndex.then((bytes) => bytes && writeEditionReportIndex(dir, bytes)),
  ]).then(() => undefined);
  const { searchIndex, reportIndex } = file;
  context.onStored?.(report, version, { document, searchIndex, reportIndex, written });
  return entry;
}

const nowOf = (context: AddReportContext) => (context.now ?? (() => new Date()))().toISOString();

async function addAsReport(context: AddReportContext, file: ReadReportFile): Promise<AddedReport> {
  const now = nowOf(context);
  const { document } = file.parsed;
  const id = document.version;
  const report: LibraryReport = {
    id,
    ...describedBy(document),
    added: now,
    edition: id,
    editions: [editionEntry(file, now)],
    view: EMPTY_VIEW,
    counts: { annotations: 0, bookmarks: 0 },
  };
  await keepEdition(context, id, file, () => context.library.add(report));
  context.onAdded?.(report);
  return { report, added: true };
}

/** The file as the report's new current edition: the notes, the report's, now anchor in it. */
async function addAsEdition(
  context: AddReportContext,
  id: string,
  file: ReadReportFile,
): Promise<AddedReport> {
  const previous = context.library.require(id).edition;
  const report = await keepEdition(context, id, file, () =>
    context.library.addEdition(id, editionEntry(file, nowOf(context))),
  );
  const carried = await context.onEdition(report);
  return { report, added: true, edition: { previous, carried } };
}
