/**
 * File names that came from a user or from the report: safe on every
 * platform (core/file-name.ts), and never a path. The caller joins it to a
 * folder the user chose.
 */
import { basename, resolve, sep } from 'node:path';

export { safeFileName } from '../core/file-name';

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
