/**
 * public/boot.js runs before any module and cannot import the shared
 * constants, so it repeats a few. This keeps the copies in step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_SIZE, THEMES } from '../../../../src/shared/settings';
import { VIEW_CACHE_KEY } from '../../../../src/renderer/app/view-cache';
import { STARTUP_METHODS } from '../../../../src/renderer/app/startup';
import { QUERY_METHODS, type MethodName } from '../../../../src/shared/api';
import { BUNDLED_REPORT_ID } from '../../../../src/shared/library';
import { ReportIdSchema } from '../../../../src/shared/library-schema';

const boot = readFileSync(
  new URL('../../../../src/renderer/public/boot.js', import.meta.url),
  'utf8',
);

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

  it('hides the pre-rendered text when the report read last is another one', () => {
    expect(boot).toContain(`view.report !== '${BUNDLED_REPORT_ID}'`);
  });

  it('has no inline-eval constructs the CSP would block', () => {
    expect(boot).not.toMatch(/\beval\(|new Function|setTimeout\(\s*['"`]/);
  });
});

describe('early-calls.js', () => {
  const early = readFileSync(
    new URL('../../../../src/renderer/public/early-calls.js', import.meta.url),
    'utf8',
  );

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

  it('asks for the document of the report the view cache saw last, checked as main checks an id', () => {
    expect(early).toContain(`var BUNDLED = '${BUNDLED_REPORT_ID}';`);
    expect(early).toContain(`localStorage.getItem('${VIEW_CACHE_KEY}')`);
    const pattern = /\/(\^\[a-z0-9\][^/]*)\/\.test\(view\.report\)/.exec(early)?.[1];
    expect(pattern).toBeDefined();
    const check = new RegExp(pattern!);
    for (const id of [BUNDLED_REPORT_ID, 'c86c594bdd2d25cb']) expect(check.test(id)).toBe(true);
    for (const id of ['../x', 'A1', '', 'a/b', 'x'.repeat(65)]) {
      expect(check.test(id), id).toBe(ReportIdSchema.safeParse(id).success);
    }
  });

  it('is loaded by index.html before the module, and uses no eval', () => {
    const html = readFileSync(
      new URL('../../../../src/renderer/index.html', import.meta.url),
      'utf8',
    );
    expect(html).toContain('<script src="./early-calls.js"></script>');
    expect(early).not.toMatch(/\beval\(|new Function/);
  });
});
