/**
 * File names that came from a user or from the report: safe on every
 * platform, and never a path. The caller joins it to a folder the user chose.
 */
import { basename, resolve, sep } from 'node:path';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_LENGTH = 120;
/** ext4, APFS and NTFS-over-UTF-8 take 255 bytes a name; 120 Chinese characters are 360. */
const MAX_BYTES = 240;

export function safeFileName(wanted: string, fallback = '导出'): string {
  let name = wanted
    .normalize('NFC')
    // Separators, Windows-forbidden characters and control characters.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // Leading dots hide a file (or make `..`); trailing dots and spaces vanish on Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_LENGTH || Buffer.byteLength(name) > MAX_BYTES) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = cut(name.slice(0, name.length - extension.length), extension) + extension;
  }
  return name === '' ? fallback : name;
}

/**
 * The longest start of `stem` that fits beside `extension`, cut between code
 * points: a lone half of a surrogate pair is not a valid file name.
 */
function cut(stem: string, extension: string): string {
  const points = [...stem];
  const room = Buffer.byteLength(extension);
  let kept = '';
  for (const point of points) {
    const next = kept + point;
    if (next.length + extension.length > MAX_LENGTH || Buffer.byteLength(next) + room > MAX_BYTES) {
      break;
    }
    kept = next;
  }
  return kept;
}

/** `folder/name`, or an error when the name would land anywhere else. */
export function pathInside(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(root, name);
  // A backslash or a drive colon is a separator on Windows, a NUL ends the name
  // in C: each would make a different file than the one checked here.
  // eslint-disable-next-line no-control-regex -- NUL and control characters are what we refuse
  const foreign = /[\\/:\u0000-\u001f]/.test(name);
  if (foreign || basename(target) !== name || !target.startsWith(root + sep)) {
    throw new Error(`文件名不安全：${name}`);
  }
  return target;
}
