/**
 * Every signal the tests and the benchmark read from the page, named once.
 * Product code calls the functions here and touches no mark, measure or
 * signal attribute itself; tests and the bench import the names from here.
 *
 * - `data-ready="true"` on <html> and the `reader:interactive` mark: the
 *   interface is committed and its key handler attached, so input is
 *   answered from here on;
 * - `data-report="<id>"` on <html>: that report's reader is up (after a
 *   switch from the 书架 too);
 * - `data-search-index="page"` on <html>: searches are answered by the
 *   page's own copy of the index (features/search/local-search.ts);
 * - three measures per search answer, so the benchmark can tell the app's own
 *   time from the wait for the display's next frame, which no page can shorten:
 *   `search:keystroke-to-paint` (the input event to the task after the frame
 *   that shows the results: everything the reader waits for),
 *   `search:keystroke-to-commit` (the input event to the results in the DOM)
 *   and `search:frame` (that frame's own work: style, layout, paint);
 * - `elementtiming="first-paragraph"` on the report's first paragraph, for
 *   the first paragraph's paint. The static report HTML is rendered before
 *   any script (at build time, and by the shells for the report read last)
 *   by core's report-html.ts, which may not import the renderer: the name
 *   is shared's (page-text.ts), and the build and the shells pass it in.
 */

export const READY_SELECTOR = 'html[data-ready="true"]';
export const INTERACTIVE_MARK = 'reader:interactive';
export const PAGE_INDEX_SELECTOR = 'html[data-search-index="page"]';
export { FIRST_PARAGRAPH_TIMING } from '../shared/page-text';

/** Painted, committed, frame: in this order, one entry of each per answer. */
export const LATENCY_MEASURES = [
  'search:keystroke-to-paint',
  'search:keystroke-to-commit',
  'search:frame',
] as const;
const [PAINT, COMMIT, FRAME] = LATENCY_MEASURES;
/** Entries kept per measure: plenty for the benchmark, and a long day of searching never piles up. */
const KEPT = 500;

/** Called once the interface is committed with its key handler attached. */
export function markInteractive(): void {
  performance.mark(INTERACTIVE_MARK);
  document.documentElement.dataset.ready = 'true';
}

/** Called each time a report's reader is up, with its id and edition (`data-report`, `data-edition` on <html>). */
export function markReportShown(report: string, edition: string): void {
  document.documentElement.dataset.report = report;
  // Which edition of it (its document version): a new edition of the same report is another text.
  document.documentElement.dataset.edition = edition;
}

/** The selector of <html> once the given report is on screen. */
export const reportShownSelector = (report: string) => `html[data-report="${report}"]`;

/** Called once, when searches start being answered in the page. */
export function markPageIndexReady(): void {
  document.documentElement.dataset.searchIndex = 'page';
}

/** When an input happened, on the clock the latency measures use. */
export function inputTime(): number {
  return performance.now();
}

/**
 * Runs `then` as the first task after the current frame: with the
 * Prioritized Task Scheduling API at user-blocking priority where the
 * browser has it, so that it runs ahead of work queued before the frame
 * (React's background renders) and times the frame, not that work.
 */
function afterFrame(then: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) {
    void scheduler.postTask(then, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = then;
  channel.port2.postMessage(null);
}
type PostTask = (task: () => void, options: { priority: 'user-blocking' }) => Promise<void>;

/**
 * Records the three latency measures of a search answer typed at `typedAt`
 * (inputTime()); called when the results are committed. Returns a cleanup
 * for the effect.
 */
export function measureKeystrokeToPaint(typedAt: number): () => void {
  const committedAt = performance.now();
  const frame = requestAnimationFrame(() => {
    const frameStart = performance.now();
    afterFrame(() => {
      const end = performance.now();
      if (performance.getEntriesByName(PAINT).length >= KEPT) {
        for (const name of LATENCY_MEASURES) performance.clearMeasures(name);
      }
      performance.measure(PAINT, { start: typedAt, end });
      performance.measure(COMMIT, { start: typedAt, end: committedAt });
      performance.measure(FRAME, { start: frameStart, end });
    });
  });
  return () => cancelAnimationFrame(frame);
}
