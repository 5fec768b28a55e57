/**
 * Splits a block's text into runs that share the same marks (run-in head,
 * emphasis), so rendering is a flat map with no offset arithmetic in JSX.
 */
import type { Block } from './document';

export interface Segment {
  text: string;
  lead: boolean;
  emphasis: boolean;
}

export function segmentBlock(block: Pick<Block, 'text' | 'lead' | 'emphasis'>): Segment[] {
  const cuts = new Set<number>([0, block.text.length]);
  if (block.lead !== undefined) cuts.add(block.lead);
  for (const span of block.emphasis ?? []) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts]
    .filter((point) => point >= 0 && point <= block.text.length)
    .sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    segments.push({
      text: block.text.slice(start, end),
      lead: block.lead !== undefined && start < block.lead,
      emphasis: (block.emphasis ?? []).some((span) => span.start <= start && end <= span.end),
    });
  }
  return segments;
}
