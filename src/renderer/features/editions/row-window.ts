/**
 * Which rows of a long list to draw: those in view and a margin around them
 * (the overscan), plus any row that must stay drawn wherever the list is
 * scrolled (the change stepped to, the row holding the focus), with a gap of
 * the right height for every run of rows left out. Rows differ in height (a
 * change with notes under it is several times one without), so each row's
 * height is the one measured once it was drawn, or an estimate until then.
 * Pure, so it is tested under Node; useRowWindow feeds it the DOM.
 */

/** A row drawn, or a run of rows left out that takes up their height. */
export type WindowPart = { row: number } | { gap: number; from: number };

/** Where each row starts: offsets[i] is the top of row i, offsets[n] the list's height. */
export function rowOffsets(count: number, height: (row: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let row = 0; row < count; row++) offsets[row + 1] = offsets[row] + height(row);
  return offsets;
}

/** The first row whose bottom is below `y` (count when none is). */
function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1] > y) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The rows [start, end) that meet the band [top, bottom] of the list (its own
 * coordinates, 0 at its top). A band above or below the list still gives the
 * first or last row, so a list just out of view has a row to scroll to.
 */
export function rowsInBand(
  offsets: Float64Array,
  top: number,
  bottom: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count === 0) return { start: 0, end: 0 };
  const start = Math.min(rowAt(offsets, top), count - 1);
  const end = Math.max(start + 1, Math.min(count, rowAt(offsets, bottom) + 1));
  return { start, end };
}

/** The rows [start, end) and the rows kept, drawn in order, with gaps for what lies between. */
export function windowParts(
  offsets: Float64Array,
  range: { start: number; end: number },
  kept: readonly number[],
): WindowPart[] {
  const count = offsets.length - 1;
  const rows = new Set<number>();
  for (let row = range.start; row < Math.min(range.end, count); row++) rows.add(row);
  for (const row of kept) if (row >= 0 && row < count) rows.add(row);
  const parts: WindowPart[] = [];
  let next = 0;
  for (const row of [...rows].sort((a, b) => a - b)) {
    if (row > next) parts.push({ gap: offsets[row] - offsets[next], from: next });
    parts.push({ row });
    next = row + 1;
  }
  if (next < count) parts.push({ gap: offsets[count] - offsets[next], from: next });
  return parts;
}

/** The height of a row not yet measured: the mean of those measured, or `fallback` before any. */
export function estimatedHeight(measured: Iterable<number>, fallback: number): number {
  let sum = 0;
  let count = 0;
  for (const height of measured) {
    sum += height;
    count++;
  }
  return count === 0 ? fallback : sum / count;
}
