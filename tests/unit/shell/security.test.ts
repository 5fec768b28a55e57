import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl, secureWebPreferences } from '../../../src/main/security';
import { CONTENT_SECURITY_POLICY, HEAD_SCRIPT_HASHES } from '../../../src/shared/csp';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the page', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('turns on nothing that weakens the page', () => {
    const risky = [
      'enableRemoteModule',
      'enableBlinkFeatures',
      'plugins',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webviewTag',
      'experimentalFeatures',
      'allowRunningInsecureContent',
      'navigateOnDragDrop',
    ];
    for (const key of risky) {
      const value = (prefs as Record<string, unknown>)[key];
      expect(value === undefined || value === false, key).toBe(true);
    }
    expect((prefs as Record<string, unknown>).webSecurity).toBe(true);
  });

  it('hands out a fresh object each time', () => {
    const a = secureWebPreferences('/a');
    const b = secureWebPreferences('/b');
    expect(a).not.toBe(b);
    expect(a.preload).toBe('/a');
    expect(b.preload).toBe('/b');
  });
});

describe('isTrustedSenderUrl', () => {
  const page = pathToFileURL('/opt/报告阅读器/resources/out/renderer/index.html').href;

  it.each([
    ['the page itself', page, true],
    ['the page with a #hash', `${page}#section-b21`, true],
    ['the page with a ?query', `${page}?x=1`, true],
    [
      'another file',
      pathToFileURL('/opt/报告阅读器/resources/out/renderer/other.html').href,
      false,
    ],
    ['a file elsewhere', 'file:///tmp/evil/index.html', false],
    ['a sibling folder', 'file:///opt/报告阅读器/resources/out/renderer-evil/index.html', false],
    ['a file on another host', `file://evilhost${new URL(page).pathname}`, false],
    ['an http page with the same path', `http://localhost${new URL(page).pathname}`, false],
    ['undefined', undefined, false],
    ['the empty string', '', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['data:', 'data:text/html,x', false],
    ['about:blank', 'about:blank', false],
    ['not a URL', 'index.html', false],
  ])('file page, sender %s → %s', (_, sender, expected) => {
    expect(isTrustedSenderUrl(sender, page)).toBe(expected);
  });

  it('the same path with or without percent-escapes is the same page', () => {
    expect(page).toContain('%E6%8A%A5');
    const raw = 'file:///opt/报告阅读器/resources/out/renderer/index.html';
    expect(isTrustedSenderUrl(raw, page)).toBe(true);
    expect(isTrustedSenderUrl(page, raw)).toBe(true);
  });

  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/other.html', true],
    ['app://bundle.evil/index.html', false],
    ['app://evil.bundle/index.html', false],
    ['app://bundle:1/index.html', false],
    ['apps://bundle/index.html', false],
    ['http://bundle/index.html', false],
  ])('custom scheme page, sender %s → %s', (sender, expected) => {
    expect(isTrustedSenderUrl(sender, 'app://bundle/index.html')).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5173/#x', true],
    ['http://localhost:5174/', false],
    ['http://localhost/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['http://localhost.evil.com:5173/', false],
    ['http://evil.com:5173/', false],
    ['http://localhost:5173@evil.com/', false],
    ['file:///index.html', false],
  ])('dev server page, sender %s → %s', (sender, expected) => {
    expect(isTrustedSenderUrl(sender, 'http://localhost:5173/')).toBe(expected);
  });

  it('a broken page URL trusts nothing', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', 'not a url')).toBe(false);
    expect(isTrustedSenderUrl('', '')).toBe(false);
  });
});

describe('Content Security Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values] as const),
  );

  it('has no unsafe keywords and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\bws{1,2}:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/blob:/);
  });

  it('allows scripts only from itself and the two head scripts by hash, and defaults to nothing', () => {
    expect(directives.get('script-src')).toEqual([
      "'self'",
      ...Object.values(HEAD_SCRIPT_HASHES).map((hash) => `'${hash}'`),
    ]);
    for (const hash of Object.values(HEAD_SCRIPT_HASHES)) {
      expect(hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    }
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('names each directive once and is a single header line', () => {
    const names = CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n"]/);
  });

  it('the source page takes its CSP from the shared constant', () => {
    const html = readFileSync(
      fileURLToPath(new URL('../../../src/renderer/index.html', import.meta.url)),
      'utf8',
    );
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="%READER_CSP%" />');
  });
});
