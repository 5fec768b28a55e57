/**
 * The reports main has open: each one's document, the reader's notes on it
 * (its own VersionedFile, `reports/<id>.json`, with every guarantee that file
 * always had) and, while it is being searched, its search engine. A report is
 * opened at its first call and stays open; engines, the costly part (a few MB
 * each), are kept for the few reports searched last.
 *
 * The bundled report's document and index come from the build (out/data);
 * every other report's from its folder in the library (report-folder.ts),
 * made again from the app's copy of the file when one is found damaged.
 */
import type { ReportDocument } from '../../shared/document';
import { BUNDLED_REPORT_ID, type Edition, type ReportCounts } from '../../shared/library';
import type { HighlightColor, UserData } from '../../shared/user-data';
import { SearchEngine } from '../../core/search/engine';
import type { FileAccess, VersionedFile } from '../storage/versioned-file';
import { openUserData } from '../user-data/user-data-file';
import { createUserDataService, type UserDataService } from '../user-data/user-data-service';
import type { LibraryStore } from './library-store';
import type { ParseFile } from './parse';
import {
  editionDir,
  readEditionDocument,
  readEditionIndex,
  readSourceCopy,
  rewriteDerived,
} from './report-folder';

export interface ReportSession {
  readonly id: string;
  readonly document: ReportDocument;
  readonly file: VersionedFile<UserData>;
  readonly userData: UserDataService;
  /** What reading this report's files had to say (a damaged file recovered, …). */
  readonly notices: string[];
}

/** Engines kept at once: the report being read, and the few searched across. */
const ENGINES_KEPT = 4;

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

export class ReportSessions {
  private readonly sessions = new Map<string, () => Promise<ReportSession>>();
  private readonly documents = new Map<string, () => Promise<ReportDocument>>();
  private readonly indexes = new Map<string, () => Promise<string>>();
  private readonly engines = new Map<string, () => Promise<SearchEngine>>();
  /** What recovering a derived file had to say, per report, until its session takes it. */
  private readonly recovered = new Map<string, string[]>();

  constructor(private readonly options: ReportSessionsOptions) {}

  private get canWrite(): boolean {
    return (this.options.access?.readOnlyReason ?? null) === null;
  }

  private editionOf(id: string): { dir: string; edition: Edition; title: string } {
    const report = this.options.library.require(id);
    const edition = report.editions.find((candidate) => candidate.id === report.edition)!;
    return { dir: editionDir(this.options.dataDir, id, edition.id), edition, title: report.title };
  }

  /** The report's document: the built one, or its folder's, made again from the copy if damaged. */
  document(id: string): Promise<ReportDocument> {
    if (id === BUNDLED_REPORT_ID) return Promise.resolve(this.options.bundled.document);
    let load = this.documents.get(id);
    if (!load) {
      load = retrying(async () => {
        const { dir, edition } = this.editionOf(id);
        const read = await readEditionDocument(dir, edition.id, this.canWrite);
        if (read.status === 'ok') return read.value;
        return (await this.rebuild(id, read.status === 'bad' ? read.kept : null)).document;
      });
      this.documents.set(id, load);
    }
    return load();
  }

  /** The report's serialized search index, made again from the copy if damaged. */
  searchIndex(id: string): Promise<string> {
    if (id === BUNDLED_REPORT_ID) return this.options.bundled.loadSearchIndex();
    let load = this.indexes.get(id);
    if (!load) {
      load = retrying(async () => {
        const { dir } = this.editionOf(id);
        const read = await readEditionIndex(dir, isIndexText, this.canWrite);
        if (read.status === 'ok') return read.value;
        return (await this.rebuild(id, read.status === 'bad' ? read.kept : null)).searchIndex;
      });
      this.indexes.set(id, load);
    }
    return load();
  }

  /** The derived files made again from the app's copy of the file, and written back. */
  private async rebuild(
    id: string,
    kept: string | null,
  ): Promise<{ document: ReportDocument; searchIndex: string }> {
    const { dir, edition, title } = this.editionOf(id);
    const bytes = await readSourceCopy(dir, edition);
    if (!bytes) {
      throw new Error(
        `《${title}》保存在数据文件夹中的副本已损坏或丢失，无法打开：请移除它后重新添加原文件。`,
      );
    }
    const parsed = await this.options.parse({ bytes }, { fileName: edition.fileName, index: true });
    if (parsed.document.version !== edition.id || parsed.searchIndex === undefined) {
      throw new Error(
        `《${title}》的副本读出的文字与保存时不同，无法打开：请移除它后重新添加原文件。`,
      );
    }
    let written = '并已写回';
    if (this.canWrite) {
      await rewriteDerived(dir, parsed.document, parsed.searchIndex).catch(() => {
        written = '（未能写回，下次打开时会再做一次）';
      });
    } else {
      written = '（本次只读，未写回）';
    }
    const aside = kept ? `；损坏的文件保留为 ${kept.split(/[\\/]/).at(-1)}` : '';
    const notices = this.recovered.get(id) ?? [];
    notices.push(
      `《${title}》的解析数据已损坏或缺失，已从保存的原文件副本重新生成${written}${aside}。`,
    );
    this.recovered.set(id, notices);
    this.documents.set(id, () => Promise.resolve(parsed.document));
    this.indexes.set(id, () => Promise.resolve(parsed.searchIndex!));
    return { document: parsed.document, searchIndex: parsed.searchIndex };
  }

  /** The report's search engine, kept for the last few reports searched. */
  engine(id: string): Promise<SearchEngine> {
    let load = this.engines.get(id);
    if (load) {
      // Most recently used last.
      this.engines.delete(id);
    } else {
      load = retrying(async () =>
        SearchEngine.load(await this.searchIndex(id), (await this.document(id)).blocks),
      );
    }
    this.engines.set(id, load);
    for (const old of this.engines.keys()) {
      if (this.engines.size <= ENGINES_KEPT) break;
      this.engines.delete(old);
      // The index text goes with its engine; the bundled one is main's build output.
      if (old !== BUNDLED_REPORT_ID) this.indexes.delete(old);
    }
    return load();
  }

  /** The report open for its notes: opened at the first call, then kept. */
  open(id: string): Promise<ReportSession> {
    let load = this.sessions.get(id);
    if (!load) {
      load = retrying(async () => {
        const document = await this.document(id);
        const file = await openUserData(this.options.dataDir, id, this.options.access);
        const userData = createUserDataService({
          document,
          file,
          reportKey: id,
          colorNames: this.options.colorNames,
        });
        const notices = [...(this.recovered.get(id) ?? []), ...file.notices];
        this.recovered.delete(id);
        return { id, document, file, userData, notices };
      });
      this.sessions.set(id, load);
    }
    return load();
  }

  /** Resolves once every write of every open report's notes is on disk. */
  async flush(): Promise<void> {
    const open = [...this.sessions.values()].map((load) => load().catch(() => null));
    await Promise.all((await Promise.all(open)).map((session) => session?.file.flush()));
  }
}

/** Cheap check that a stored index is whole: it parses, and is lunr's. */
function isIndexText(text: string): boolean {
  try {
    const value = JSON.parse(text) as { version?: unknown; fields?: unknown };
    return typeof value.version === 'string' && Array.isArray(value.fields);
  } catch {
    return false;
  }
}
