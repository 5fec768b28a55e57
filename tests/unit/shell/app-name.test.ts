/**
 * The app's name is written once (src/shared/app-name.ts): code says it with
 * APP_NAME, and the files that cannot import it say the same name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_NAME } from '../../../src/shared/app-name';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The code of a file without its comments, where the name may be spoken of freely. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('the app’s name', () => {
  it('is a literal only in src/shared/app-name.ts', () => {
    const literal = sourceFiles('src').filter(
      (file) =>
        file !== join('src', 'shared', 'app-name.ts') &&
        withoutComments(read(file)).includes(APP_NAME),
    );
    expect(literal).toEqual([]);
  });

  it('is the productName, the installer’s names and the page’s title', () => {
    expect(JSON.parse(read('package.json')).productName).toBe(APP_NAME);
    expect(read('electron-builder.yml')).toMatch(new RegExp(`^productName: ${APP_NAME}$`, 'm'));
    expect(read('src/renderer/index.html')).toContain(`<title>${APP_NAME}</title>`);
  });
});
