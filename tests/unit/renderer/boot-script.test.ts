/**
 * public/boot.js runs before any module and cannot import the shared
 * constants, so it repeats a few. This keeps the copies in step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_SIZE, THEMES } from '../../../src/shared/settings';
import { VIEW_CACHE_KEY } from '../../../src/renderer/lib/view-cache';

const boot = readFileSync(new URL('../../../src/renderer/public/boot.js', import.meta.url), 'utf8');

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

  it('has no inline-eval constructs the CSP would block', () => {
    expect(boot).not.toMatch(/\beval\(|new Function|setTimeout\(\s*['"`]/);
  });
});
