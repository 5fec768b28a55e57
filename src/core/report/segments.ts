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

const OPENING = new Set('“‘（《〈「『【〔');
const CLOSING = new Set('”’）》〉」』】〕');
const PUNCTUATION_OR_SPACE = /[\p{P}\p{Z}\s]/u;

/**
 * Where a full-width bracket or quote leaves a visible half-em gap: an
 * opening one after a character (实施“十三五”), a closing one before a
 * character (”规划). CSS text-spacing-trim trims only at line edges and
 * between two marks (，“); trimming these too (`trim-all`) is not in
 * Chromium. So these are drawn half-width (reading.css: `halt`), as
 * mainland typesetting squeezes them. Marks next to marks or at a
 * paragraph's edge are left to text-spacing-trim.
 */
export function squeezedPunctuation(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const before = text[i - 1];
    const after = text[i + 1];
    if (OPENING.has(char) && before !== undefined && !PUNCTUATION_OR_SPACE.test(before)) {
      positions.push(i);
    } else if (CLOSING.has(char) && after !== undefined && !PUNCTUATION_OR_SPACE.test(after)) {
      positions.push(i);
    }
  }
  return positions;
}

/**
 * Where a glossary occurrence's dotted line starts: after the opening quotes
 * or brackets it starts with (“365”产业 is underlined from 3), whose
 * full-width glyphs would start the line in blank space.
 */
export function underlineStart(text: string, span: Pick<TermSpan, 'start' | 'end'>): number {
  let start = span.start;
  while (start < span.end - 1 && OPENING.has(text[start])) start++;
  return start;
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

/** `cuts`: more places where a run must end, though no mark changes there. */
export function segmentBlock(
  block: Pick<Block, 'text' | 'lead' | 'emphasis'>,
  terms: readonly TermSpan[] = [],
  cuts: readonly number[] = [],
): Segment[] {
  const points = new Set<number>([0, block.text.length, ...cuts]);
  if (block.lead !== undefined) points.add(block.lead);
  for (const span of [...(block.emphasis ?? []), ...terms]) {
    points.add(span.start);
    points.add(span.end);
  }
  const sorted = [...points]
    .filter((point) => point >= 0 && point <= block.text.length)
    .sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
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
