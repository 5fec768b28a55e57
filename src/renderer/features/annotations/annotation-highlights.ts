/**
 * Highlights drawn with the CSS Custom Highlight API, one highlight per
 * colour, so overlapping highlights blend instead of hiding each other, and
 * the report's text and markup are never touched.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/user-data';

const registry = (): HighlightRegistry | undefined =>
  typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;

export function showAnnotationHighlights(
  byColor: Map<HighlightColor, Range[]>,
  withNotes: Range[],
  /** Every other highlight of a run of one colour, drawn a shade darker (highlight-runs.ts). */
  darker: Range[],
): void {
  const highlights = registry();
  if (!highlights) return;
  for (const color of HIGHLIGHT_COLORS) {
    const highlight = new Highlight(...(byColor.get(color) ?? []));
    // Below search matches, which must stay visible over a highlight.
    highlight.priority = -1;
    highlights.set(`annotation-${color}`, highlight);
  }
  const notes = new Highlight(...withNotes);
  notes.priority = -1;
  highlights.set('annotation-note', notes);
  // Set after the colours, so it paints over them (a shade over the colour).
  const shade = new Highlight(...darker);
  shade.priority = -1;
  highlights.set('annotation-shade', shade);
}

/** A short-lived mark on the passage just jumped to, so the eye finds it. */
export function flashRanges(ranges: Range[], duration = 1600): void {
  const highlights = registry();
  if (!highlights) return;
  highlights.set('annotation-focus', new Highlight(...ranges));
  setTimeout(() => highlights.delete('annotation-focus'), duration);
}
