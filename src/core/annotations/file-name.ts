/**
 * File names that came from a user or from the report: safe on every
 * platform, and never a path. The caller joins it to a folder the user chose.
 */
import { basename, resolve, sep } from 'node:path';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_LENGTH = 120;

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
  if (name.length > MAX_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_LENGTH - extension.length) + extension;
  }
  return name === '' ? fallback : name;
}

/** `folder/name`, or an error when the name would land anywhere else. */
export function pathInside(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(root, name);
  if (basename(target) !== name || !target.startsWith(root + sep)) {
    throw new Error(`文件名不安全：${name}`);
  }
  return target;
}
