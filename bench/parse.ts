/**
 * Parse throughput: each once-quadratic shape of text at 1 MB (and the
 * commonest, short lines, at 4 MB), in seconds per MB against the goal
 * of ≤ 1 s/MB, with a floor measured in the same run (splitting the text into
 * trimmed lines, the least any parse does). Then the bundled report printed to
 * PDF by Chromium: opened cold (pdf.js loaded), warm, and in a worker thread.
 * Last, the bundled report as a .docx and every hostile file, at about 1 MB.
 */
import { performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import { parseReport } from '../src/core/report/parse-report';
import { parseReportFile } from '../src/services/report-file/parse-file';
import { parseReportFileInWorker } from '../src/services/report-file/parse-in-worker';
import { REPORT_SHAPES, linesFor } from '../tests/support/report-shapes';
import { HOSTILE_SHAPES, type HostileFile } from '../tests/support/adversarial-files';
import { GOAL_S_PER_MB, timeHostileFile, warmParsers } from './hostile';
import { makeDocx, makePrintedPdf, reportLines } from '../tests/unit/formats/fixtures';
import { markdownTable } from './report';
import { median } from './stats';

const MB = 1024 * 1024;
const ROUNDS = 3;

function timeMs(run: () => unknown, rounds = ROUNDS): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const floor = (text: string) => text.split('\n').map((line) => line.trim());

async function timeAsync(run: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export interface ParseBenchResult {
  table: string;
  pdfTable: string;
  /** Hostile files (bench/hostile.ts), each opened whole, at about 1 MB. */
  hostileTable: string;
  missed: string[];
}

/** The bundled report as a .docx (fixtures' makeDocx), its lines repeated to about `bytes` of XML. */
const bundledDocx = {
  name: 'the bundled report as a .docx, repeated',
  make: (bytes: number): HostileFile => {
    const lines = reportLines();
    const once = Buffer.byteLength(unzipSync(makeDocx(lines))['word/document.xml']);
    const copies = Math.max(1, Math.round(bytes / once));
    const docx = makeDocx(Array.from({ length: copies }, () => lines).flat());
    return {
      name: `the bundled report as a .docx, ×${copies}`,
      fileName: 'report.docx',
      bytes: docx,
      contentBytes: unzipSync(docx)['word/document.xml'].length,
    };
  },
};

export async function runParseBench(): Promise<ParseBenchResult> {
  const cases: [string, string][] = REPORT_SHAPES.map(([name, make]) => [
    name,
    make(linesFor(make, MB)),
  ]);
  const [shortName, shortMake] = REPORT_SHAPES[0];
  cases.push([`${shortName} (4 MB)`, shortMake(linesFor(shortMake, 4 * MB))]);

  const missed: string[] = [];
  const rows = cases.map(([name, text]) => {
    const megabytes = Buffer.byteLength(text) / MB;
    const parseMs = timeMs(() => parseReport(text));
    const floorMs = timeMs(() => floor(text));
    const perMb = parseMs / 1000 / megabytes;
    if (perMb > GOAL_S_PER_MB) missed.push(`parse ${name}: ${perMb.toFixed(2)} s/MB`);
    console.log(`  ${name}: ${perMb.toFixed(3)} s/MB`);
    return [
      name,
      megabytes.toFixed(2),
      perMb.toFixed(3),
      (floorMs / 1000 / megabytes).toFixed(3),
      (parseMs / floorMs).toFixed(1),
      perMb <= GOAL_S_PER_MB ? 'met' : 'MISSED',
    ];
  });

  const pdf = await makePrintedPdf();
  const open = () => parseReportFile(pdf, { fileName: 'report.pdf' });
  const coldStart = performance.now();
  const first = await open();
  const coldMs = performance.now() - coldStart;
  const warmMs = await timeAsync(open, 5);
  const workerMs = await timeAsync(() => parseReportFileInWorker({ bytes: pdf }), 3);
  const pdfRows = [
    ['first open in this process (pdf.js loaded)', coldMs.toFixed(0)],
    ['warm open, median of 5', warmMs.toFixed(0)],
    ['in a worker thread (new worker each), median of 3', workerMs.toFixed(0)],
  ];
  // Hostile files, opened as the app opens a file (after the PDF above, so pdf.js is loaded).
  await warmParsers();
  const hostileRows: string[][] = [];
  for (const shape of [bundledDocx, ...HOSTILE_SHAPES]) {
    const timing = await timeHostileFile(shape.make(MB));
    const met = timing.cpuSPerMb <= GOAL_S_PER_MB;
    if (!met) missed.push(`open ${timing.name}: ${timing.cpuSPerMb.toFixed(2)} s/MB of CPU`);
    console.log(`  ${timing.name}: ${timing.cpuSPerMb.toFixed(3)} s/MB (${timing.outcome})`);
    hostileRows.push([
      timing.name,
      timing.megabytes.toFixed(2),
      timing.cpuSPerMb.toFixed(3),
      timing.outcome,
      met ? 'met' : 'MISSED',
    ]);
  }
  return {
    hostileTable:
      'The bundled report as a .docx, then hostile files (`tests/support/adversarial-files.ts`), ' +
      'opened whole (`parseReportFile`), once each, ' +
      'in CPU seconds per MB of what the parser reads (a .docx: its XML inflated).\n\n' +
      markdownTable(['Hostile file', 'MB', 'CPU s/MB', 'Outcome', 'Goal ≤ 1 s/MB'], hostileRows),
    table: markdownTable(
      ['Shape', 'MB', 'Parse s/MB', 'Floor s/MB', 'Parse/floor', 'Goal ≤ 1 s/MB'],
      rows,
    ),
    pdfTable:
      `The bundled report printed by Chromium: ${(pdf.length / MB).toFixed(1)} MB, ` +
      `${first.source.pages} pages, ${first.document.blocks.length} blocks.\n\n` +
      markdownTable(['PDF open (parse to blocks)', 'ms'], pdfRows),
    missed,
  };
}
