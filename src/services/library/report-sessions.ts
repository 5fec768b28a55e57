/**
 * The reports main has open: each one's document, the reader's notes on it
 * (its own VersionedFile, `reports/<id>.json`, with every guarantee that file
 * always had) and, while it is being searched, its search engine. A report is
 * opened at its first call and stays open; engines, the costly part (a few MB
 * each), are kept for the few reports searched last.
 *
 * Each is opened in an edition: the current one unless another is named. The
 * notes belong to the report (one file for every edition) and are anchored in
 * the edition's text; only the current edition may change them.
 *
 * The bundled report's shipped text and index come from the build (out/data);
 * every other edition's from its folder in the library (report-folder.ts),
 * made again from the app's copy of the file when one is found damaged.
 */
import type { ReportDocument } from '../../shared/document';
import {
  BUNDLED_REPORT_ID,
  editionIn,
  type Edition,
  type ReportCounts,
} from '../../shared/library';
import type { HighlightColor, UserData } from '../../shared/user-data';
import { SearchEngine } from '../../core/search/engine';
import { editionName } from '../../core/library/edition-name';
import { compactReportSearch, type ReportSearcher } from '../../core/search/compact-report-search';
import { decodeReportIndex } from '../../core/search/report-index-codec';
import { segmentWords } from '../search/words';
import type { FileAccess, VersionedFile } from '../storage/versioned-file';
import { openUserData } from '../user-data/user-data-file';
import { createUserDataService, type UserDataService } from '../user-data/user-data-service';
import type { LibraryStore } from './library-store';
import type { StoredParts } from './add-report';
import type { ParseFile } from './parse';
import { join } from 'node:path';
import {
  DOCUMENT_FILE,
  editionDir,
  readEditionDocument,
  readEditionIndex,
  readSourceCopy,
  rewriteDerived,
} from './report-folder';

export interface ReportSession {
  readonly id: string;
  /** The edition whose text the notes are anchored in. */
  readonly edition: string;
  /** The edition is the report's current one: notes can be made and changed. */
  readonly current: boolean;
  readonly document: ReportDocument;
  readonly file: VersionedFile<UserData>;
  readonly userData: UserDataService;
  /** What reading this report's files had to say (a damaged file recovered, …). */
  readonly notices: string[];
}

/** Engines kept at once: the report being read, and the few searched across. */
const ENGINES_KEPT = 4;
/** How long a checked index's parse waits for its engine (the page asks for both together). */
const CHECKED_KEPT_MS = 10_000;

export interface ReportSessionsOptions {
  dataDir: string;
  access?: FileAccess;
  library: LibraryStore;
  bundled: { document: ReportDocument; loadSearchIndex: () => Promise<string> };
  colorNames: () => Record<HighlightColor, string>;
  parse: ParseFile;
}

export const countsOf = (data: UserData): ReportCounts => ({
  annotations: data.annotations.length,
  bookmarks: data.bookmarks.length,
});

/** Forgets a failed load, so the next call tries again. */
function retrying<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/** What an edition's files are keyed by: an edition's text never changes. */
const keyOf = (id: string, edition: string) => `${id}@${edition}`;

interface EditionPlace {
  key: string;
  dir: string;
  edition: Edition;
  title: string;
  /** The bundled report's text as the app ships it: read from the build, not the folder. */
  built: boolean;
  current: boolean;
}

export class ReportSessions {
  /** Keyed by edition and by whether it was current when opened: a change of edition never finds a stale one. */
  private readonly sessions = new Map<string, () => Promise<ReportSession>>();
  /** Each report's notes file, opened once, whichever edition is read. */
  private readonly files = new Map<string, () => Promise<VersionedFile<UserData>>>();
  private readonly documents = new Map<string, () => Promise<ReportDocument>>();
  private readonly indexes = new Map<string, () => Promise<string>>();
  private readonly engines = new Map<string, () => Promise<SearchEngine>>();
  /**
   * An index text read from its folder with what checking it parsed, until
   * the engine made from that text takes it (or CHECKED_KEPT_MS pass): the
   * page's first search asks main for the index and for an answer at once,
   * and the engine then loads what the check parsed instead of parsing the
   * same ~0.7 MB of JSON a second time on main's thread.
   */
  private readonly checked = new Map<string, { text: string; json: object }>();
  /** What recovering a derived file had to say, per edition, until its session takes it. */
  private readonly recovered = new Map<string, string[]>();
  /** Indexes of editions just added, being written to their folders (keyed as `documents`). */
  private readonly writing = new Map<string, Promise<void>>();
  /**
   * Editions just added whose lunr index the worker is still building, with
   * their compact index on its way (it comes first).
   */
  private readonly indexing = new Map<string, { reportIndex: Promise<Uint8Array | undefined> }>();
  /**
   * The searches through a compact index made for editions just added: kept
   * once made, lunr index in or not (they answer as its engine would).
   */
  private readonly compact = new Map<string, Promise<ReportSearcher>>();

  constructor(private readonly options: ReportSessionsOptions) {}

  private get canWrite(): boolean {
    return (this.options.access?.readOnlyReason ?? null) === null;
  }

  /** Where an edition of a report is (its current one unless named); an error a reader can read when there is none. */
  private placeOf(id: string, edition?: string): EditionPlace {
    const report = this.options.library.require(id);
    const found = editionIn(report, edition);
    if (!found) throw new Error(`《${report.title}》没有这个版本（${edition}），它可能已被移除。`);
    return {
      key: keyOf(id, found.id),
      dir: editionDir(this.options.dataDir, id, found.id),
      edition: found,
      title: report.title,
      built: id === BUNDLED_REPORT_ID && found.id === this.options.bundled.document.version,
      current: found.id === report.edition,
    };
  }

  /** An edition's document (the current one's unless named): the built one, or its folder's, made again from the copy if damaged. */
  document(id: string, edition?: string): Promise<ReportDocument> {
    const place = this.placeOf(id, edition);
    if (place.built) return Promise.resolve(this.options.bundled.document);
    let load = this.documents.get(place.key);
    if (!load) {
      load = retrying(async () => {
        const read = await readEditionDocument(place.dir, place.edition.id, this.canWrite);
        if (read.status === 'ok') return read.value;
        return (await this.rebuild(place, read.status === 'bad' ? read.kept : null)).document;
      });
      this.documents.set(place.key, load);
    }
    return load();
  }

  /**
   * Where an edition's stored document is (the current one's unless named),
   * for a reader in another thread; undefined for the bundled report's
   * shipped text, which only main holds.
   */
  storedDocument(id: string, edition?: string): { file: string; version: string } | undefined {
    const place = this.placeOf(id, edition);
    if (place.built) return undefined;
    return { file: join(place.dir, DOCUMENT_FILE), version: place.edition.id };
  }

  /**
   * An edition just added (add-report.ts): its document as it was kept, and
   * its index as the worker builds it after the document, then writes it to
   * the edition's folder. Its searches wait for that index rather than read
   * a folder it is not in yet; should it fail, the index is read from the
   * folder as any other's (and made again from the copy when missing).
   */
  added(id: string, edition: string, parts: StoredParts): void {
    const { document, searchIndex, reportIndex, written } = parts;
    const key = keyOf(id, edition);
    this.documents.set(key, () => Promise.resolve(document));
    this.indexing.set(key, { reportIndex });
    const indexed = () => void this.indexing.delete(key);
    searchIndex.then(indexed, indexed);
    const load = retrying(() => searchIndex.catch(this.indexFromFolder(id, edition)));
    this.indexes.set(key, load);
    const write = written.finally(() => {
      if (this.writing.get(key) === write) this.writing.delete(key);
      // Once in the folder, it is read from there like any other's: a session
      // that adds many reports does not keep every index text in memory.
      if (this.indexes.get(key) === load) this.indexes.delete(key);
    });
    this.writing.set(key, write);
  }

  /** Whether the worker is still building the indexes of a report's current edition, just added. */
  indexesComing(id: string): boolean {
    return this.indexing.has(this.placeOf(id).key);
  }

  /**
   * Resolves once the indexes of a report's current edition, just added, are
   * in its folder (at once when none are on their way): the search across
   * reports then reads the compact one the worker built instead of building it.
   */
  async written(id: string): Promise<void> {
    await this.writing.get(this.placeOf(id).key);
  }

  /** An edition's serialized search index, made again from the copy if damaged. */
  searchIndex(id: string, edition?: string): Promise<string> {
    const place = this.placeOf(id, edition);
    if (place.built) return this.options.bundled.loadSearchIndex();
    let load = this.indexes.get(place.key);
    if (!load) {
      load = retrying(this.indexFromFolder(id, place.edition.id));
      this.indexes.set(place.key, load);
    }
    return load();
  }

  /** Reads an edition's index from its folder, once a write of it under way is done. */
  private indexFromFolder(id: string, edition: string): () => Promise<string> {
    return async () => {
      const place = this.placeOf(id, edition);
      await this.writing.get(place.key);
      let json: object | undefined;
      const check = (text: string) => (json = lunrJsonOf(text)) !== undefined;
      const read = await readEditionIndex(place.dir, check, this.canWrite);
      if (read.status === 'ok') {
        this.keepChecked(place.key, read.value, json!);
        return read.value;
      }
      return (await this.rebuild(place, read.status === 'bad' ? read.kept : null)).searchIndex;
    };
  }

  private keepChecked(key: string, text: string, json: object): void {
    const kept = { text, json };
    this.checked.set(key, kept);
    setTimeout(() => {
      if (this.checked.get(key) === kept) this.checked.delete(key);
    }, CHECKED_KEPT_MS).unref?.();
  }

  /** What an engine loads: the index as its check parsed it, else its text. */
  private async engineIndex(id: string, edition: string): Promise<string | object> {
    const text = await this.searchIndex(id, edition);
    const key = this.placeOf(id, edition).key;
    const kept = this.checked.get(key);
    this.checked.delete(key);
    return kept?.text === text ? kept.json : text;
  }

  /** The derived files made again from the app's copy of the file, and written back. */
  private async rebuild(
    place: EditionPlace,
    kept: string | null,
  ): Promise<{ document: ReportDocument; searchIndex: string }> {
    const { dir, edition, title, key } = place;
    const bytes = await readSourceCopy(dir, edition);
    if (!bytes) {
      throw new Error(
        `《${title}》保存在数据文件夹中的副本已损坏或丢失，无法打开：请移除它后重新添加原文件。`,
      );
    }
    const parsed = await this.options.parse({ bytes }, { fileName: edition.fileName, index: true });
    const { searchIndex } = parsed;
    if (parsed.document.version !== edition.id || searchIndex === undefined) {
      throw new Error(
        `《${title}》的副本读出的文字与保存时不同，无法打开：请移除它后重新添加原文件。`,
      );
    }
    let written = '并已写回';
    if (this.canWrite) {
      await rewriteDerived(dir, { ...parsed, searchIndex }).catch(() => {
        written = '（未能写回，下次打开时会再做一次）';
      });
    } else {
      written = '（本次只读，未写回）';
    }
    const aside = kept ? `；损坏的文件保留为 ${kept.split(/[\\/]/).at(-1)}` : '';
    const notices = this.recovered.get(key) ?? [];
    notices.push(
      `《${title}》的解析数据已损坏或缺失，已从保存的原文件副本重新生成${written}${aside}。`,
    );
    this.recovered.set(key, notices);
    this.documents.set(key, () => Promise.resolve(parsed.document));
    this.indexes.set(key, () => Promise.resolve(searchIndex));
    return { document: parsed.document, searchIndex };
  }

  /** An edition's search engine, kept for the last few searched. */
  engine(id: string, edition?: string): Promise<SearchEngine> {
    const { key, edition: found } = this.placeOf(id, edition);
    let load = this.engines.get(key);
    if (load) {
      // Most recently used last.
      this.engines.delete(key);
    } else {
      load = retrying(async () =>
        SearchEngine.load(
          await this.engineIndex(id, found.id),
          (await this.document(id, found.id)).blocks,
        ),
      );
    }
    this.engines.set(key, load);
    for (const old of this.engines.keys()) {
      if (this.engines.size <= ENGINES_KEPT) break;
      this.engines.delete(old);
      // The index text goes with its engine (the built one is main's build output, never cached here).
      this.indexes.delete(old);
    }
    return load();
  }

  /**
   * What answers an edition's searches: its engine, or, for an edition just
   * added and searched while the worker was still building its lunr index,
   * a search through the compact index the worker built first
   * (compact-report-search.ts), which answers exactly as the engine will.
   * The reader searching a report the moment it is on screen waits neither
   * for the lunr index nor for main to load it; main does not build, on the
   * thread that answers, the compact index the worker is building anyway
   * (it does only if the worker's never comes); and once made, that search
   * stays: switching to the engine when the lunr index came would cost main
   * ~0.3 s of CPU (reading, checking and loading it) while the reader is
   * still typing, and ~14 MiB to keep where this holds under 1 MiB.
   */
  searcher(id: string, edition?: string): Promise<ReportSearcher> {
    const { key, edition: found } = this.placeOf(id, edition);
    const made = this.compact.get(key);
    if (made) return made;
    const coming = this.indexing.get(key);
    if (!coming) return this.engine(id, found.id);
    const search = Promise.all([
      this.document(id, found.id),
      coming.reportIndex.catch(() => undefined),
    ]).then(([document, bytes]) => {
      const index = bytes === undefined ? null : decodeReportIndex(bytes);
      return compactReportSearch(document.blocks, segmentWords, index ?? undefined);
    });
    this.compact.set(key, search);
    // A failed one is forgotten: the next search uses the engine.
    search.catch(() => {
      if (this.compact.get(key) === search) this.compact.delete(key);
    });
    return search;
  }

  /** The report's notes file: opened at the first call, then kept for every edition. */
  private file(id: string): Promise<VersionedFile<UserData>> {
    let load = this.files.get(id);
    if (!load) {
      load = retrying(() => openUserData(this.options.dataDir, id, this.options.access));
      this.files.set(id, load);
    }
    return load();
  }

  /**
   * The report open for its notes, in an edition (the current one unless
   * named): opened at the first call, then kept. An earlier edition shows
   * the notes anchored in its text and refuses every change to them.
   */
  open(id: string, edition?: string): Promise<ReportSession> {
    const place = this.placeOf(id, edition);
    const key = place.current ? place.key : `${place.key}:earlier`;
    let load = this.sessions.get(key);
    if (!load) {
      load = retrying(async () => {
        const document = await this.document(id, place.edition.id);
        const file = await this.file(id);
        const userData = createUserDataService({
          document,
          file,
          reportKey: id,
          colorNames: this.options.colorNames,
          named: () => this.options.library.require(id),
          ...(!place.current && { lockedReason: earlierEditionReason(place) }),
        });
        const notices = [...(this.recovered.get(place.key) ?? []), ...file.notices];
        this.recovered.delete(place.key);
        return {
          id,
          edition: place.edition.id,
          current: place.current,
          document,
          file,
          userData,
          notices,
        };
      });
      this.sessions.set(key, load);
    }
    return load();
  }

  /** The report's current edition changed: its sessions are made again (its notes file is kept). */
  editionChanged(id: string): void {
    for (const key of [...this.sessions.keys()]) {
      if (key.startsWith(`${id}@`)) this.sessions.delete(key);
    }
  }

  /** Resolves once every write of every open report's notes, and of a new edition's index, is on disk. */
  async flush(): Promise<void> {
    const open = [...this.files.values()].map((load) => load().catch(() => null));
    await Promise.all([
      ...(await Promise.all(open)).map((file) => file?.flush()),
      ...this.writing.values(),
    ]);
  }
}

/** Why an earlier edition's notes cannot be changed, in the reader's words. */
function earlierEditionReason(place: EditionPlace): string {
  // Named as the 修订对照 panel and the banner name it; the shipped text has no day the reader added it.
  const { edition } = place;
  const about = edition.bundled
    ? editionName(edition)
    : `${editionName(edition)}，${edition.added.slice(0, 10)} 加入`;
  return `这是《${place.title}》较早的版本（${about}），只能查看：批注、书签和注释请在当前版本中添加或修改。`;
}

/** A stored index parsed, when it is whole and lunr's; undefined when it is not. */
function lunrJsonOf(text: string): object | undefined {
  try {
    const value = JSON.parse(text) as { version?: unknown; fields?: unknown } | null;
    return typeof value?.version === 'string' && Array.isArray(value.fields) ? value : undefined;
  } catch {
    return undefined;
  }
}
