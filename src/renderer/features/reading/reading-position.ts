/** Which block is at the top of the view, as pure geometry (tested under Node). */
import type { ReadingPosition } from '../../../shared/settings';

export interface BlockBox {
  id: string;
  /** Top edge relative to the reading line. */
  top: number;
  height: number;
}

/**
 * The block that crosses the reading line (0), and how far through it the line
 * is. Blocks are in reading order, so their tops only grow: a binary search
 * asks for a couple of dozen boxes (`box(i)` measures block i), never for
 * each of the 8,000 blocks of a long report on every scrolled frame. Before
 * the first block: that block at 0.
 */
export function locateReadingLine(
  count: number,
  box: (index: number) => BlockBox,
): ReadingPosition | null {
  if (count === 0) return null;
  // The last block whose top is at or above the line (the first one when none is).
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (box(middle).top <= 0) low = middle;
    else high = middle - 1;
  }
  const current = box(low);
  const offset = current.height > 0 ? -current.top / current.height : 0;
  return { block: current.id, offset: Math.min(1, Math.max(0, offset)) };
}
