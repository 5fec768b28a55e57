import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_PAGE_URL,
  APP_SCHEME_PRIVILEGES,
  appResponse,
  resolveAppUrl,
} from '../../../src/main/app-protocol';
import { isTrustedSenderUrl } from '../../../src/main/security';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'reader-app-protocol-'));
  root = join(base, 'renderer');
  outside = base;
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>报告</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, '%2e%2e'), 'a file literally named %2e%2e');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'index.html'), 'evil');
});

afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

describe('resolveAppUrl', () => {
  it.each([
    ['app://bundle/', 'index.html'],
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/index.html?x=1#b12', 'index.html'],
    ['app://bundle/assets/index-abc.js', join('assets', 'index-abc.js')],
    // Decoded once: a double-encoded dot-dot is a (harmless) file name, not a step up.
    ['app://bundle/%252e%252e', '%2e%2e'],
  ])('%s → <root>/%s', (url, relative) => {
    expect(resolveAppUrl(url, root)).toBe(join(root, relative));
  });

  it.each([
    ['dot-dot', 'app://bundle/../secret.txt'],
    ['dot-dot in the middle', 'app://bundle/assets/../../secret.txt'],
    ['encoded dot-dot and slash', 'app://bundle/%2e%2e%2fsecret.txt'],
    ['upper-case encoded dot-dot and slash', 'app://bundle/%2E%2E%2Fsecret.txt'],
    ['encoded slash', 'app://bundle/assets%2findex-abc.js'],
    ['encoded backslash', 'app://bundle/..%5csecret.txt'],
    ['upper-case encoded backslash', 'app://bundle/..%5Csecret.txt'],
    ['raw backslash', 'app://bundle/..\\secret.txt'],
    ['NUL', 'app://bundle/index.html%00.js'],
    ['absolute path', 'app://bundle//etc/passwd'],
    ['absolute path, encoded', 'app://bundle/%2fetc/passwd'],
    ['Windows drive', 'app://bundle/C:/Windows/win.ini'],
    ['Windows drive, encoded colon', 'app://bundle/C%3a/Windows/win.ini'],
    ['a sibling folder', 'app://bundle/../renderer-evil/index.html'],
    ['broken escape', 'app://bundle/%E0%A4%A'],
    ['a lookalike host', 'app://bundle.evil/index.html'],
    ['a host that ends like ours', 'app://evilbundle/index.html'],
    ['a host in upper case', 'app://BUNDLE/index.html'],
    ['a port', 'app://bundle:8080/index.html'],
    ['user info', 'app://user@bundle/index.html'],
    ['another scheme', 'file:///index.html'],
    ['http', 'http://bundle/index.html'],
    ['not a URL', 'index.html'],
    ['empty', ''],
  ])('refuses %s', (_, url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('never resolves outside the root, whatever the path', () => {
    const pieces = [
      '..',
      '%2e%2e',
      '%2E.',
      '.%2e',
      '%5c',
      '%2f',
      '/',
      '\\',
      '%00',
      'secret.txt',
      'a',
    ];
    for (let i = 0; i < 2000; i++) {
      let path = '';
      for (let j = 0; j < 6; j++) path += pieces[(i * 7 + j * 13 + ((i >> j) & 5)) % pieces.length];
      const resolved = resolveAppUrl(`app://bundle/${path}`, root);
      if (resolved !== null) expect(resolved.startsWith(join(root, '/'))).toBe(true);
    }
  });
});

describe('appResponse', () => {
  it('serves the page with the CSP header and its type', async () => {
    const response = await appResponse('app://bundle/index.html', 'GET', root);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(String(response.body)).toContain('报告');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await appResponse('app://bundle/assets/index-abc.js', 'GET', root);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle.evil/index.html',
    'app://bundle/missing.js',
    'app://bundle/assets',
  ])('answers 404 with an empty body for %s', async (url) => {
    const response = await appResponse(url, 'GET', root);
    expect(response.status).toBe(404);
    expect(response.body).toBe('');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await appResponse('app://bundle/index.html', 'POST', root)).status).toBe(405);
    expect((await appResponse('app://bundle/index.html', 'HEAD', root)).status).toBe(200);
  });
});

describe('the app scheme', () => {
  it('is standard and secure, and does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect('bypassCSP' in APP_SCHEME_PRIVILEGES.privileges).toBe(false);
    expect('allowServiceWorkers' in APP_SCHEME_PRIVILEGES.privileges).toBe(false);
  });

  it('its page is trusted as an IPC sender, lookalikes are not', () => {
    expect(APP_PAGE_URL).toBe('app://bundle/index.html');
    expect(isTrustedSenderUrl('app://bundle/index.html#b3', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://bundle.evil/index.html', APP_PAGE_URL)).toBe(false);
    expect(isTrustedSenderUrl('app://bundle:1/index.html', APP_PAGE_URL)).toBe(false);
  });

  it("CSP 'self' is the page's own origin, which a standard scheme has", () => {
    // Chromium gives app://bundle the origin "app://bundle"; 'self' then matches only it.
    // Besides it, only the two head scripts, each by the hash of its text.
    expect(CONTENT_SECURITY_POLICY).toMatch(
      /script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}='){2}(;|$)/,
    );
  });
});
