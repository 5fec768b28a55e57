/**
 * A reader process on a data folder, for the fault tests: it opens the folder
 * the way browser mode does (the lock, then the real services over the small
 * fake document) and then either serves the bridge or writes until killed.
 *   node --import tsx tests/support/data-folder-child.ts <data folder> serve|write
 * serve: prints one JSON line {url, readOnlyReason}; SIGTERM closes, flushes, releases.
 * write: prints "ready", then "ack <id>" for every annotation the services acknowledged.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReaderServices } from '../../src/services/reader-services';
import { startBridge } from '../../src/server/bridge-server';
import { openDataFolder } from '../../src/services/storage/folder-access';
import { FAKE_DOCUMENT, loadFakeSearchIndex } from '../unit/storage/helpers';
import { BUNDLED_REPORT_ID } from '../../src/shared/library';

const [dataDir, mode] = process.argv.slice(2);

const access = await openDataFolder(dataDir, { app: 'browser' });
const services = await createReaderServices({
  dataDir,
  document: FAKE_DOCUMENT,
  loadSearchIndex: loadFakeSearchIndex,
  access,
});

if (mode === 'serve') {
  const bridge = await startBridge({
    handlers: services.handlers,
    // Nothing static is asked for: an empty folder.
    rendererDir: await mkdtemp(join(tmpdir(), 'reader-child-renderer-')),
    port: 0,
  });
  process.stdout.write(
    JSON.stringify({ url: bridge.url, readOnlyReason: access.readOnlyReason }) + '\n',
  );
  process.on('SIGTERM', () => {
    void bridge
      .close()
      .then(() => services.flush())
      .finally(() => access.release())
      .then(() => process.exit(0));
  });
} else {
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const made = await services.handlers.createAnnotation({
      report: BUNDLED_REPORT_ID,
      start: 0,
      end: 2,
      color: 'c1',
      // Notes of varied length, so writes take varied time and a kill lands anywhere.
      note: `第 ${n} 条 ${'批注'.repeat(n % 200)}`,
    });
    if (!made.ok) throw new Error(made.error);
    process.stdout.write(`ack ${made.value.id}\n`);
  }
}
