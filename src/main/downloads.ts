/**
 * Downloads in the desktop app: only the exports the page itself makes (a
 * `blob:` of our own origin) are allowed, and they are saved where the reader
 * chooses in the save dialog, under a sanitised name. Pure, tested under Node.
 */
import { join } from 'node:path';
import { safeFileName } from '../services/file-name';

export type DownloadDecision = { allowed: false } | { allowed: true; defaultPath: string };

/** The origin of a URL, or null; a blob: URL's origin is that of the page that made it. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'blob:') return originOf(parsed.pathname);
    return parsed.protocol === 'app:' || parsed.protocol.startsWith('http')
      ? `${parsed.protocol}//${parsed.host}`
      : null;
  } catch {
    return null;
  }
}

export function downloadDecision(
  url: string,
  pageUrl: string,
  suggestedName: string,
  folder: string,
): DownloadDecision {
  const page = originOf(pageUrl);
  if (!url.startsWith('blob:') || page === null || originOf(url) !== page) {
    return { allowed: false };
  }
  return { allowed: true, defaultPath: join(folder, safeFileName(suggestedName, '批注导出')) };
}
