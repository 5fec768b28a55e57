/**
 * The parse is linear in the text's length, whatever the shape of its lines.
 * Measured by work counted (work-counter.ts), not by time: each shape is
 * parsed at one size and at four times that size, and the work must grow
 * about fourfold (a quadratic parse grows sixteenfold) and stay under a fixed
 * number of units per character. The shapes are those that were quadratic:
 * many short lines joined into one paragraph, lines of closing brackets,
 * Latin words, a glossary with thousands of entries, a term on every line.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import { REPORT_SHAPES, SESSION_REPORT_SHAPES } from '../../support/report-shapes';
import { countWork } from './work-counter';

/** 10 000 lines: about 40 KB of short Chinese lines. */
const BASE = 10_000;

describe('parse work grows linearly with the text', () => {
  it.each([...REPORT_SHAPES, ...SESSION_REPORT_SHAPES])(
    '%s',
    (_label, make) => {
      const small = make(BASE);
      const large = make(4 * BASE);
      const smallWork = countWork(() => parseReport(small));
      const largeWork = countWork(() => parseReport(large));
      expect(largeWork / smallWork).toBeLessThan(5);
      expect(largeWork / large.length).toBeLessThan(200);
    },
    120_000,
  );

  it('counts the quadratic shape the old sentence-end check had', () => {
    // What the old check did: an end-anchored regex over the growing paragraph.
    const quadratic = (n: number) =>
      countWork(() => {
        let paragraph = '';
        for (let i = 0; i < n; i++) {
          paragraph += '这是一行短文字';
          /[。！？]$/u.test(paragraph);
        }
      });
    expect(quadratic(4000) / quadratic(1000)).toBeGreaterThan(12);
  });
});
