/** Runs `run` once the browser has nothing better to do (at the latest after `timeoutMs`); returns a cancel. */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  // Not every engine the renderer runs in has requestIdleCallback (WebKit lacks it).
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, Math.min(timeoutMs, 500));
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
