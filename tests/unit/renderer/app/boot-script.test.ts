/**
 * head/boot.js and head/early-calls.js run before any module and cannot
 * import the shared constants, so they repeat a few. This keeps the copies
 * in step, and the CSP's hashes of the two with their text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_SIZE, THEMES } from '../../../../src/shared/settings';
import { VIEW_CACHE_KEY } from '../../../../src/renderer/app/view-cache';
import { STARTUP_METHODS } from '../../../../src/renderer/app/startup';
import { QUERY_METHODS, type MethodName } from '../../../../src/shared/api';
import { BUNDLED_REPORT_ID } from '../../../../src/shared/library';
import { ReportIdSchema } from '../../../../src/shared/library-schema';
import { CONTENT_SECURITY_POLICY, HEAD_SCRIPT_HASHES } from '../../../../src/shared/csp';
import {
  PAGE_EDITION_ATTRIBUTE,
  PAGE_REPORT_ATTRIBUTE,
  PAGE_START_ATTRIBUTE,
} from '../../../../src/shared/page-text';

const headScript = (name: string) =>
  readFileSync(new URL(`../../../../src/renderer/head/${name}`, import.meta.url), 'utf8');
const boot = headScript('boot.js');
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('boot.js', () => {
  it('reads the key the renderer writes', () => {
    expect(boot).toContain(`localStorage.getItem('${VIEW_CACHE_KEY}')`);
  });

  it('accepts exactly the explicit themes', () => {
    const accepted = [...boot.matchAll(/view\.theme === '(\w+)'/g)].map((match) => match[1]);
    expect(accepted.sort()).toEqual(THEMES.filter((theme) => theme !== 'system').sort());
  });

  it('accepts exactly the font size range', () => {
    expect(boot).toContain(
      `view.fontSize >= ${FONT_SIZE.min} && view.fontSize <= ${FONT_SIZE.max}`,
    );
  });

  it('compares the cache with the text the page names, the bundled report when it names none', () => {
    expect(boot).toContain(
      `root.getAttribute('${PAGE_REPORT_ATTRIBUTE}') || '${BUNDLED_REPORT_ID}'`,
    );
    expect(boot).toContain(`view.edition === root.getAttribute('${PAGE_EDITION_ATTRIBUTE}')`);
    expect(boot).toContain(`root.hasAttribute('${PAGE_START_ATTRIBUTE}')`);
  });

  it('has no inline-eval constructs the CSP would block', () => {
    expect(boot).not.toMatch(/\beval\(|new Function|setTimeout\(\s*['"`]/);
  });
});

describe('early-calls.js', () => {
  const early = headScript('early-calls.js');

  it('starts exactly the calls startup.ts waits for, and only read-only ones', () => {
    const listed = /var calls = \[([\s\S]*?)\];/.exec(early)?.[1] ?? '';
    const methods = [...listed.matchAll(/\['(\w+)'/g)].map((match) => match[1]);
    expect(methods).toEqual([...STARTUP_METHODS]);
    for (const method of methods) expect(QUERY_METHODS.has(method as MethodName)).toBe(true);
  });

  it('sends them as the HTTP client does: POST /api/<method>, JSON, the payload or null', () => {
    expect(early).toContain("fetch('/api/' + method");
    expect(early).toContain("method: 'POST'");
    expect(early).toContain("'Content-Type': 'application/json'");
    expect(early).toContain('body: JSON.stringify(payload)');
  });

  it('asks for the document of the report the page holds when the shell chose it, else of the one the view cache saw last, checked as main checks an id', () => {
    expect(early).toContain(`var BUNDLED = '${BUNDLED_REPORT_ID}';`);
    expect(early).toContain(`localStorage.getItem('${VIEW_CACHE_KEY}')`);
    expect(early).toContain(`root.hasAttribute('${PAGE_START_ATTRIBUTE}')`);
    expect(early).toContain(`{ report: root.getAttribute('${PAGE_REPORT_ATTRIBUTE}') }`);
    expect(early).toContain('ID.test(view.report)');
    const pattern = /var ID = \/(\^\[a-z0-9\][^/]*)\/;/.exec(early)?.[1];
    expect(pattern).toBeDefined();
    const check = new RegExp(pattern!);
    for (const id of [BUNDLED_REPORT_ID, 'c86c594bdd2d25cb']) expect(check.test(id)).toBe(true);
    for (const id of ['../x', 'A1', '', 'a/b', 'x'.repeat(65)]) {
      expect(check.test(id), id).toBe(ReportIdSchema.safeParse(id).success);
    }
  });

  it('is put in index.html’s head after boot.js, and uses no eval', () => {
    const html = readFileSync(
      new URL('../../../../src/renderer/index.html', import.meta.url),
      'utf8',
    );
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head.indexOf('<!--HEAD-SCRIPT early-calls.js-->')).toBeGreaterThan(
      head.indexOf('<!--HEAD-SCRIPT boot.js-->'),
    );
    expect(head.indexOf('<!--HEAD-SCRIPT boot.js-->')).toBeGreaterThan(0);
    expect(early).not.toMatch(/\beval\(|new Function/);
  });
});

describe('the head scripts and the CSP', () => {
  it.each(['boot.js', 'early-calls.js'] as const)(
    'allows %s, inlined, by the hash of its text, and no other inline script',
    (name) => {
      expect(HEAD_SCRIPT_HASHES[name]).toBe(sha256(headScript(name)));
      const scriptSrc = /script-src ([^;]+)/.exec(CONTENT_SECURITY_POLICY)![1].split(' ');
      expect(scriptSrc).toContain(`'${HEAD_SCRIPT_HASHES[name]}'`);
      expect(scriptSrc.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'"]);
    },
  );

  // Run after `npm run build` (as `npm test` does): the page the app and browser mode serve.
  it('the built page holds both, allowed by its CSP, after the bundle is asked for and before the stylesheet', () => {
    const html = readFileSync(
      new URL('../../../../out/renderer/index.html', import.meta.url),
      'utf8',
    );
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(inline.map(([, text]) => sha256(text))).toEqual([
      HEAD_SCRIPT_HASHES['boot.js'],
      HEAD_SCRIPT_HASHES['early-calls.js'],
    ]);
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    const bundle = html.search(/<script type="module" crossorigin src="\.\/assets\/index-/);
    const stylesheet = html.search(/<link rel="stylesheet"/);
    expect(bundle).toBeGreaterThan(0);
    expect(bundle).toBeLessThan(inline[0].index);
    expect(html.search(/<link rel="preload" as="style"/)).toBeLessThan(inline[0].index);
    expect(stylesheet).toBeGreaterThan(inline[1].index);
  });
});
