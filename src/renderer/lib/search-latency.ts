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
const NAMES = ['search:keystroke-to-paint', 'search:keystroke-to-commit', 'search:frame'];

export function measureKeystrokeToPaint(typedAt: number): () => void {
  const committedAt = performance.now();
  const frame = requestAnimationFrame(() => {
    const frameStart = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const end = performance.now();
      if (performance.getEntriesByName(NAMES[0]).length >= KEPT) {
        for (const name of NAMES) performance.clearMeasures(name);
      }
      performance.measure(NAMES[0], { start: typedAt, end });
      performance.measure(NAMES[1], { start: typedAt, end: committedAt });
      performance.measure(NAMES[2], { start: frameStart, end });
    };
    channel.port2.postMessage(null);
  });
  return () => cancelAnimationFrame(frame);
}
