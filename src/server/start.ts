/** Starts browser mode with the real services: used by `npm run serve`, e2e tests and the bench. */
import { join } from 'node:path';
import { createReaderServices } from '../services/reader-services';
import { readFile } from 'node:fs/promises';
import {
  BUILT_DOCUMENT_FILE,
  BUILT_SEARCH_INDEX_FILE,
  loadBuiltDocument,
} from '../services/built-document';
import { BUILT_DATA_DIR, RENDERER_DIR } from '../services/paths';
import { startBridge, type RunningBridge } from './bridge-server';

export interface ReaderServerOptions {
  dataDir: string;
  host?: string;
  port?: number;
}

export async function startReaderServer(options: ReaderServerOptions): Promise<RunningBridge> {
  const document = await loadBuiltDocument(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE));
  const services = await createReaderServices({
    dataDir: options.dataDir,
    document,
    loadSearchIndex: () => readFile(join(BUILT_DATA_DIR, BUILT_SEARCH_INDEX_FILE), 'utf8'),
  });
  const bridge = await startBridge({
    handlers: services.handlers,
    rendererDir: RENDERER_DIR,
    host: options.host,
    port: options.port,
  });
  // Stopping the server must not cut off a save that was already asked for.
  return { ...bridge, close: () => bridge.close().then(() => services.flush()) };
}
