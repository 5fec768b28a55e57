/**
 * The work both shells start a while after the app starts, scheduled once
 * here so the desktop app and browser mode cannot drift apart: a parse worker
 * made ready for the first report file (pdf.js loaded), and, well after
 * start, a search-across-reports index for reports an older version left
 * without one.
 */
import { INDEX_MISSING_AFTER_MS } from './reader-services';
import { warmParseWorker } from './report-file/parse-in-worker';

/** A moment after start: the page's own start-up comes first. */
export const WARM_AFTER_MS = 2_000;

export interface BackgroundWork {
  /** Indexes what older versions left unindexed (ReaderServices.indexMissing of the services open then). */
  indexMissing: () => Promise<unknown>;
  /** Default true; tests that count processes turn it off. */
  warmParser?: boolean;
  /** Default true. */
  indexing?: boolean;
  /** What warming runs (a stand-in in tests). */
  warm?: () => void;
}

/** Schedules both; answers a function that cancels what has not started yet. Timers never keep the process up. */
export function scheduleBackgroundWork(work: BackgroundWork): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  if (work.warmParser !== false)
    timers.push(setTimeout(work.warm ?? warmParseWorker, WARM_AFTER_MS));
  if (work.indexing !== false) {
    // A failure here changes nothing for the reader: a search across reports builds what it needs.
    const index = () => void work.indexMissing().catch(() => undefined);
    timers.push(setTimeout(index, INDEX_MISSING_AFTER_MS));
  }
  for (const timer of timers) timer.unref?.();
  return () => timers.forEach((timer) => clearTimeout(timer));
}
