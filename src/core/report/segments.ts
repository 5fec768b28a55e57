/**
 * Splits a block's text into runs that share the same marks (run-in head,
 * emphasis, glossary term), so rendering is a flat map with no offset
 * arithmetic in JSX or HTML templates.
 */
import type { Block, GlossaryEntry } from '../../shared/document';

/** One glossary occurrence inside a block: the `index`-th (0-based) occurrence of `entry`. */
export interface TermSpan {
  start: number;
  end: number;
  /** Glossary entry id, `g1`…; */
  entry: string;
  index: number;
}

export interface Segment {
  text: string;
  lead: boolean;
  emphasis: boolean;
  /** The glossary occurrence this run belongs to, if any (the same object for all its runs). */
  term?: TermSpan;
}

/** Every glossary occurrence, grouped by the block it is in. */
export function termSpansByBlock(glossary: GlossaryEntry[]): Map<string, TermSpan[]> {
  const byBlock = new Map<string, TermSpan[]>();
  for (const entry of glossary) {
    entry.occurrences.forEach((occurrence, index) => {
      const spans = byBlock.get(occurrence.block) ?? [];
      spans.push({ start: occurrence.start, end: occurrence.end, entry: entry.id, index });
      byBlock.set(occurrence.block, spans);
    });
  }
  return byBlock;
}

export function segmentBlock(
  block: Pick<Block, 'text' | 'lead' | 'emphasis'>,
  terms: readonly TermSpan[] = [],
): Segment[] {
  const cuts = new Set<number>([0, block.text.length]);
  if (block.lead !== undefined) cuts.add(block.lead);
  for (const span of [...(block.emphasis ?? []), ...terms]) {
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
    const segment: Segment = {
      text: block.text.slice(start, end),
      lead: block.lead !== undefined && start < block.lead,
      emphasis: (block.emphasis ?? []).some((span) => span.start <= start && end <= span.end),
    };
    const term = terms.find((span) => span.start <= start && end <= span.end);
    if (term) segment.term = term;
    segments.push(segment);
  }
  return segments;
}
