import { describe, expect, it } from 'vitest';
import {
  locateReadingLine as locate,
  type BlockBox,
} from '../../../../src/renderer/features/reading/reading-position';

/** The reading line among boxes already measured. */
const locateReadingLine = (boxes: BlockBox[]) => locate(boxes.length, (index) => boxes[index]);

/** Boxes laid out one after another from `firstTop`, with `gap` between them. */
function layout(firstTop: number, heights: number[], gap = 0): BlockBox[] {
  let top = firstTop;
  return heights.map((height, i) => {
    const box = { id: `b${i + 1}`, top, height };
    top += height + gap;
    return box;
  });
}

describe('locateReadingLine', () => {
  it('no boxes → null', () => {
    expect(locateReadingLine([])).toBeNull();
  });

  it('before the first block: that block at offset 0', () => {
    expect(locateReadingLine(layout(40, [100, 100]))).toEqual({ block: 'b1', offset: 0 });
  });

  it('the first block exactly at the line: offset 0', () => {
    expect(locateReadingLine(layout(0, [100, 100]))).toEqual({ block: 'b1', offset: 0 });
  });

  it('inside a block: the fraction of it above the line', () => {
    expect(locateReadingLine(layout(-25, [100, 100]))).toEqual({ block: 'b1', offset: 0.25 });
    expect(locateReadingLine(layout(-150, [100, 200, 50]))).toEqual({ block: 'b2', offset: 0.25 });
    const third = locateReadingLine(layout(-10, [3, 3, 30]));
    expect(third?.block).toBe('b3');
    expect(third?.offset).toBeCloseTo(4 / 30, 12);
  });

  it('exactly on a boundary: the next block at 0, never the previous one at 1', () => {
    expect(locateReadingLine(layout(-100, [100, 100]))).toEqual({ block: 'b2', offset: 0 });
    expect(locateReadingLine(layout(-300, [100, 200, 50]))).toEqual({ block: 'b3', offset: 0 });
  });

  it('in a gap between blocks: the block above, clamped to 1', () => {
    expect(locateReadingLine(layout(-105, [100, 100], 10))).toEqual({ block: 'b1', offset: 1 });
  });

  it('past the last block: the last block, clamped to 1', () => {
    expect(locateReadingLine(layout(-1000, [100, 100]))).toEqual({ block: 'b2', offset: 1 });
  });

  it('a zero-height block does not divide by zero', () => {
    const boxes: BlockBox[] = [
      { id: 'b1', top: -50, height: 50 },
      { id: 'b2', top: 0, height: 0 },
      { id: 'b3', top: 0, height: 40 },
    ];
    const position = locateReadingLine(boxes);
    expect(position?.block).toBe('b3');
    expect(position?.offset).toBe(0);
    const onlyEmpty = locateReadingLine([{ id: 'b1', top: -5, height: 0 }]);
    expect(onlyEmpty).toEqual({ block: 'b1', offset: 0 });
  });

  it('the offset is always within [0, 1] and finite', () => {
    for (let shift = -700; shift <= 100; shift += 7.3) {
      const position = locateReadingLine(layout(shift, [120, 80, 300, 60], 12));
      expect(position).not.toBeNull();
      expect(Number.isFinite(position!.offset)).toBe(true);
      expect(position!.offset).toBeGreaterThanOrEqual(0);
      expect(position!.offset).toBeLessThanOrEqual(1);
    }
  });

  it('scrolling down never moves the position backwards', () => {
    let previous = { index: 0, offset: 0 };
    for (let shift = 50; shift >= -600; shift -= 3) {
      const position = locateReadingLine(layout(shift, [120, 80, 300, 60], 12))!;
      const current = { index: Number(position.block.slice(1)), offset: position.offset };
      const forward =
        current.index > previous.index ||
        (current.index === previous.index && current.offset >= previous.offset);
      expect(forward, `at ${shift}`).toBe(true);
      previous = current;
    }
  });

  it('in a long report, measures a couple of dozen blocks and finds the one a scan of all finds', () => {
    const heights = Array.from({ length: 8000 }, (_, i) => [40, 120, 0, 75][i % 4]);
    const total = heights.reduce((sum, height) => sum + height, 0);
    for (let shift = 10; shift >= -total - 50; shift -= 9973) {
      const boxes = layout(shift, heights, 6);
      const measured = new Set<number>();
      const position = locate(boxes.length, (index) => {
        measured.add(index);
        return boxes[index];
      });
      // The scan: the last box at or above the line before the first below it.
      const below = boxes.findIndex((box) => box.top > 0);
      const expected = boxes[below === -1 ? boxes.length - 1 : Math.max(0, below - 1)];
      expect(position?.block, `at ${shift}`).toBe(expected.id);
      expect(measured.size).toBeLessThanOrEqual(14);
    }
  });
});
