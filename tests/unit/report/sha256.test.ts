/** The pure SHA-256 gives Node's digest, so document versions and imported ids stay what they were. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/sha256';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it.each(['', 'abc', '政府工作报告', '𠮷野家 \u0000 \uFEFF', 'x'.repeat(1000)])(
    'matches node:crypto on %j',
    (text) => {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    },
  );

  it('matches node:crypto on the whole bundled report', () => {
    const report = readFileSync(
      new URL('../../../resources/haishu-2018-government-work-report.txt', import.meta.url),
      'utf8',
    );
    expect(sha256Hex(report)).toBe(nodeSha256(report));
  });

  it('is the known digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
