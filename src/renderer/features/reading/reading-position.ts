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
 * is. Boxes are in reading order. Before the first block: that block at 0.
 */
export function locateReadingLine(boxes: BlockBox[]): ReadingPosition | null {
  if (boxes.length === 0) return null;
  let current = boxes[0];
  for (const box of boxes) {
    if (box.top <= 0) current = box;
    else break;
  }
  const offset = current.height > 0 ? -current.top / current.height : 0;
  return { block: current.id, offset: Math.min(1, Math.max(0, offset)) };
}
