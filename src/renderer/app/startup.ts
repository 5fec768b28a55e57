/** The three contract calls the reader needs before it can draw its interface. */
import type { MethodName, ReaderApi, ReaderCalls, Result } from '../../shared/api';
import { unwrap } from '../api/client';

/** The calls public/early-calls.js makes before this bundle has loaded. */
export const STARTUP_METHODS = ['getDocument', 'getSettings', 'getNotices'] as const;
type StartupMethod = (typeof STARTUP_METHODS)[number];

declare global {
  interface Window {
    readerEarlyCalls?: Partial<Record<MethodName, Promise<Result<unknown>>>>;
  }
}

/** The early call's answer when it came through, else the call made now. */
function startupCall<M extends StartupMethod>(
  api: ReaderApi,
  method: M,
): Promise<Result<ReaderCalls[M]['response']>> {
  const again = () => api[method]() as Promise<Result<ReaderCalls[M]['response']>>;
  const early = window.readerEarlyCalls?.[method];
  if (!early) return again();
  // The same call, answered by the same handler: only its transport ran earlier.
  return (early as Promise<Result<ReaderCalls[M]['response']>>).then(
    (answer) => (answer.ok ? answer : again()),
    again,
  );
}

export function loadStartupData(api: ReaderApi) {
  return Promise.all([
    unwrap(startupCall(api, 'getDocument')),
    unwrap(startupCall(api, 'getSettings')),
    unwrap(startupCall(api, 'getNotices')),
  ]);
}

export type StartupData = Awaited<ReturnType<typeof loadStartupData>>;
