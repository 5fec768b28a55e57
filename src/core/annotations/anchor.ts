/**
 * Re-anchoring a stored target in the current text, in the order the issue
 * fixes: the stored position when quote and context still agree; else the
 * exact quote, with context as tie-break; else a fuzzy match; else an orphan.
 * An orphan is never guessed onto other text.
 *
 * Targets come from imported files, so the work per target is bounded, not
 * left to the input: only the CONTEXT_LENGTH characters of context nearest
 * the quote are compared, every candidate first gets a cheap score (shared
 * character pairs), and only the best SCORED_CANDIDATES of those get the
 * edit-distance score. Before this, a quote of `，` (557 places in the
 * report) with 200-character contexts cost seconds per target. A quote
 * longer than LONG_QUOTE is searched for in pieces, since
 * approx-string-match's cost grows with the square of the quote.
 */
import approxSearch from 'approx-string-match';
import type { Anchor, TextTarget } from '../../shared/user-data';
import { CONTEXT_LENGTH } from './selectors';

/** Share of a quote's characters that may differ in a fuzzy match. */
const MAX_ERROR_RATE = 0.25;
/** Quotes shorter than this need their context to agree before a fuzzy match counts. */
const SHORT_QUOTE = 12;
const MIN_CONTEXT_FOR_SHORT = 0.5;
/** A little slack either side, so an inserted character does not cost the whole context. */
const SLACK = 4;
/** Candidates that get the edit-distance context score; the cheap score picks them. */
const SCORED_CANDIDATES = 8;
/** Longer than any paragraph of the report (750): a multi-paragraph quote. */
const LONG_QUOTE = 1000;

/** What anchoring spent on context, counted for whoever passes a meter (tests, bench). */
export interface AnchorWork {
  /** Candidates given the edit-distance context score. */
  scored: number;
  /** Characters compared while scoring context, cheap pass and edit distance alike. */
  compared: number;
  /** Quote characters times text characters given to approx-string-match. */
  searched: number;
}

/** The stored context as compared: its nearest characters, and their pairs for the cheap pass. */
interface Context {
  prefix: string;
  suffix: string;
  prefixGrams: Set<number>;
  suffixGrams: Set<number>;
}

/**
 * Each pair of neighbouring characters in text[from, to) as one number, or
 * each character when `single` (a context of one character has no pairs).
 */
function forEachGram(
  text: string,
  from: number,
  to: number,
  single: boolean,
  visit: (gram: number) => void,
): void {
  if (single) for (let i = from; i < to; i++) visit(text.charCodeAt(i));
  else
    for (let i = from; i + 1 < to; i++)
      visit(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
}

function gramSet(text: string): Set<number> {
  const grams = new Set<number>();
  forEachGram(text, 0, text.length, text.length === 1, (gram) => grams.add(gram));
  return grams;
}

interface Span {
  start: number;
  end: number;
}

interface Match extends Span {
  errors: number;
}

function search(text: string, pattern: string, maxErrors: number, work: AnchorWork): Match[] {
  work.searched += pattern.length * text.length;
  return approxSearch(text, pattern, maxErrors);
}

/**
 * Fuzzy matches of `quote`. A long one is cut into pieces of at most
 * LONG_QUOTE / 2 characters, since approx-string-match's cost grows with the
 * square of the quote: the first piece found anywhere in the text starts the
 * match, each next piece is looked for just after the last, within the
 * errors still allowed. A piece not found counts as deleted, so a quote whose
 * middle was rewritten runs out of errors and stays an orphan.
 */
function fuzzyMatches(text: string, quote: string, maxErrors: number, work: AnchorWork): Match[] {
  if (quote.length <= LONG_QUOTE) return search(text, quote, maxErrors, work);
  const count = Math.ceil(quote.length / (LONG_QUOTE / 2));
  const size = Math.ceil(quote.length / count);
  const pieces = Array.from({ length: count }, (_, i) => quote.slice(i * size, (i + 1) * size));
  // A piece may hold all of the quote's errors (a deletion inside it): allow half of it.
  const allowed = (piece: string, budget: number) => Math.min(budget, Math.floor(piece.length / 2));

  let first = 0;
  let skipped = 0;
  let heads: Match[] = [];
  for (; first < count && skipped <= maxErrors; skipped += pieces[first++].length) {
    heads = search(text, pieces[first], allowed(pieces[first], maxErrors - skipped), work);
    if (heads.length > 0) break;
  }
  const found: Match[] = [];
  for (const head of heads.slice(0, SCORED_CANDIDATES)) {
    let errors = skipped + head.errors;
    let end = head.end;
    for (const piece of pieces.slice(first + 1)) {
      const budget = maxErrors - errors;
      if (budget < 0) break;
      // It starts where the last one ended (a little slack for how that end was
      // aligned), or later by as many characters as may have been inserted.
      const from = Math.max(0, end - CONTEXT_LENGTH);
      const window = text.slice(from, end + piece.length + budget);
      const [next] = search(window, piece, allowed(piece, budget), work);
      if (next) {
        errors += next.errors;
        end = from + next.end;
      } else errors += piece.length;
    }
    if (errors <= maxErrors) found.push({ start: head.start, end, errors });
  }
  return found;
}

function contextOf(target: TextTarget): Context {
  // Our selectors and Hypothesis's carry CONTEXT_LENGTH characters; longer
  // context from other tools adds cost, not a better choice.
  const prefix = target.quote.prefix.slice(-CONTEXT_LENGTH);
  const suffix = target.quote.suffix.slice(0, CONTEXT_LENGTH);
  return {
    prefix,
    suffix,
    prefixGrams: gramSet(prefix),
    suffixGrams: gramSet(suffix),
  };
}

/**
 * Fewest edits that turn `wanted` into some stretch of `actual` (start and
 * end free): the same count approx-string-match reports for its best match,
 * without finding where every possible match starts.
 */
function editsToFit(wanted: string, actual: string, work: AnchorWork): number {
  const m = wanted.length;
  work.compared += m * actual.length;
  // column[i]: edits for wanted[0, i) against text ending at the current character.
  const column = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let fewest = m;
  for (let j = 0; j < actual.length; j++) {
    const char = actual.charCodeAt(j);
    let diagonal = 0; // a match may start anywhere: no cost before wanted[0]
    for (let i = 1; i <= m; i++) {
      const left = column[i];
      const substitute = diagonal + (wanted.charCodeAt(i - 1) === char ? 0 : 1);
      column[i] = Math.min(substitute, left + 1, column[i - 1] + 1);
      diagonal = left;
    }
    fewest = Math.min(fewest, column[m]);
  }
  return fewest;
}

/** 1 when `wanted` occurs in `actual` exactly, falling towards 0 with each edit. */
function similarity(wanted: string, actual: string, work: AnchorWork): number {
  if (wanted.length === 0) return 1;
  return 1 - editsToFit(wanted, actual, work) / wanted.length;
}

/** The stretches either side of a candidate that its stored context is compared with. */
function around(text: string, context: Context, { start, end }: Span) {
  return {
    before: [Math.max(0, start - context.prefix.length - SLACK), start] as const,
    after: [end, Math.min(text.length, end + context.suffix.length + SLACK)] as const,
  };
}

/** Share of the context's character pairs found beside the candidate: no edit distance. */
function cheapContextScore(text: string, context: Context, at: Span, work: AnchorWork): number {
  const { prefix, suffix, prefixGrams, suffixGrams } = context;
  const weight = prefixGrams.size + suffixGrams.size;
  if (weight === 0) return 1;
  const { before, after } = around(text, context, at);
  const shared = (wanted: Set<number>, [from, to]: readonly [number, number], single: boolean) => {
    let count = 0;
    forEachGram(text, from, to, single, (gram) => {
      if (wanted.has(gram)) count++;
    });
    work.compared += to - from;
    // Repeats count too, so no more than the context has.
    return Math.min(count, wanted.size);
  };
  return (
    (shared(prefixGrams, before, prefix.length === 1) +
      shared(suffixGrams, after, suffix.length === 1)) /
    weight
  );
}

function contextScore(text: string, context: Context, at: Span, work: AnchorWork): number {
  const { prefix, suffix } = context;
  const weight = prefix.length + suffix.length;
  if (weight === 0) return 1;
  work.scored++;
  const { before, after } = around(text, context, at);
  const score = (wanted: string, [from, to]: readonly [number, number]) =>
    wanted.length === 0 ? 0 : similarity(wanted, text.slice(from, to), work) * wanted.length;
  const prefixScore = score(prefix, before);
  const suffixScore = score(suffix, after);
  return (prefixScore + suffixScore) / weight;
}

function exactContext(text: string, target: TextTarget, start: number, end: number): boolean {
  const { prefix, suffix } = target.quote;
  return (
    text.slice(start - prefix.length, start) === prefix &&
    start >= prefix.length &&
    text.slice(end, end + suffix.length) === suffix
  );
}

/**
 * Ranks candidates: context first, then closeness to where the target used
 * to be. The cheap score shortlists; the edit-distance score decides.
 */
function best<T extends Span>(
  text: string,
  target: TextTarget,
  candidates: T[],
  work: AnchorWork,
  extra: (candidate: T) => number = () => 0,
): { candidate: T; context: number } {
  const context = contextOf(target);
  const hint = target.position?.start ?? 0;
  const rank = (candidate: T, contextScore: number) =>
    extra(candidate) +
    contextScore -
    (Math.abs(candidate.start - hint) / Math.max(1, text.length)) * 0.1;

  const shortlist =
    candidates.length <= SCORED_CANDIDATES
      ? candidates
      : candidates
          .map((candidate, order) => ({
            candidate,
            order,
            cheap: rank(candidate, cheapContextScore(text, context, candidate, work)),
          }))
          .sort((a, b) => b.cheap - a.cheap || a.order - b.order)
          .slice(0, SCORED_CANDIDATES)
          // Back in the callers' order, so ties go where they always went.
          .sort((a, b) => a.order - b.order)
          .map(({ candidate }) => candidate);

  let top: { candidate: T; context: number; score: number } | undefined;
  for (const candidate of shortlist) {
    const score = contextScore(text, context, candidate, work);
    const ranked = rank(candidate, score);
    if (!top || ranked > top.score) top = { candidate, context: score, score: ranked };
  }
  // Callers pass at least one candidate.
  return top!;
}

function exactOccurrences(text: string, quote: string): Span[] {
  const found: Span[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length });
  }
  return found;
}

export function anchorTarget(
  text: string,
  target: TextTarget,
  work: AnchorWork = { scored: 0, compared: 0, searched: 0 },
): Anchor {
  const { exact } = target.quote;
  if (exact.length === 0) return { status: 'orphan' };

  const position = target.position;
  if (
    position &&
    position.end - position.start === exact.length &&
    text.slice(position.start, position.end) === exact &&
    exactContext(text, target, position.start, position.end)
  ) {
    return { status: 'exact', start: position.start, end: position.end };
  }

  const occurrences = exactOccurrences(text, exact);
  if (occurrences.length > 0) {
    const { candidate } = best(text, target, occurrences, work);
    return { status: 'exact', start: candidate.start, end: candidate.end };
  }

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return { status: 'orphan' };
  const matches = fuzzyMatches(text, exact, maxErrors, work);
  if (matches.length === 0) return { status: 'orphan' };
  const { candidate, context } = best(
    text,
    target,
    matches,
    work,
    // The quote counts for more than its context.
    (match) => 2 * (1 - match.errors / exact.length),
  );
  if (exact.length < SHORT_QUOTE && context < MIN_CONTEXT_FOR_SHORT) return { status: 'orphan' };
  return { status: 'fuzzy', start: candidate.start, end: candidate.end };
}
