/**
 * Runs `run` once the browser has nothing better to do (at the latest after
 * `timeoutMs`); returns a cancel. Where there is no requestIdleCallback
 * (WebKit), after `fallbackMs`.
 */
export function whenIdle(run: () => void, timeoutMs: number, fallbackMs = 500): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, fallbackMs);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
