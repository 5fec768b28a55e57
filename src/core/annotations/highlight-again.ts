/**
 * Highlighting words that are already highlighted, as Kindle, Koodo and
 * Zotero do it: the same passage highlighted again with nothing written adds
 * nothing (said, not silently doubled in the 批注 list and the 发言提纲), or
 * gives the existing highlight the other colour if one was chosen. A
 * selection that only overlaps a highlight is a highlight of its own, and a
 * note or tags are content of their own: both are always added.
 *
 * One rule, applied where annotations are made (user-data-service.ts), so
 * the app, browser mode and any other caller of the contract agree.
 */
import type { Anchored, Annotation, HighlightColor } from '../../shared/user-data';

/** What a create request asks for, positions in the document text. */
export interface HighlightRequest {
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

export type HighlightPlan =
  /** New words, or words with a note: a new annotation. */
  | { kind: 'add' }
  /** Already highlighted in that colour: nothing changes. */
  | { kind: 'unchanged'; id: string }
  /** Already highlighted in another colour: that highlight takes the chosen one. */
  | { kind: 'recolour'; id: string };

/** The reader wrote something: a note (批注) is content, never taken for a repeat. */
const hasWords = (words: { note?: string; tags?: string[] }): boolean =>
  (words.note ?? '').trim() !== '' || (words.tags ?? []).length > 0;

/**
 * A range without the blanks at its ends: a drag that took in a trailing
 * space or line break selects the same passage for the reader.
 */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from])) from++;
  while (to > from && /\s/u.test(text[to - 1])) to--;
  return { start: from, end: to };
}

/** Whether `annotation` sits on exactly the words start–end of `text` (blanks at the ends aside). */
function onSamePassage(
  text: string,
  annotation: Anchored<Annotation>,
  range: { start: number; end: number },
): boolean {
  const { anchor } = annotation;
  if (anchor.status === 'orphan') return false;
  const held = trimmed(text, anchor.start, anchor.end);
  return held.start === range.start && held.end === range.end;
}

/**
 * What highlighting start–end of `text` (the document text the anchors are
 * in) does, given the annotations already there.
 */
export function planHighlight(
  text: string,
  existing: readonly Anchored<Annotation>[],
  request: HighlightRequest,
): HighlightPlan {
  if (hasWords(request)) return { kind: 'add' };
  const range = trimmed(text, request.start, request.end);
  const same = existing.filter((annotation) => onSamePassage(text, annotation, range));
  if (same.length === 0) return { kind: 'add' };
  const sameColour = same.find((annotation) => annotation.color === request.color);
  if (sameColour) return { kind: 'unchanged', id: sameColour.id };
  // Another colour: the plain highlight changes before a note does (a note and
  // a highlight can share words, the note being added on the highlight).
  const plain = same.find((annotation) => !hasWords(annotation)) ?? same[0];
  return { kind: 'recolour', id: plain.id };
}

export type HighlightOutcome = 'added' | 'unchanged' | 'recoloured';

/**
 * What a create did, told from the annotations the caller held before it:
 * the contract answers the annotation only, which is an existing one when
 * the words were already highlighted.
 */
export function outcomeOf(
  before: readonly Pick<Annotation, 'id' | 'color'>[],
  made: Pick<Annotation, 'id' | 'color'>,
): HighlightOutcome {
  const held = before.find((annotation) => annotation.id === made.id);
  if (!held) return 'added';
  return held.color === made.color ? 'unchanged' : 'recoloured';
}
