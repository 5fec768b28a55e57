import { describe, expect, it } from 'vitest';
import { alternateShades } from '../../../../src/renderer/features/annotations/highlight-runs';
import type { HighlightColor } from '../../../../src/shared/user-data';

const placed = (id: string, color: HighlightColor, start: number, end: number) => ({
  id,
  color,
  anchor: { status: 'exact' as const, start, end },
});

describe('alternateShades', () => {
  it('shades the second of two highlights of one colour that touch', () => {
    expect([...alternateShades([placed('b', 'c1', 10, 20), placed('a', 'c1', 0, 10)])]).toEqual([
      'b',
    ]);
  });

  it('alternates along a run of three, and overlapping ones count as touching', () => {
    const run = [placed('a', 'c2', 0, 10), placed('b', 'c2', 8, 15), placed('c', 'c2', 15, 30)];
    expect([...alternateShades(run)]).toEqual(['b']);
  });

  it('leaves apart highlights, and touching ones of other colours, in their own colour', () => {
    expect(alternateShades([placed('a', 'c1', 0, 10), placed('b', 'c1', 11, 20)]).size).toBe(0);
    expect(alternateShades([placed('a', 'c1', 0, 10), placed('b', 'c3', 10, 20)]).size).toBe(0);
    // A run of one colour is not broken by another colour lying across it.
    expect([
      ...alternateShades([
        placed('a', 'c1', 0, 10),
        placed('x', 'c3', 5, 12),
        placed('b', 'c1', 10, 20),
      ]),
    ]).toEqual(['b']);
  });

  it('ignores annotations that could not be placed', () => {
    const orphan = { id: 'o', color: 'c1' as const, anchor: { status: 'orphan' as const } };
    expect(alternateShades([orphan, placed('a', 'c1', 0, 10)]).size).toBe(0);
  });
});
