import { describe, expect, it } from 'vitest';
import {
  estimatedHeight,
  rowOffsets,
  rowsInBand,
  windowParts,
} from '../../../../src/renderer/features/editions/row-window';

/** Ten rows: the odd ones 100 px high, the even ones 50. */
const offsets = rowOffsets(10, (row) => (row % 2 === 1 ? 100 : 50));

describe('rowOffsets', () => {
  it('puts each row under the ones before it, the last offset the whole height', () => {
    expect([...offsets]).toEqual([0, 50, 150, 200, 300, 350, 450, 500, 600, 650, 750]);
  });
});

describe('rowsInBand', () => {
  it('gives every row the band meets, the one cut at each edge too', () => {
    // 120 is inside row 1 (50–150), 310 inside row 4 (300–350).
    expect(rowsInBand(offsets, 120, 310)).toEqual({ start: 1, end: 5 });
  });

  it('does not count a row that only touches the band', () => {
    // Row 0 ends at 50, row 2 starts at 150.
    expect(rowsInBand(offsets, 50, 149)).toEqual({ start: 1, end: 2 });
  });

  it('gives the edge row for a band above or below the list, and nothing for no rows', () => {
    expect(rowsInBand(offsets, -900, -100)).toEqual({ start: 0, end: 1 });
    expect(rowsInBand(offsets, 2000, 2600)).toEqual({ start: 9, end: 10 });
    expect(rowsInBand(offsets, -100, 5000)).toEqual({ start: 0, end: 10 });
    expect(
      rowsInBand(
        rowOffsets(0, () => 10),
        0,
        100,
      ),
    ).toEqual({ start: 0, end: 0 });
  });
});

describe('windowParts', () => {
  it('draws the range with one gap before and one after, each as high as the rows left out', () => {
    expect(windowParts(offsets, { start: 3, end: 5 }, [])).toEqual([
      { gap: 200, from: 0 },
      { row: 3 },
      { row: 4 },
      { gap: 400, from: 5 },
    ]);
  });

  it('keeps a row far from the range drawn, in its place, with gaps around it', () => {
    expect(windowParts(offsets, { start: 0, end: 2 }, [8, -1])).toEqual([
      { row: 0 },
      { row: 1 },
      { gap: 450, from: 2 },
      { row: 8 },
      { gap: 100, from: 9 },
    ]);
  });

  it('draws a kept row once when the range holds it, and ignores rows not in the list', () => {
    expect(windowParts(offsets, { start: 8, end: 10 }, [9, 9, 12])).toEqual([
      { gap: 600, from: 0 },
      { row: 8 },
      { row: 9 },
    ]);
  });

  it('always adds up to the list’s height', () => {
    for (const [start, end, kept] of [
      [0, 10, 3],
      [2, 3, 7],
      [9, 10, 0],
    ]) {
      const parts = windowParts(offsets, { start, end }, [kept]);
      const height = parts.reduce(
        (sum, part) => sum + ('gap' in part ? part.gap : offsets[part.row + 1] - offsets[part.row]),
        0,
      );
      expect(height).toBe(750);
    }
  });
});

describe('estimatedHeight', () => {
  it('is the mean of the heights measured, or the fallback before any', () => {
    expect(estimatedHeight([80, 120, 100], 50)).toBe(100);
    expect(estimatedHeight([], 50)).toBe(50);
  });
});
