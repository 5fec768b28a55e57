/** The flat outline as a tree for the TOC, and lookups the reader needs. */
import type { OutlineEntry } from '../../../shared/document';

export interface OutlineNode {
  entry: OutlineEntry;
  children: OutlineNode[];
}

export function buildOutlineTree(outline: OutlineEntry[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const entry of outline) {
    const node: OutlineNode = { entry, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].entry.level >= entry.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Block ids of the entries above `block` in the tree, outermost first. */
export function ancestorsOf(outline: OutlineEntry[], block: string): string[] {
  const index = outline.findIndex((entry) => entry.block === block);
  if (index < 0) return [];
  const ancestors: string[] = [];
  let level = outline[index].level;
  for (let i = index - 1; i >= 0 && level > 1; i--) {
    if (outline[i].level < level) {
      ancestors.unshift(outline[i].block);
      level = outline[i].level;
    }
  }
  return ancestors;
}

/** The entry `step` places before or after `current` (null before the first entry). */
export function neighbourEntry(
  outline: OutlineEntry[],
  current: string | null,
  step: 1 | -1,
): OutlineEntry | undefined {
  const index = current === null ? -1 : outline.findIndex((entry) => entry.block === current);
  return outline[index + step];
}

/**
 * The outline entry a reader is in, given the block nearest the top of the
 * view: the last entry at or before it in reading order.
 */
export function entryForBlock(
  outline: OutlineEntry[],
  blockOrder: Map<string, number>,
  block: string,
): OutlineEntry | undefined {
  const position = blockOrder.get(block) ?? -1;
  let found: OutlineEntry | undefined;
  for (const entry of outline) {
    if ((blockOrder.get(entry.block) ?? Infinity) <= position) found = entry;
    else break;
  }
  return found;
}
