/** Reading JSON files that a user, a crash or a full disk may have damaged. */
import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';

export type JsonRead =
  { status: 'missing' } | { status: 'ok'; value: unknown } | { status: 'corrupt'; reason: string };

export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  // Editors on Windows add a byte-order mark; it is not damage.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { status: 'corrupt', reason: '文件为空' };
  try {
    return { status: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { status: 'corrupt', reason: `不是有效的 JSON（${(error as Error).message}）` };
  }
}

/**
 * Keeps a file for the user (never deletes it) and returns where it went:
 * `<file>.corrupt-<stamp>` for a damaged file, `<file>.kept-<stamp>` for one
 * kept from being overwritten.
 */
export async function moveAside(
  path: string,
  now = new Date(),
  kind: 'corrupt' | 'kept' = 'corrupt',
): Promise<string> {
  // The random part keeps two damaged files within one millisecond from
  // overwriting each other: rename would replace the first silently.
  const stamp = `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
  const target = `${path}.${kind}-${stamp}`;
  await rename(path, target);
  return target;
}
