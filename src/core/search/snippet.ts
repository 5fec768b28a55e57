/**
 * An extract of a block around its first match, with the matches inside it.
 * For several keywords, around the first match whose stretch shows the most
 * of them: for 城市 建设, a paragraph that opens with 建设 and says 海绵城市建设
 * further on shows the latter.
 */

export interface Snippet {
  text: string;
  /** Matches as offsets into `text`. */
  marks: [number, number][];
}

const BEFORE = 18;
const LENGTH = 64;

/** The window [start, end) that shows `first` with some context before it, full length where it can. */
function windowAround(text: string, first: number): [number, number] {
  const start = Math.max(0, first - BEFORE);
  const end = Math.min(text.length, start + LENGTH);
  return [Math.max(0, Math.min(start, end - LENGTH)), end];
}

/**
 * Text as the search compares it (NFKC, lower case, no whitespace). The
 * search folds one code point at a time (src/core/search/normalize.ts); for
 * choosing which stretch to show, folding the whole slice is close enough.
 */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s/gu, '');

/** How many of the keywords the window shows in a whole match. */
function keywordsShown(
  text: string,
  matches: [number, number][],
  keywords: readonly string[],
  [start, end]: [number, number],
): number {
  const shown = new Set<string>();
  for (const [s, e] of matches) {
    if (s < start || e > end) continue;
    const folded = fold(text.slice(s, e));
    for (const keyword of keywords) if (folded.includes(keyword)) shown.add(keyword);
  }
  return shown.size;
}

/** Around the first match, unless a later match's window shows more of the keywords. */
function chooseWindow(
  text: string,
  matches: [number, number][],
  keywords: readonly string[],
): [number, number] {
  let best = windowAround(text, matches[0]?.[0] ?? 0);
  if (keywords.length < 2) return best;
  let shown = keywordsShown(text, matches, keywords, best);
  for (const [s] of matches.slice(1)) {
    if (shown === keywords.length) break;
    const window = windowAround(text, s);
    const count = keywordsShown(text, matches, keywords, window);
    if (count > shown) [best, shown] = [window, count];
  }
  return best;
}

/** `keywords`: the query's, normalized as the search normalizes them (queryKeywords). */
export function makeSnippet(
  text: string,
  matches: [number, number][],
  keywords: readonly string[] = [],
): Snippet {
  const [start, end] = chooseWindow(text, matches, keywords);
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
