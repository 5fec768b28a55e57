/** Serving the built renderer without ever leaving its folder. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps a URL path to a file inside `root`, or null. Decoding happens once and
 * the resolved path is checked, so `..`, `%2e%2e`, encoded backslashes and NUL
 * cannot escape.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(join(base, relative));
  return full.startsWith(base + sep) ? full : null;
}

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * A built asset named by its content's hash (`assets/index-gHJfGLlD.js`): its
 * name changes with its bytes, so once read it is the same until the end.
 */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.(?:js|css)$/;

/**
 * Files read, by path, with the size and time of change they were read at.
 * Every page load asks for the same few files (the page, its bundle, its
 * stylesheet): read from memory they cost no trip through the file system's
 * thread pool (a stat, an open, reads and a close), which on a busy machine
 * waited for the CPU while the page waited for them. A hashed asset is served
 * without looking at the disk again; any other file (index.html) is read
 * again when a stat says it changed (a new build while the server runs).
 */
const cache = new Map<string, StaticFile & { size: number; mtimeMs: number }>();

export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  const cached = cache.get(path);
  if (cached && HASHED_ASSET.test(path)) return { body: cached.body, type: cached.type };
  try {
    const stats = await stat(path);
    if (!stats.isFile()) return null;
    if (cached && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) {
      return { body: cached.body, type: cached.type };
    }
    const file = {
      body: await readFile(path),
      type: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    };
    cache.set(path, { ...file, size: stats.size, mtimeMs: stats.mtimeMs });
    return file;
  } catch {
    cache.delete(path);
    return null;
  }
}
