/** Every file under a folder with its bytes, to prove that a refused call wrote nothing. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[relative(root, path)] = (await readFile(path)).toString('base64');
    }
  };
  await walk(root);
  return files;
}
