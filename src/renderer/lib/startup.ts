/** The three contract calls the reader needs before it can draw its interface. */
import type { ReaderApi } from '../../shared/api';
import { unwrap } from '../api/client';

export function loadStartupData(api: ReaderApi) {
  return Promise.all([
    unwrap(api.getDocument()),
    unwrap(api.getSettings()),
    unwrap(api.getNotices()),
  ]);
}

export type StartupData = Awaited<ReturnType<typeof loadStartupData>>;
