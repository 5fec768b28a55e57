import { forReport } from '../../support/report-handlers';
import { buildSerializedIndex } from '../../../src/core/search/build-index';
import { segmentWords } from '../../../src/services/search/words';
/** Temp folders for storage and server tests: everything written lives under os.tmpdir(). */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReaderServices } from '../../../src/services/reader-services';
import type { ServiceHandlers } from '../../../src/shared/api';
import type { ReportDocument } from '../../../src/shared/document';

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `reader-${prefix}-`));
}

export async function removeTempDir(dir: string): Promise<void> {
  if (!dir.startsWith(tmpdir())) throw new Error(`refusing to remove ${dir}: not in tmpdir`);
  await rm(dir, { recursive: true, force: true });
}

/** Names in `dir` that look like the atomic writer's temp files. */
export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
}

/** A small document for the services and the bridge: they pass it through untouched. */
export const FAKE_DOCUMENT: ReportDocument = {
  title: '测试报告',
  date: '2018年1月1日',
  version: 'test-1',
  blocks: [
    { id: 'b1', kind: 'meta', role: 'title', text: '测试报告' },
    { id: 'b2', kind: 'heading', level: 1, text: '一、总则' },
    { id: 'b3', kind: 'paragraph', text: '第一段。', emphasis: [{ start: 0, end: 2 }] },
  ],
  outline: [{ level: 1, title: '一、总则', block: 'b2' }],
  glossary: [],
};

/** The search index of FAKE_DOCUMENT, as the build step would serialize it. */
export const loadFakeSearchIndex = async (): Promise<string> =>
  buildSerializedIndex(FAKE_DOCUMENT, segmentWords);

/** The real services over the small fake document, keeping their data in `dataDir`; calls go to the bundled report. */
export async function fakeServiceHandlers(dataDir: string): Promise<ServiceHandlers> {
  const services = await createReaderServices({
    dataDir,
    document: FAKE_DOCUMENT,
    loadSearchIndex: loadFakeSearchIndex,
  });
  return forReport(services.handlers);
}
