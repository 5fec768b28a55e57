/** Starts browser mode with the real services: used by `npm run serve`, e2e tests and the bench. */
import { join } from 'node:path';
import { createReaderServices } from '../services/reader-services';
import { scheduleBackgroundWork } from '../services/background-work';
import { readFile } from 'node:fs/promises';
import {
  BUILT_DOCUMENT_FILE,
  BUILT_REPORT_INDEX_FILE,
  BUILT_SEARCH_INDEX_FILE,
  loadBuiltDocument,
  loadBuiltReportIndex,
} from '../services/built-document';
import { BUILT_DATA_DIR, RENDERER_DIR } from '../services/paths';
import { openDataFolder, type FolderAccess } from '../services/storage/folder-access';
import { takeFolderWhenFree } from '../services/folder-return';
import { startBridge, type RunningBridge } from './bridge-server';
import { libraryUpload } from './report-upload';

export interface ReaderServerOptions {
  dataDir: string;
  host?: string;
  port?: number;
  /** How long to wait for another reader to give the data folder back before opening read-only. */
  lockWaitMs?: number;
  /**
   * Start a worker for the first report file a moment after start, so adding
   * one does not wait for pdf.js to load. Default true; tests that add no
   * file pass false.
   */
  warmParser?: boolean;
  /**
   * Build, in a worker, the search-across-reports indexes an older version
   * left missing, a while after start (ReaderServices.indexMissing). Default
   * true; tests that compare the data folder before and after pass false.
   */
  indexMissing?: boolean;
  /** How often to try again for a data folder another reader holds (folder-return.ts). */
  retryEveryMs?: number;
}

export interface ReaderServer extends RunningBridge {
  /** Why this server only reads its data folder (another reader holds it, …); null when it writes. */
  readOnlyReason: string | null;
}

export async function startReaderServer(options: ReaderServerOptions): Promise<ReaderServer> {
  const document = await loadBuiltDocument(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE));
  // One writer per data folder: a second server on the same folder opens read-only.
  const access = await openDataFolder(options.dataDir, {
    app: 'browser',
    waitMs: options.lockWaitMs ?? 3_000,
  });
  try {
    const open = (held: FolderAccess) =>
      createReaderServices({
        dataDir: options.dataDir,
        document,
        loadSearchIndex: () => readFile(join(BUILT_DATA_DIR, BUILT_SEARCH_INDEX_FILE), 'utf8'),
        loadReportIndex: () => loadBuiltReportIndex(join(BUILT_DATA_DIR, BUILT_REPORT_INDEX_FILE)),
        access: held,
      });
    // Held by another reader: taken once it lets go, and the services opened again over it.
    const folder = takeFolderWhenFree({
      dir: options.dataDir,
      app: 'browser',
      access,
      services: await open(access),
      open,
      ...(options.retryEveryMs !== undefined && { everyMs: options.retryEveryMs }),
    });
    const cancelBackground = scheduleBackgroundWork({
      indexMissing: () => folder.services().indexMissing(),
      warmParser: options.warmParser,
      indexing: options.indexMissing,
    });
    const bridge = await startBridge({
      handlers: folder.handlers,
      upload: libraryUpload(options.dataDir, folder.services, folder.tryNow),
      rendererDir: RENDERER_DIR,
      host: options.host,
      port: options.port,
    });
    return {
      ...bridge,
      readOnlyReason: access.readOnlyReason,
      // Stopping the server must not cut off a save that was already asked for;
      // the folder is given back only after it.
      close: () =>
        bridge
          .close()
          .then(() => {
            cancelBackground();
            folder.stop();
          })
          .then(() => folder.services().flush())
          .finally(() => folder.access().release()),
    };
  } catch (error) {
    await access.release();
    throw error;
  }
}
