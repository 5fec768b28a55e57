/**
 * Keystroke-to-results measures, read by the benchmark (bench/search-typing.ts).
 * Called when the results are committed; returns a cleanup for the effect.
 *
 * Three entries per answer, so the benchmark can tell the app's own time from
 * the wait for the display's next frame, which no page can shorten:
 * - `search:keystroke-to-paint`: the input event to the task after the frame
 *   that shows the results (everything the reader waits for);
 * - `search:keystroke-to-commit`: the input event to the results being in the DOM;
 * - `search:frame`: that frame's own work (style, layout, paint), from its
 *   animation-frame callback to the task after it.
 */
/** Entries kept per measure: plenty for the benchmark, and a long day of searching never piles up. */
const KEPT = 500;
/** Painted, committed, frame: in this order, one entry of each per answer. */
export const LATENCY_MEASURES = [
  'search:keystroke-to-paint',
  'search:keystroke-to-commit',
  'search:frame',
] as const;
const [PAINT, COMMIT, FRAME] = LATENCY_MEASURES;

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
