/**
 * The editions types: the data a comparison produces is shared (the contract
 * carries it, src/shared/editions.ts); how a changed figure is named is a
 * function, so it stays here.
 */
export * from '../../shared/editions';
import type { FigureChange } from '../../shared/editions';

/** The text around a changed span, for naming a figure; offsets are into the block texts. */
export interface FigureContext {
  oldText: string;
  newText: string;
  old: { start: number; end: number };
  new: { start: number; end: number };
}

/**
 * Names a changed figure, or returns undefined when the change is not one.
 * The figures feature (数说报告) can pass its own; the default is a minimal
 * number-with-unit detector (figure-label.ts).
 */
export type FigureNamer = (context: FigureContext) => FigureChange | undefined;
