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
  /** Index of the term within its entry. */
  termIndex: number;
  /** Index of the block. */
  order: number;
  /** Where the match starts in the quote-free text: the order of discovery. */
  at: number;
}

interface Key {
  entry: number;
  termIndex: number;
  term: string;
}

/** Every term by its quote-free form, and the lengths and first characters there are. */
function indexTerms(entries: { terms: string[] }[]) {
  const byKey = new Map<string, Key[]>();
  entries.forEach((entry, index) =>
    entry.terms.forEach((term, termIndex) => {
      const key = withoutQuotes(term).plain;
      if (key === '') return;
      const keys = byKey.get(key) ?? [];
      keys.push({ entry: index, termIndex, term });
      byKey.set(key, keys);
    }),
  );
  const lengths = [...new Set([...byKey.keys()].map((key) => key.length))];
  const firsts = new Set([...byKey.keys()].map((key) => key[0]));
  return { byKey, lengths, firsts };
}

/**
 * Finds every occurrence of the entries' terms in the given blocks. Quotes are
 * ignored when matching, so `“六医”统筹` is found as written in the appendix
 * and `三品` inside `“三品”`. Longer matches win where two overlap; between
 * equals, the earlier block, entry, term and position.
 *
 * Linear in the text: each position is tried once per distinct term length
 * (only where a term starts with that character), and an overlap is checked
 * against the characters already taken, not against every accepted match.
 */
export function findOccurrences(
  entries: { terms: string[] }[],
  blocks: Block[],
): GlossaryOccurrence[][] {
  const { byKey, lengths, firsts } = indexTerms(entries);
  const candidates: Candidate[] = [];
  blocks.forEach((block, order) => {
    const { plain, origin } = withoutQuotes(block.text);
    for (let at = 0; at < plain.length; at++) {
      if (!firsts.has(plain[at])) continue;
      for (const length of lengths) {
        const keys =
          at + length <= plain.length ? byKey.get(plain.slice(at, at + length)) : undefined;
        if (keys === undefined || !onWordBoundary(plain, at, at + length)) continue;
        const rawEnd = origin[at + length - 1] + 1;
        const [start, end] = balanceQuotes(block.text, origin[at], rawEnd);
        for (const { entry, termIndex, term } of keys) {
          candidates.push({ block: block.id, start, end, term, entry, termIndex, order, at });
        }
      }
    }
  });

  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.order - b.order ||
      a.entry - b.entry ||
      a.termIndex - b.termIndex ||
      a.at - b.at,
  );
  const taken = new Map<number, Uint8Array>();
  const accepted: Candidate[] = [];
  for (const candidate of candidates) {
    let used = taken.get(candidate.order);
    if (used === undefined) {
      used = new Uint8Array(blocks[candidate.order].text.length);
      taken.set(candidate.order, used);
    }
    if (used.subarray(candidate.start, candidate.end).includes(1)) continue;
    used.fill(1, candidate.start, candidate.end);
    accepted.push(candidate);
  }
  accepted.sort((a, b) => a.order - b.order || a.start - b.start);

  const byEntry: GlossaryOccurrence[][] = entries.map(() => []);
  for (const { block, start, end, term, entry } of accepted) {
    byEntry[entry].push({ block, start, end, term });
  }
  return byEntry;
}
