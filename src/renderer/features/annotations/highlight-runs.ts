/**
 * Highlights of one colour that touch or overlap would paint as one block
 * (CSS highlights of one name merge). Every other one in such a run is drawn
 * a shade darker, so two stay visibly two. Pure, tested under Node.
 */
import type { Anchored, Annotation, HighlightColor } from '../../../shared/user-data';

type Placed = Pick<Anchored<Annotation>, 'id' | 'color' | 'anchor'>;

/** Ids of the highlights to draw in the darker shade: the 2nd, 4th, … of each run of one colour. */
export function alternateShades(annotations: readonly Placed[]): Set<string> {
  const placed = annotations
    .flatMap((annotation) =>
      annotation.anchor.status === 'orphan'
        ? []
        : [{ id: annotation.id, color: annotation.color, ...annotation.anchor }],
    )
    .sort((a, b) => a.start - b.start || a.end - b.end);
  /** Per colour: where its current run ends, and whether its last highlight was the darker one. */
  const runs = new Map<HighlightColor, { end: number; darker: boolean }>();
  const darker = new Set<string>();
  for (const { id, color, start, end } of placed) {
    const run = runs.get(color);
    const touching = run !== undefined && start <= run.end;
    const shade = touching ? !run.darker : false;
    if (shade) darker.add(id);
    runs.set(color, { end: touching ? Math.max(run.end, end) : end, darker: shade });
  }
  return darker;
}
