/** What the search benches' child processes share: memory readings, timing, and the hit-set check. */
import { PerformanceObserver } from 'node:perf_hooks';
import { RESULT_TAG, type Mismatch } from './search';

const MiB = 1024 ** 2;

/** process.resourceUsage().maxRSS is in KiB. */
export function maxRssMiB(): number {
  return (process.resourceUsage().maxRSS * 1024) / MiB;
}

/** A full GC when the child runs with --expose-gc (the benches start it so); else nothing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

/** Null when the engine found exactly the scan's blocks, each once; else what differs (ten of each at most). */
function sameHits(query: string, engineIds: string[], scanIds: string[]): Mismatch | null {
  const engine = new Set(engineIds);
  const scan = new Set(scanIds);
  const engineOnly = [...engine].filter((id) => !scan.has(id));
  const scanOnly = [...scan].filter((id) => !engine.has(id));
  if (engineOnly.length === 0 && scanOnly.length === 0 && engine.size === engineIds.length) {
    return null;
  }
  return { query, engineOnly: engineOnly.slice(0, 10), scanOnly: scanOnly.slice(0, 10) };
}

/** Garbage collection seen while timing. */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Each returns something of the answer (a hit count), kept so the work cannot be optimized away. */
export interface TimedCalls {
  engine: (query: string) => number;
  scan: (query: string) => number;
  /** The engine's full answer (every hit's ranges), timed after the rounds. */
  full: (query: string) => number;
}

/**
 * `rounds` rounds of every query through the engine and the scan, alternating
 * which goes first so that drift within the run hits both alike; then the
 * full answer for a quarter as many rounds. Times per query, in milliseconds.
 */
export async function timeRounds(
  queries: string[],
  rounds: number,
  calls: TimedCalls,
): Promise<{ engineTimes: number[][]; scanTimes: number[][]; fullTimes: number[]; gc: GcPauses }> {
  const engineTimes = queries.map((): number[] => []);
  const scanTimes = queries.map((): number[] => []);
  let sink = 0;
  const time = (call: (query: string) => number, times: number[][]) => {
    for (let q = 0; q < queries.length; q++) {
      const start = performance.now();
      sink += call(queries[q]);
      times[q].push(performance.now() - start);
    }
  };
  const gcPauses: number[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push(entry.duration);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      time(calls.engine, engineTimes);
      time(calls.scan, scanTimes);
    } else {
      time(calls.scan, scanTimes);
      time(calls.engine, engineTimes);
    }
  }
  const fullTimes: number[] = [];
  for (let round = 0; round < Math.max(1, Math.ceil(rounds / 4)); round++) {
    for (const query of queries) {
      const start = performance.now();
      sink += calls.full(query);
      fullTimes.push(performance.now() - start);
    }
  }
  if (sink < 0) console.log(sink); // keep the results observable
  // GC entries are delivered once the (synchronous) rounds yield to the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  gcObserver.disconnect();
  return {
    engineTimes,
    scanTimes,
    fullTimes,
    gc: {
      count: gcPauses.length,
      totalMs: gcPauses.reduce((sum, pause) => sum + pause, 0),
      maxMs: Math.max(0, ...gcPauses),
    },
  };
}

/**
 * The warm-up round: every query once through the engine, timed on its own
 * (its first pass, nothing cached yet), and its hit blocks checked against
 * the scan's.
 */
export function firstPass<R>(
  queries: string[],
  engine: { search: (query: string) => R; ids: (result: R) => string[] },
  scanIds: (query: string) => string[],
): { times: number[]; mismatches: Mismatch[]; hitCounts: number[] } {
  const times: number[] = [];
  const mismatches: Mismatch[] = [];
  const hitCounts: number[] = [];
  for (const query of queries) {
    const [result, ms] = timed(() => engine.search(query));
    times.push(ms);
    const expected = scanIds(query);
    hitCounts.push(expected.length);
    const mismatch = sameHits(query, engine.ids(result), expected);
    if (mismatch) mismatches.push(mismatch);
  }
  return { times, mismatches, hitCounts };
}

/** Runs a child's work; its result goes to stdout as one line after RESULT_TAG, a failure to stderr with exit code 1. */
export function runChildMain(name: string, main: () => Promise<unknown>): void {
  main().then(
    (result) => process.stdout.write(`${RESULT_TAG} ${JSON.stringify(result)}\n`),
    (error: unknown) => {
      console.error(`${name} failed:`, error);
      process.exit(1);
    },
  );
}
