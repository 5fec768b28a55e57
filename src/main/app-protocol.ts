/**
 * The `app://` scheme that serves the built renderer instead of `file://`:
 * a page on `file://` may read any file the user can, and its origin is
 * shared with every other local file. Pure: no `electron` import, so the
 * traversal rules are unit-tested under Node; main only registers it.
 */
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { readStatic, resolveStaticPath, type StaticFile } from '../services/static-files';

export const APP_SCHEME = 'app';
/** The one host the scheme answers for; `app://bundle.evil` is another origin and gets nothing. */
export const APP_HOST = 'bundle';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Passed to `protocol.registerSchemesAsPrivileged` before `ready`. Standard:
 * relative URLs, localStorage and an origin of its own (so CSP `'self'` means
 * app://bundle). Secure: treated like https. It does not bypass CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * The file inside `root` that an app:// URL names, or null. Refused: another
 * scheme or host, a port or user info, and any path that decodes to `..`, a
 * backslash, NUL, a drive letter or an absolute path (`//etc/passwd`).
 */
export function resolveAppUrl(requestUrl: string, root: string): string | null {
  // The URL parser folds `..` and `%2e%2e` segments away before we could see
  // them (`app://bundle/../x` becomes `/x`): a URL that contains one was
  // written to escape, so it is refused as sent, not served as folded.
  if (DOT_SEGMENT.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;
  const path = url.pathname;
  // Checked on the raw path too: the URL parser already folded plain `..`,
  // but encoded forms reach us as they were sent.
  if (/%(00|5c|2f)/i.test(path) || path.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.startsWith('//') || decoded.includes(':')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return resolveStaticPath(root, path);
}

/** A `.` or `..` path segment, plain or percent-encoded, ended by a separator or the end. */
const DOT_SEGMENT = /[/\\](\.|%2e){1,2}([/\\?#]|%2f|%5c|$)/i;

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** Reads the file a URL path names; the page comes with the report read last (services/start-page.ts). */
export type ReadFile = (urlPath: string) => Promise<StaticFile | null>;

/** What the protocol handler answers for a request: the file, or a 404 that names nothing. */
export async function appResponse(
  requestUrl: string,
  method: string,
  root: string,
  read: ReadFile = (urlPath) => readStatic(root, urlPath),
): Promise<AppResponse> {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...HEADERS, 'Content-Type': 'text/plain' }, body: '' };
  }
  const path = resolveAppUrl(requestUrl, root);
  const file = path ? await read(new URL(requestUrl).pathname) : null;
  if (!file) {
    return { status: 404, headers: { ...HEADERS, 'Content-Type': 'text/plain' }, body: '' };
  }
  return { status: 200, headers: { ...HEADERS, 'Content-Type': file.type }, body: file.body };
}
