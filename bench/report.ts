/** The results table, the machine description, and BENCHMARKS.md. */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Summary } from './stats';

export type Unit = 'ms' | 'MiB';

/** One metric measured on the floor and on the app. */
export interface Row {
  metric: string;
  unit: Unit;
  floor: Summary;
  app: Summary;
  /** The app's median may be at most this many times the floor's; absent: reported only. */
  goalRatio?: number;
}

export interface Verdict {
  ratio: number;
  pass: boolean | null;
}

export function judge(row: Row): Verdict {
  const ratio = row.app.median / row.floor.median;
  return { ratio, pass: row.goalRatio === undefined ? null : ratio <= row.goalRatio };
}

export function missedGoals(rows: Row[]): Row[] {
  return rows.filter((row) => judge(row).pass === false);
}

function value(amount: number, unit: Unit): string {
  return unit === 'ms' ? `${amount.toFixed(1)} ms` : `${amount.toFixed(2)} MiB`;
}

/** A markdown table with padded columns, readable on a terminal as well. */
export function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

export function resultsTable(rows: Row[]): string {
  return markdownTable(
    ['metric', 'floor median', 'floor p95', 'app median', 'app p95', 'ratio', 'goal', 'pass/fail'],
    rows.map((row) => {
      const { ratio, pass } = judge(row);
      return [
        row.metric,
        value(row.floor.median, row.unit),
        value(row.floor.p95, row.unit),
        value(row.app.median, row.unit),
        value(row.app.p95, row.unit),
        `${ratio.toFixed(2)}×`,
        row.goalRatio === undefined ? '—' : `≤ ${row.goalRatio}×`,
        pass === null ? '—' : pass ? 'pass' : 'FAIL',
      ];
    }),
  );
}

/** Medians of diagnostic milestones, side by side; blank where a page has no such milestone. */
export function timelineTable(floor: Map<string, number>, app: Map<string, number>): string {
  const labels = [...new Set([...app.keys(), ...floor.keys()])];
  const cell = (map: Map<string, number>, label: string) =>
    map.has(label) ? `${map.get(label)!.toFixed(1)}` : '';
  return markdownTable(
    ['milestone / work (median ms)', 'floor', 'app'],
    labels.map((label) => [label, cell(floor, label), cell(app, label)]),
  );
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  commit: string;
  /** 1-minute load average when the run started: a busy machine makes every number slower. */
  loadAverage: number;
}

export function describeMachine(chromiumVersion: string, loadAverage: number): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
    commit: gitCommit(),
    loadAverage,
  };
}

function gitCommit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain').length > 0 ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

export interface RunReport {
  date: Date;
  machine: Machine;
  runs: number;
  warmups: number;
  rows: Row[];
  timeline: string;
}

export function runSection(report: RunReport): string {
  const { machine } = report;
  const missed = missedGoals(report.rows);
  return [
    `## ${report.date.toISOString()}`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB RAM, ` +
      `${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}`,
    `- Load average (1 min) at start: ${machine.loadAverage.toFixed(2)}`,
    `- Commit: ${machine.commit}`,
    `- Runs: ${report.runs} per page, alternating, each in a fresh browser context ` +
      `(after ${report.warmups} discarded warm-up load per page)`,
    `- Goals missed: ${missed.length === 0 ? 'none' : missed.map((row) => row.metric).join(', ')}`,
    '',
    resultsTable(report.rows),
    '',
    '<details><summary>Where the time goes (medians)</summary>',
    '',
    report.timeline,
    '',
    '</details>',
    '',
  ].join('\n');
}

const RUNS_MARKER = '<!-- Runs below, newest first. `npm run bench` inserts a section here. -->';

const HEADER = `# Benchmarks

\`npm run bench\` builds the app, then loads the report cold in headless Chromium,
once as **the floor** and once as **the app**, and compares the two.

- **The floor** is the same report as a single static HTML page generated from
  \`out/data/document.json\`: the title and every block as \`<h1>\`/\`<h2>\`/\`<p>\`,
  the app's own CJK font stacks, no JavaScript. It is served by a bare \`node:http\`
  server in the bench process. It is the least any reader of this report can cost.
- **The app** is browser mode (\`startReaderServer\`) with a fresh temporary data
  directory, i.e. default settings, serving the built renderer from \`out/renderer\`.

Each page is loaded \`BENCH_RUNS\` times (default 15), alternating floor and app
(ABBA order), each load in a new browser context (empty cache and storage), after
one discarded warm-up load of each. Before each navigation the bench waits until
Chromium is idle (all its processes < 10 ms CPU per 100 ms), and Chromium runs
with the WebUI omnibox popups disabled: new headless Chromium otherwise starts
two WebUI renderers per browser context that burn over a second of CPU during
the very load being measured. All times are from navigation start
(\`performance.timeOrigin\`). No bench code runs in the page before the first
paragraph has painted except a few lines, installed before any page script, that
observe Element Timing and report over the console: Playwright's own in-page
helpers cost ~15 ms of main thread to inject and would otherwise land on the
critical path.

| metric | floor | app |
| --- | --- | --- |
| first paragraph painted | Element Timing \`renderTime\` of the first body paragraph (\`elementtiming="first-paragraph"\`) | same |
| interactive | max(\`loadEventEnd\`, first paragraph painted) | max(\`performance.mark('reader:interactive')\`, first paragraph painted) |
| JS heap after load | CDP \`Performance.getMetrics\` \`JSHeapUsedSize\` after a forced GC (includes Playwright's small in-page helper, as in the app) | same |

Medians and p95 (linear interpolation between ranks). **Goal: the app's median
is at most 2× the floor's** for both time metrics; heap is reported, not judged.
The bench never fails on a missed goal: it prints and records which goals were
missed. The "where the time goes" table under each run lists navigation and
resource-timing milestones and the renderer's main-thread work by kind (CDP
\`ScriptDuration\`, \`RecalcStyleDuration\`, \`LayoutDuration\`, \`TaskDuration\`).

Run it:

\`\`\`sh
npm run bench              # build, then bench/run.ts
BENCH_RUNS=30 npm run bench
CHROMIUM_PATH=/path/to/chromium npm run bench
\`\`\`

Chromium is \`$CHROMIUM_PATH\`, else \`/usr/bin/chromium\`, else Playwright's own
(\`npx playwright install chromium\`). Numbers from different machines are not
comparable; compare the ratios.

${RUNS_MARKER}
`;

/** Writes the header and the new section above all earlier sections; history is kept. */
export async function recordRun(path: string, section: string): Promise<void> {
  let previous = '';
  try {
    previous = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const at = previous.indexOf(RUNS_MARKER);
  // Without the marker (a hand-written file), keep all of it below the new run.
  const history = (at >= 0 ? previous.slice(at + RUNS_MARKER.length) : previous).trim();
  await writeFile(path, `${HEADER}\n${section}${history ? `\n${history}\n` : ''}`);
}
