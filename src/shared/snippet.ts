/** An extract of a block around its first match, with the matches inside it. */

export interface Snippet {
  text: string;
  /** Matches as offsets into `text`. */
  marks: [number, number][];
}

const BEFORE = 18;
const LENGTH = 64;

export function makeSnippet(text: string, matches: [number, number][]): Snippet {
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  const end = Math.min(text.length, start + LENGTH);
  start = Math.max(0, Math.min(start, end - LENGTH));
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const marks = matches
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]): [number, number] => [
      Math.max(s, start) - start + lead.length,
      Math.min(e, end) - start + lead.length,
    ]);
  return { text: lead + text.slice(start, end) + tail, marks };
}
