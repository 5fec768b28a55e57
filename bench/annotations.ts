/**
 * Annotations: how long re-anchoring takes for a week's worth of notes (and
 * far more), against the plain `indexOf` of each quote as the floor, on the
 * report as it is and on a revised edition; and how long a save takes with
 * the backup and fsyncs, against a plain writeFile of the same bytes; and
 * issue 18's crafted import against a plain one (crafted-import.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import approxSearch from 'approx-string-match';
import { anchorTarget } from '../src/core/annotations/anchor';
import { targetFor } from '../src/core/annotations/selectors';
import { openUserData } from '../src/services/user-data/user-data-file';
import { parseReportBytes } from '../src/core/report/parse-report';
import { readFileSync } from 'node:fs';
import { BUNDLED_REPORT } from '../src/services/paths';
import { documentText } from '../src/core/report/doc-text';
import type { Annotation, TextTarget } from '../src/shared/user-data';
import { mulberry32 } from '../tests/support/random';
import { measureCraftedImport } from './crafted-import';
import { markdownTable } from './report';
import { summarize, type Summary } from './stats';

export interface AnnotationBenchRow {
  metric: string;
  floor: Summary;
  app: Summary;
  note: string;
}

function time(run: () => void, rounds: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A corrected edition: a sentence added at the top, and one character changed every ~400. */
function revise(text: string): string {
  let out = '（修订版增补的一句话。）' + text;
  for (let at = 600; at < out.length; at += 397) out = out.slice(0, at) + '改' + out.slice(at + 1);
  return out;
}

export async function runAnnotationBench(
  dataDir: string,
  count = 1000,
  rounds = 15,
): Promise<{ rows: AnnotationBenchRow[]; table: string }> {
  const report = parseReportBytes(new Uint8Array(readFileSync(BUNDLED_REPORT)));
  const { text } = documentText(report.blocks);
  const random = mulberry32(7);
  const targets: TextTarget[] = Array.from({ length: count }, () => {
    const start = Math.floor(random() * (text.length - 100));
    return targetFor(text, start, start + 4 + Math.floor(random() * 76), report.version);
  });
  const revised = revise(text);
  // Results go to a sink, so the JIT cannot drop the floor's work as unused.
  let sink = 0;
  const indexOfEach = () => {
    for (const target of targets) sink += text.indexOf(target.quote.exact);
  };
  // What a plain implementation would do on a revised text: the fuzzy search for every quote.
  const fuzzyEach = () => {
    for (const { quote } of targets) {
      sink += approxSearch(revised, quote.exact, Math.floor(quote.exact.length / 4)).length;
    }
  };
  const statuses = { exact: 0, fuzzy: 0, orphan: 0 };
  for (const target of targets) statuses[anchorTarget(revised, target).status]++;

  const rows: AnnotationBenchRow[] = [
    {
      metric: `anchor ${count} annotations, same edition`,
      floor: summarize(time(indexOfEach, rounds)),
      app: summarize(time(() => targets.forEach((t) => anchorTarget(text, t)), rounds)),
      note: 'floor: indexOf of each quote; all exact',
    },
    {
      metric: `re-anchor ${count} annotations, revised edition`,
      floor: summarize(time(fuzzyEach, rounds)),
      app: summarize(time(() => targets.forEach((t) => anchorTarget(revised, t)), rounds)),
      note: `floor: approx-string-match on every quote; exact ${statuses.exact}, fuzzy ${statuses.fuzzy}, orphan ${statuses.orphan}`,
    },
  ];

  // A save: the whole document, its backup, byte counts checked, fsynced, renamed.
  const file = await openUserData(dataDir);
  const now = new Date().toISOString();
  const annotations: Annotation[] = targets.map((target, index) => ({
    id: `a${index}`,
    created: now,
    modified: now,
    color: 'c1',
    note: '发言要点：'.repeat(1 + (index % 5)),
    tags: ['预算'],
    target,
  }));
  const saves: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const data = { annotations: annotations.slice(0, count - i), bookmarks: [], terms: [] };
    let start = performance.now();
    await file.save(data);
    saves.push(performance.now() - start);
    const body = JSON.stringify({ schemaVersion: 1, data }, null, 2);
    start = performance.now();
    await writeFile(join(dataDir, 'plain.json'), body);
    plain.push(performance.now() - start);
  }
  rows.push({
    metric: `save ${count} annotations (atomic + .bak)`,
    floor: summarize(plain),
    app: summarize(saves),
    note: 'floor: one plain writeFile',
  });

  rows.push(...(await measureCraftedImport(dataDir, report, rounds)));

  const table = markdownTable(
    ['metric', 'floor median', 'floor p95', 'app median', 'app p95', 'ratio (median)', 'note'],
    rows.map((row) => [
      row.metric,
      `${row.floor.median.toFixed(2)} ms`,
      `${row.floor.p95.toFixed(2)} ms`,
      `${row.app.median.toFixed(2)} ms`,
      `${row.app.p95.toFixed(2)} ms`,
      `${(row.app.median / row.floor.median).toFixed(1)}×`,
      row.note,
    ]),
  );
  if (sink === 0.5) console.log(sink); // never true; keeps `sink` alive
  return { rows, table };
}
