/**
 * Issue 18's crafted import: ten valid annotations quoting `，` (557 places in
 * the report) with 200-character contexts that match nothing. It once took
 * 40 s to import and 46 s for the first getUserData after a restart, with the
 * event loop blocked. Measured here through the app's own handlers, against
 * a plain import of ten real annotations in the same run, each in a fresh
 * data folder (import, then a restart and the first getUserData).
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { targetFor } from '../src/core/annotations/selectors';
import { toWebAnnotations } from '../src/core/annotations/web-annotation';
import { createReaderServices } from '../src/services/reader-services';
import { BUNDLED_REPORT_ID } from '../src/shared/library';
import type { Result } from '../src/shared/api';
import type { ReportDocument } from '../src/shared/document';
import { documentText } from '../src/core/report/doc-text';
import type { Annotation, TextTarget } from '../src/shared/user-data';
import { craftedTarget } from '../tests/support/crafted-target';
import type { AnnotationBenchRow } from './annotations';
import { summarize } from './stats';

const COUNT = 10;
const CONTEXT = 200;

function annotationsOf(targets: TextTarget[]): Annotation[] {
  const at = new Date(0).toISOString();
  return targets.map((target, index) => ({
    id: `bench-${index}`,
    created: at,
    modified: at,
    color: 'c1',
    note: '',
    tags: [],
    target,
  }));
}

function importFiles(document: ReportDocument): { plain: string; crafted: string } {
  const { text } = documentText(document.blocks);
  const source = { key: 'bench', title: document.title };
  const plain = Array.from({ length: COUNT }, (_, i) => {
    const start = Math.floor(((i + 1) * text.length) / (COUNT + 2));
    return targetFor(text, start, start + 12, document.version);
  });
  const crafted = Array.from({ length: COUNT }, (_, i) => craftedTarget(i, CONTEXT));
  return {
    plain: JSON.stringify(toWebAnnotations(annotationsOf(plain), source)),
    crafted: JSON.stringify(toWebAnnotations(annotationsOf(crafted), source)),
  };
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** One import into a fresh folder, then a restart: the milliseconds of each. */
async function importThenRestart(
  folder: string,
  document: ReportDocument,
  content: string,
): Promise<{ importMs: number; restartMs: number }> {
  const open = () =>
    createReaderServices({
      dataDir: folder,
      document,
      loadSearchIndex: () => Promise.reject(new Error('nothing here searches')),
    });
  const first = await open();
  let start = performance.now();
  const report = valueOf(
    await first.handlers.importAnnotations({ report: BUNDLED_REPORT_ID, content }),
  );
  const importMs = performance.now() - start;
  await first.flush();
  if (report.added !== COUNT)
    throw new Error(`bench: expected ${COUNT} added, got ${report.added}`);

  const second = await open();
  start = performance.now();
  valueOf(await second.handlers.getUserData({ report: BUNDLED_REPORT_ID }));
  return { importMs, restartMs: performance.now() - start };
}

export async function measureCraftedImport(
  dataDir: string,
  document: ReportDocument,
  rounds: number,
): Promise<AnnotationBenchRow[]> {
  const files = importFiles(document);
  const samples = {
    plain: { importMs: [] as number[], restartMs: [] as number[] },
    crafted: { importMs: [] as number[], restartMs: [] as number[] },
  };
  for (let i = 0; i < rounds; i++) {
    // ABBA, so drift hits both alike.
    const order = i % 2 === 0 ? (['plain', 'crafted'] as const) : (['crafted', 'plain'] as const);
    for (const kind of order) {
      const folder = await mkdtemp(join(dataDir, `${kind}-`));
      const run = await importThenRestart(folder, document, files[kind]);
      samples[kind].importMs.push(run.importMs);
      samples[kind].restartMs.push(run.restartMs);
    }
  }
  const note =
    `floor: ${COUNT} real annotations; crafted file ${(files.crafted.length / 1024).toFixed(1)} KB; ` +
    'goal: app under 1 s (it took 40 s before the bound)';
  return [
    {
      metric: `import ${COUNT} crafted annotations (\`，\`, ${CONTEXT}-char contexts)`,
      floor: summarize(samples.plain.importMs),
      app: summarize(samples.crafted.importMs),
      note,
    },
    {
      metric: `first getUserData after a restart, same ${COUNT}`,
      floor: summarize(samples.plain.restartMs),
      app: summarize(samples.crafted.restartMs),
      note,
    },
  ];
}
