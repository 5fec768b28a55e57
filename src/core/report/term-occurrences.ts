/**
 * Finding terms in block texts: quote marks ignored, whole numbers and words
 * never cut, the longer of two overlapping matches kept. Shared by the parser
 * (the report's 名词解释) and the renderer (the reader's own terms).
 */
import type { Block, GlossaryOccurrence } from '../../shared/document';

const QUOTES = /[“”‘’"'「」『』]/u;
const OPENERS = '“‘「『';
const CLOSERS = '”’」』';

/** The text with quote marks removed, and for each kept character its index in the original. */
function withoutQuotes(text: string): { plain: string; origin: number[] } {
  let plain = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (QUOTES.test(text[i])) continue;
    plain += text[i];
    origin.push(i);
  }
  return { plain, origin };
}

const isDigit = (char: string | undefined): boolean =>
  char !== undefined && /[0-9０-９]/u.test(char);
const isLatin = (char: string | undefined): boolean => char !== undefined && /[A-Za-z]/u.test(char);

/** A term that starts or ends with a digit or letter must not continue a longer number or word. */
function onWordBoundary(plain: string, start: number, end: number): boolean {
  for (const same of [isDigit, isLatin]) {
    if (same(plain[start]) && same(plain[start - 1])) return false;
    if (same(plain[end - 1]) && same(plain[end])) return false;
  }
  return true;
}

/** Widens a span so it never holds half a pair of quotes: `365”产业…` → `“365”产业…`. */
function balanceQuotes(text: string, start: number, end: number): [number, number] {
  let depth = 0;
  let unopened = 0;
  for (const char of text.slice(start, end)) {
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) {
      if (depth > 0) depth--;
      else unopened++;
    }
  }
  if (unopened > 0 && OPENERS.includes(text[start - 1] ?? '')) start--;
  if (depth > 0 && CLOSERS.includes(text[end] ?? '')) end++;
  return [start, end];
}

interface Candidate extends GlossaryOccurrence {
  entry: number;
  order: number;
}

/**
 * Finds every occurrence of the entries' terms in the given blocks. Quotes are
 * ignored when matching, so `“六医”统筹` is found as written in the appendix
 * and `三品` inside `“三品”`. Longer matches win where two overlap.
 */
export function findOccurrences(
  entries: { terms: string[] }[],
  blocks: Block[],
): GlossaryOccurrence[][] {
  const candidates: Candidate[] = [];
  blocks.forEach((block, order) => {
    const { plain, origin } = withoutQuotes(block.text);
    entries.forEach((entry, index) => {
      for (const term of entry.terms) {
        const key = withoutQuotes(term).plain;
        if (key === '') continue;
        for (let at = plain.indexOf(key); at >= 0; at = plain.indexOf(key, at + 1)) {
          if (!onWordBoundary(plain, at, at + key.length)) continue;
          const rawEnd = origin[at + key.length - 1] + 1;
          const [start, end] = balanceQuotes(block.text, origin[at], rawEnd);
          candidates.push({ block: block.id, start, end, term, entry: index, order });
        }
      }
    });
  });

  candidates.sort((a, b) => b.end - b.start - (a.end - a.start));
  const accepted: Candidate[] = [];
  for (const candidate of candidates) {
    const overlaps = accepted.some(
      (other) =>
        other.block === candidate.block &&
        other.start < candidate.end &&
        candidate.start < other.end,
    );
    if (!overlaps) accepted.push(candidate);
  }
  accepted.sort((a, b) => a.order - b.order || a.start - b.start);

  return entries.map((_, index) =>
    accepted
      .filter((candidate) => candidate.entry === index)
      .map(({ block, start, end, term }) => ({ block, start, end, term })),
  );
}
