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
export function measureKeystrokeToPaint(typedAt: number): () => void {
  const committedAt = performance.now();
  const frame = requestAnimationFrame(() => {
    const frameStart = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const end = performance.now();
      performance.measure('search:keystroke-to-paint', { start: typedAt, end });
      performance.measure('search:keystroke-to-commit', { start: typedAt, end: committedAt });
      performance.measure('search:frame', { start: frameStart, end });
    };
    channel.port2.postMessage(null);
  });
  return () => cancelAnimationFrame(frame);
}
