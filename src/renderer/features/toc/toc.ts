/** Where the reader is in the outline, folding its entries, and stepping between sections. */
import type { OutlineEntry } from '../../../shared/document';
import { lookingAt, type ReadingPane } from '../reading/reading-pane';
import { entryForBlock, neighbourEntry } from './outline-tree';

/** The outline entry the reader is in, given the block they are looking at. */
export function currentEntry(
  outline: OutlineEntry[],
  blockOrder: Map<string, number>,
  block: string | null,
): OutlineEntry | undefined {
  return block === null ? undefined : entryForBlock(outline, blockOrder, block);
}

/** Jumps to the next (1) or previous (-1) section. */
export function goToSection(
  reading: ReadingPane,
  outline: OutlineEntry[],
  blockOrder: Map<string, number>,
  step: 1 | -1,
): void {
  const current =
    currentEntry(outline, blockOrder, lookingAt(reading.getSnapshot()))?.block ?? null;
  // Like "previous track": first back to the start of the section one is in.
  if (step === -1 && current !== null && reading.isPastStart(current)) {
    return reading.jumpTo(current);
  }
  const target = neighbourEntry(outline, current, step);
  if (target) reading.jumpTo(target.block);
}
