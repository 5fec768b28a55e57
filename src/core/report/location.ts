/**
 * Where a block sits in the report, said the way a delegate would cite it in
 * a meeting: `二（三）第2段`. Pure; the sidebar, the export and the CLI share it.
 */
import type { Block, OutlineEntry } from '../../shared/document';

/** The outline entries that contain a block, outermost first. */
export function sectionPath(
  outline: OutlineEntry[],
  blockOrder: ReadonlyMap<string, number>,
  block: string,
): OutlineEntry[] {
  const position = blockOrder.get(block) ?? -1;
  const stack: OutlineEntry[] = [];
  for (const entry of outline) {
    if ((blockOrder.get(entry.block) ?? Infinity) > position) break;
    while (stack.length > 0 && stack[stack.length - 1].level >= entry.level) stack.pop();
    stack.push(entry);
  }
  return stack;
}

/** `一、2017年工作回顾` → `一`; `（三）突出…` → `（三）`; `附件：名词解释` → `附件`. */
export function ordinalOf(entry: OutlineEntry): string {
  const match = /^(?:([一二三四五六七八九十]+)、|(（[一二三四五六七八九十]+）)|(附件))/u.exec(
    entry.title,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : entry.title;
}

const COUNTED = new Set(['paragraph', 'glossary']);

/** `二（三）第2段`: section ordinals, then the paragraph's number within its (sub)section. */
export function locationLabel(
  blocks: readonly Block[],
  outline: OutlineEntry[],
  blockOrder: ReadonlyMap<string, number>,
  block: string,
): string {
  const index = blockOrder.get(block);
  if (index === undefined) return '';
  const path = sectionPath(outline, blockOrder, block).filter((entry) => entry.level <= 2);
  const own = blocks[index];
  // Title lines come first; the signature and date close the report.
  if (own.kind === 'meta') return path.length === 0 ? '标题' : '落款';
  if (path.length === 0) {
    return `开篇第${countFrom(blocks, 0, index)}段`;
  }
  const prefix = path.map(ordinalOf).join('');
  if (own.kind === 'heading') return prefix;
  const from = blockOrder.get(path[path.length - 1].block) ?? 0;
  return `${prefix}第${countFrom(blocks, from, index)}段`;
}

/** How many counted blocks there are in `[from, to]`. */
function countFrom(blocks: readonly Block[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i <= to; i++) if (COUNTED.has(blocks[i].kind)) count++;
  return count;
}
