/**
 * The redline's words taken out, shown where they were, struck through, as
 * Word shows tracked deletions: an empty `<del>` whose words are CSS content
 * (`attr(data-text)`), put into the paragraph at their place, or, for a whole
 * paragraph, between paragraphs. Like the note markers, it holds no text
 * node: every block's textContent, and with it every offset the other layers
 * use (annotations, search, selection, copying), stays the report's own.
 *
 * Hidden from screen readers: the text they read is the current text, as it
 * is copied and annotated; the change list is their redline, each change's
 * words taken out and put in said in full (删去：… / 新增：…).
 */
import { rangeInBlock } from '../reading/block-ranges';
import { removedText, type Removal } from './redline';

/**
 * Puts `mark` into the block's text before the character at `at` (at the
 * end past its last). At the edge of an element (a squeezed mark's .pq, a
 * term, bold words) it goes outside it, so the words taken out never take
 * on its looks or its button.
 */
function insertAt(pane: HTMLElement, block: HTMLElement, at: number, mark: HTMLElement): void {
  const point = rangeInBlock(pane, { block: block.id, start: at, end: at });
  const node = point?.startContainer;
  if (!point || !(node instanceof Text)) {
    block.append(mark);
    return;
  }
  if (point.startOffset > 0) {
    // splitText, rather than new text nodes: live ranges over the text (highlights) follow it.
    node.splitText(point.startOffset).before(mark);
    return;
  }
  let before: Node = node;
  while (before.parentNode !== block && before.parentNode && before.previousSibling === null) {
    before = before.parentNode;
  }
  before.parentNode?.insertBefore(mark, before);
}

function removedMark(removal: Removal): HTMLElement {
  const mark = document.createElement('del');
  const { shown, cut } = removedText(removal);
  mark.dataset.removed = removal.where === 'words' ? 'words' : 'paragraph';
  mark.dataset.text = shown;
  mark.setAttribute('aria-hidden', 'true');
  if (cut) mark.title = `删去的文字（${[...removal.text].length} 字）：${removal.text}`;
  return mark;
}

/** Shows a block's removals (those whose `block` it is), in order; answers the elements put in. */
export function showRemovals(
  pane: HTMLElement,
  block: HTMLElement,
  removals: readonly Removal[],
): HTMLElement[] {
  const marks: HTMLElement[] = [];
  // Paragraphs taken out after the last one follow it in their order.
  let after: Element = block;
  for (const removal of removals) {
    const mark = removedMark(removal);
    if (removal.where === 'before') block.before(mark);
    else if (removal.where === 'after') {
      after.after(mark);
      after = mark;
    } else insertAt(pane, block, removal.at, mark);
    marks.push(mark);
  }
  return marks;
}

/** Takes removals' elements out of the text, joining the text nodes they split. */
export function takeOffRemovals(marks: readonly Element[]): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    // Only words split a text node; a paragraph's parent is the whole report, never walked.
    if (mark.parentNode && mark.getAttribute('data-removed') === 'words') {
      parents.add(mark.parentNode);
    }
    mark.remove();
  }
  // normalize moves live ranges (highlights) onto the joined node, as splitText moved them off.
  for (const parent of parents) parent.normalize();
}
