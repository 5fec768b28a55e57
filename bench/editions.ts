/**
 * Editions (修订对照): comparing two editions of the report, and listing the
 * changes that touch 1,000 annotations, against a floor that only reads
 * every character of both editions once (the comparison text of every block:
 * what no comparison can skip). At 1× the goal is ≤ 100 ms; at 100× (two
 * 1.2-million-character editions) it must finish, and the time is reported.
 *
 * Runs alone too: `npx tsx bench/editions.ts` prints the table and touches
 * no file.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { targetFor } from '../src/core/annotations/selectors';
import { compareKey } from '../src/core/editions/compare-text';
import { diffEditions } from '../src/core/editions/diff-editions';
import { reviewChanges } from '../src/core/editions/touched';
import { documentText } from '../src/core/report/doc-text';
import type { ReportDocument } from '../src/shared/document';
import type { Annotation } from '../src/shared/user-data';
import { mulberry32 } from '../tests/support/random';
import { documentOf, NEW, OLD, repeated } from '../tests/unit/editions/fixtures';
import { markdownTable } from './report';
import { summarize, type Summary } from './stats';

const GOAL_MS = 100;

function time(run: () => unknown, rounds: number): { summary: Summary; last: unknown } {
  const samples: number[] = [];
  let last: unknown;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    last = run();
    samples.push(performance.now() - start);
  }
  return { summary: summarize(samples), last };
}

function annotationsOn(document: ReportDocument, count: number): Annotation[] {
  const { text } = documentText(document.blocks);
  const random = mulberry32(16);
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, index) => {
    const start = Math.floor(random() * (text.length - 100));
    const end = start + 4 + Math.floor(random() * 76);
    return {
      id: `a${index}`,
      created: now,
      modified: now,
      color: 'c1',
      note: '',
      tags: [],
      target: targetFor(text, start, end, document.version),
    };
  });
}

interface Scenario {
  name: string;
  old: ReportDocument;
  new: ReportDocument;
  rounds: number;
}

export interface EditionsBenchResult {
  table: string;
  /** The 1× goal, for the verdict line. */
  goal: { goal: string; measured: string; pass: boolean };
  /** 修订对照 at 100× in the page (bench/editions-ui.ts), when a browser ran it. */
  ui?: { table: string; goal: { goal: string; measured: string; pass: boolean | null } };
}

export function runEditionsBench(): EditionsBenchResult {
  const hundredOld = repeated(OLD, 100);
  const scenarios: Scenario[] = [
    { name: '1×, the six-edit revision', old: OLD, new: NEW, rounds: 30 },
    {
      name: '100×, one copy revised',
      old: hundredOld,
      new: documentOf(
        [...repeated(OLD, 50).blocks, ...NEW.blocks, ...repeated(OLD, 49).blocks].map(
          (block, index) => ({ ...block, id: `b${index + 1}` }),
        ),
        'one',
      ),
      rounds: 5,
    },
    { name: '100×, every copy revised', old: hundredOld, new: repeated(NEW, 100), rounds: 5 },
    {
      name: '100×, every digit changed in every copy',
      old: hundredOld,
      new: repeated(OLD, 100, (text, copy) =>
        text.replace(/\d/g, (digit) => String((Number(digit) + 1 + (copy % 9)) % 10)),
      ),
      rounds: 3,
    },
  ];

  const rows: string[][] = [];
  let goal: EditionsBenchResult['goal'] | undefined;
  for (const scenario of scenarios) {
    const chars = documentText(scenario.old.blocks).text.length;
    // Warm-up, and the answer the table reports.
    const diff = diffEditions(scenario.old, scenario.new);
    const floor = time(() => {
      let sink = 0;
      for (const block of scenario.old.blocks) sink += compareKey(block.text).length;
      for (const block of scenario.new.blocks) sink += compareKey(block.text).length;
      return sink;
    }, scenario.rounds).summary;
    const app = time(() => diffEditions(scenario.old, scenario.new), scenario.rounds).summary;
    const annotations = annotationsOn(scenario.old, 1000);
    const review = time(
      () =>
        reviewChanges(diff, scenario.old, scenario.new, { annotations, bookmarks: [] })
          .touchedChanges,
      scenario.rounds,
    );
    const { insert, delete: deleted, change, move } = diff.stats;
    rows.push([
      scenario.name,
      `${(chars / 1e6).toFixed(2)} M`,
      `${change} / ${insert} / ${deleted} / ${move}`,
      `${floor.median.toFixed(1)} ms`,
      `${app.median.toFixed(1)} ms`,
      `${app.p95.toFixed(1)} ms`,
      `${review.summary.median.toFixed(1)} ms (${String(review.last)} touched)`,
      String(scenario.rounds),
    ]);
    if (goal === undefined) {
      goal = {
        goal: `compare two editions of the report ≤ ${GOAL_MS} ms (median)`,
        measured: `${app.median.toFixed(1)} ms, p95 ${app.p95.toFixed(1)} ms`,
        pass: app.median <= GOAL_MS,
      };
    }
  }
  const table = markdownTable(
    [
      'editions',
      'chars (old)',
      'change / insert / delete / move',
      'floor median',
      'diff median',
      'diff p95',
      'touched, 1,000 annotations (median)',
      'rounds',
    ],
    rows,
  );
  return { table, goal: goal! };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { table, goal } = runEditionsBench();
  console.log(`${table}\n\n${goal.goal}: ${goal.measured} — ${goal.pass ? 'pass' : 'FAIL'}`);
}
