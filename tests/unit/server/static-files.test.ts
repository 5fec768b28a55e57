import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatic, resolveStaticPath } from '../../../src/services/static-files';
import { makeTempDir, removeTempDir } from '../storage/helpers';

// resolveStaticPath only computes paths; this root never has to exist.
const ROOT = resolve('/srv/reader/renderer');

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/a.js', join('assets', 'a.js')],
    ['/assets/./a.js', join('assets', 'a.js')],
    ['/assets/x/../a.js', join('assets', 'a.js')],
    ['/%E6%8A%A5%E5%91%8A.html', '报告.html'],
    ['/a%20b.css', 'a b.css'],
    ['//index.html', 'index.html'],
    ['/assets//a.js', join('assets', 'a.js')],
  ])('%j → ROOT/%s', (urlPath, relative) => {
    expect(resolveStaticPath(ROOT, urlPath)).toBe(join(ROOT, relative));
  });

  it.each([
    '/..',
    '/../',
    '/../x',
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/x',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/../../x',
    '/assets/%2e%2e/%2e%2e/x',
    '/..%5c..%5cx',
    '/assets\\..\\..\\x',
    '/%5c%5cserver%5cshare',
    '/%00index.html',
    '/index.html%00',
    '/index.html\0',
    '/%',
    '/%zz',
    '/%E6%8A',
    '/%c0%ae%c0%ae/x',
    '/../renderer-sibling/x',
    '/../renderer',
    '/.',
    '/assets/..',
  ])('%j is refused', (urlPath) => {
    expect(resolveStaticPath(ROOT, urlPath)).toBeNull();
  });

  it('every answer is strictly inside the root', () => {
    const attempts = [
      '/a',
      '/a/b/../../..',
      '/a/%2e%2e/%2e%2e',
      '/%2e',
      '/....//x',
      '/..../x',
      '/...',
      '/.../..',
    ];
    for (const attempt of attempts) {
      const result = resolveStaticPath(ROOT, attempt);
      if (result !== null) expect(result.startsWith(ROOT + sep), attempt).toBe(true);
    }
  });

  it('works with a relative root and a root with a trailing separator', () => {
    expect(resolveStaticPath('out/renderer', '/a.js')).toBe(resolve('out/renderer', 'a.js'));
    expect(resolveStaticPath(ROOT + sep, '/a.js')).toBe(join(ROOT, 'a.js'));
    expect(resolveStaticPath(ROOT + sep, '/../x')).toBeNull();
  });
});

describe('readStatic', () => {
  let root: string;
  let rendererDir: string;

  beforeAll(async () => {
    root = await makeTempDir('static');
    rendererDir = join(root, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<p>hi</p>');
    await writeFile(join(rendererDir, 'assets', 'app.css'), 'p{}');
    await writeFile(join(rendererDir, 'assets', 'icon.svg'), '<svg/>');
    await writeFile(join(rendererDir, 'assets', 'data.bin'), Buffer.from([0, 1, 2]));
    await writeFile(join(root, 'secret.txt'), 'secret');
  });

  afterAll(async () => {
    await removeTempDir(root);
  });

  it('reads files with their content types', async () => {
    expect(await readStatic(rendererDir, '/')).toEqual({
      body: Buffer.from('<p>hi</p>'),
      type: 'text/html; charset=utf-8',
    });
    expect((await readStatic(rendererDir, '/assets/app.css'))?.type).toBe(
      'text/css; charset=utf-8',
    );
    expect((await readStatic(rendererDir, '/assets/icon.svg'))?.type).toBe('image/svg+xml');
    expect(await readStatic(rendererDir, '/assets/data.bin')).toEqual({
      body: Buffer.from([0, 1, 2]),
      type: 'application/octet-stream',
    });
  });

  it('reads a content-hashed asset once: later answers come from memory, without the disk', async () => {
    const asset = join(rendererDir, 'assets', 'index-Ab_-1234.js');
    await writeFile(asset, 'export {};');
    expect((await readStatic(rendererDir, '/assets/index-Ab_-1234.js'))?.body).toEqual(
      Buffer.from('export {};'),
    );
    await rm(asset);
    expect(await readStatic(rendererDir, '/assets/index-Ab_-1234.js')).toEqual({
      body: Buffer.from('export {};'),
      type: 'text/javascript; charset=utf-8',
    });
  });

  it('reads any other file again once it changed on disk, and forgets one gone', async () => {
    const page = join(rendererDir, 'page.html');
    await writeFile(page, '<p>one</p>');
    expect((await readStatic(rendererDir, '/page.html'))?.body).toEqual(Buffer.from('<p>one</p>'));
    await writeFile(page, '<p>a new build</p>');
    expect((await readStatic(rendererDir, '/page.html'))?.body).toEqual(
      Buffer.from('<p>a new build</p>'),
    );
    await rm(page);
    expect(await readStatic(rendererDir, '/page.html')).toBeNull();
  });

  it('is null for folders, missing files and anything outside', async () => {
    expect(await readStatic(rendererDir, '/assets')).toBeNull();
    expect(await readStatic(rendererDir, '/missing.js')).toBeNull();
    expect(await readStatic(rendererDir, '/../secret.txt')).toBeNull();
    expect(await readStatic(rendererDir, '/..%2fsecret.txt')).toBeNull();
    expect(await readStatic(join(root, 'no-such-dir'), '/')).toBeNull();
  });
});
