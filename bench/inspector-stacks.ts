/**
 * A measured page without the stack traces DevTools has V8 take.
 *
 * Playwright enables the DevTools Runtime domain in every page it drives, and
 * while any Runtime domain is enabled V8 takes a detailed stack trace (line and
 * column of every frame) for each Error object created, for DevTools' view of
 * uncaught exceptions. V8 compiles functions without their source positions
 * until something needs them, so each function on such a stack is parsed
 * again. React DOM creates Errors while its module initializes
 * (`SuspenseException` and others), with
 * React DOM's CommonJS wrapper and the bundle's whole top-level function on the
 * stack: some 350 KB parsed again, 20–30 ms of main thread on this machine, in
 * the middle of the app's start. No reader pays it (the desktop app runs with
 * no DevTools attached, and then V8 takes no such stacks), and the static floor,
 * which runs no script, never does. Measured against the same build: the mark
 * at a median 206 ms with it, 152 ms without (load 4–6).
 *
 * So the page's own DevTools session asks for stacks of no frames
 * (`Runtime.setMaxCallStackSizeToCapture` 0): V8 then takes none, as with no
 * DevTools at all. Playwright keeps that session to itself; it is reached
 * through its in-process connection, and the bench stops if that is not there
 * rather than measure something else. BENCH_INSPECTOR_STACKS=1 leaves the
 * stacks on (the measure before this file, to compare).
 */
import type { Page } from '@playwright/test';

interface CdpClient {
  send(method: string, params: object): Promise<unknown>;
}

/** Playwright's own DevTools session of the page, through its in-process connection. */
function ownSession(page: Page): CdpClient {
  const connection = (page as unknown as { _connection?: { toImpl?: (x: unknown) => unknown } })
    ._connection;
  const impl = connection?.toImpl?.(page) as
    { delegate?: { _mainFrameSession?: { _client?: CdpClient } } } | undefined;
  const client = impl?.delegate?._mainFrameSession?._client;
  if (!client) {
    throw new Error(
      "bench: cannot reach Playwright's own DevTools session of the page to turn off its stack " +
        'traces (bench/inspector-stacks.ts); set BENCH_INSPECTOR_STACKS=1 to measure with them',
    );
  }
  return client;
}

/** Called on a new page before it navigates. */
export async function withoutInspectorStacks(page: Page): Promise<void> {
  if (process.env.BENCH_INSPECTOR_STACKS === '1') return;
  await ownSession(page).send('Runtime.setMaxCallStackSizeToCapture', { size: 0 });
}
