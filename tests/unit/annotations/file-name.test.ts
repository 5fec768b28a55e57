/**
 * Export file names from a user or from the report: never a path, safe on
 * every platform, short enough for every file system; and `pathInside`, the
 * last check before a write, checked on resolved paths only.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathInside, safeFileName } from '../../../src/services/file-name';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { namesIn } from './helpers';

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('file-name');
});

afterAll(async () => {
  await removeTempDir(dir);
});

describe('safeFileName', () => {
  const cases: [string, string][] = [
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\x', '_.._x'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['LPT1 ', '_LPT1'],
    ['nul.', '_nul'],
    ['a:b*c?', 'a_b_c_'],
    ['<批注>|"x"', '_批注___x_'],
    ['a\u0000b\u001fc\u007fd', 'a_b_c_d'],
    ['....', '导出'],
    ['. . .', '导出'],
    ['', '导出'],
    ['   ', '导出'],
    ['.hidden', 'hidden'],
    ['发言提纲-政府工作报告-2026-11-27.md', '发言提纲-政府工作报告-2026-11-27.md'],
    ['tab\there\nnewline', 'tab_here_newline'],
    ['e\u0301.md', '\u00e9.md'],
  ];
  for (const [wanted, safe] of cases) {
    it(`${JSON.stringify(wanted)} → ${JSON.stringify(safe)}`, () => {
      expect(safeFileName(wanted)).toBe(safe);
    });
  }

  it('a 300-character Chinese name is cut to fit a 255-byte file system name, keeping the extension', async () => {
    const name = safeFileName('批'.repeat(300) + '.md');
    expect(name.endsWith('批.md')).toBe(true);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
    // The real test: the file system takes it.
    await writeFile(pathInside(dir, name), 'x');
    expect(await namesIn(dir)).toContain(name);
  });

  it('never cuts a surrogate pair in half', () => {
    const name = safeFileName('𠀀'.repeat(300) + '.json');
    expect(name.endsWith('𠀀.json')).toBe(true);
    // A lone surrogate does not survive UTF-8: it comes back as U+FFFD.
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
  });

  it('every result is a plain name that pathInside accepts', () => {
    for (const [wanted] of cases) {
      const name = safeFileName(wanted);
      expect(pathInside(dir, name)).toBe(join(resolve(dir), name));
    }
  });
});

describe('pathInside', () => {
  const hostile = [
    '../x',
    '../../etc/passwd',
    'a/../../x',
    'sub/x.md',
    '/etc/passwd',
    '.',
    '..',
    '',
    'x/',
    './x',
    'a\u0000b',
    '..\\..\\x',
    'C:\\x',
  ];
  for (const name of hostile) {
    it(`refuses ${JSON.stringify(name)}`, () => {
      expect(() => pathInside(dir, name)).toThrow(/^文件名不安全：/u);
    });
  }

  it('accepts a plain name, directly inside the folder', () => {
    const path = pathInside(dir, '发言提纲.md');
    expect(path).toBe(resolve(dir) + sep + '发言提纲.md');
  });

  it('resolves a relative folder before checking', () => {
    const path = pathInside('some/../folder', 'a.md');
    expect(path).toBe(resolve('folder', 'a.md'));
  });
});
