/**
 * Names a changed figure the way 数说报告 reads it: the figures feature's
 * extractor (src/core/figures) finds the figure on each side, with the
 * indicator it measures and whether it is a change (`地区生产总值 增长`),
 * where the minimal detector (figure-label.ts) only sees the clause before
 * the number. The minimal detector still answers when the extractor finds
 * no figure around the change, or one without an indicator.
 */
import { extractFigures } from '../figures/extract';
import { changeWord, type Figure } from '../figures/figure';
import { nameFigure as minimalNamer } from './figure-label';
import type { FigureContext, FigureNamer } from './types';

/** A paragraph's figures, as the extractor finds them in its text alone. */
function figuresOf(text: string): Figure[] {
  return extractFigures({ blocks: [{ id: 'p', kind: 'paragraph', text }], outline: [] });
}

/** The figure whose number and unit hold `[start, end)`. */
const around = (figures: Figure[], { start, end }: { start: number; end: number }) =>
  figures.find((figure) => figure.start <= start && end <= figure.end);

/**
 * A namer for one comparison. Each paragraph a figure changed in is read
 * once, on demand: comparing two long editions never extracts the figures of
 * the paragraphs that did not change.
 */
export function reportFigureNamer(): FigureNamer {
  const read = new Map<string, Figure[]>();
  const figures = (text: string) => {
    let found = read.get(text);
    if (found === undefined) read.set(text, (found = figuresOf(text)));
    return found;
  };
  return (context: FigureContext) => {
    const minimal = minimalNamer(context);
    if (minimal === undefined) return undefined;
    const before = around(figures(context.oldText), context.old);
    const after = around(figures(context.newText), context.new);
    const indicator = before?.indicator ?? after?.indicator;
    if (before === undefined || after === undefined || indicator === undefined) return minimal;
    const change = before.change ?? after.change;
    return {
      label: change === undefined ? indicator : `${indicator} ${changeWord(change)}`,
      before: before.text,
      after: after.text,
    };
  };
}
