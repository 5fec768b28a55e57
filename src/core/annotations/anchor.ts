/**
 * Re-anchoring a stored target in the current text, in the order the issue
 * fixes: the stored position when quote and context still agree; else the
 * exact quote, with context as tie-break; else a fuzzy match; else an orphan.
 * An orphan is never guessed onto other text.
 */
import approxSearch from 'approx-string-match';
import type { Anchor, TextTarget } from '../../shared/user-data';

/** Share of a quote's characters that may differ in a fuzzy match. */
const MAX_ERROR_RATE = 0.25;
/** Quotes shorter than this need their context to agree before a fuzzy match counts. */
const SHORT_QUOTE = 12;
const MIN_CONTEXT_FOR_SHORT = 0.5;

/** 1 when `wanted` matches `actual` exactly, falling towards 0 with each edit. */
function similarity(wanted: string, actual: string): number {
  if (wanted.length === 0) return 1;
  const matches = approxSearch(actual, wanted, wanted.length);
  const errors = matches.length === 0 ? wanted.length : Math.min(...matches.map((m) => m.errors));
  return 1 - errors / wanted.length;
}

function contextScore(text: string, target: TextTarget, start: number, end: number): number {
  const { prefix, suffix } = target.quote;
  // A little slack either side, so an inserted character does not cost the whole context.
  const before = text.slice(Math.max(0, start - prefix.length - 4), start);
  const after = text.slice(end, end + suffix.length + 4);
  const weight = prefix.length + suffix.length;
  if (weight === 0) return 1;
  const prefixScore = prefix.length === 0 ? 0 : similarity(prefix, before) * prefix.length;
  const suffixScore = suffix.length === 0 ? 0 : similarity(suffix, after) * suffix.length;
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

/** Ranks candidates: context first, then closeness to where the target used to be. */
function best<T extends { start: number; end: number }>(
  text: string,
  target: TextTarget,
  candidates: T[],
  extra: (candidate: T) => number = () => 0,
): { candidate: T; context: number } {
  const hint = target.position?.start ?? 0;
  let top: { candidate: T; context: number; score: number } | undefined;
  for (const candidate of candidates) {
    const context = contextScore(text, target, candidate.start, candidate.end);
    const distance = Math.abs(candidate.start - hint) / Math.max(1, text.length);
    const score = extra(candidate) + context - distance * 0.1;
    if (!top || score > top.score) top = { candidate, context, score };
  }
  // Callers pass at least one candidate.
  return top!;
}

function exactOccurrences(text: string, quote: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length });
  }
  return found;
}

export function anchorTarget(text: string, target: TextTarget): Anchor {
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
    const { candidate } = best(text, target, occurrences);
    return { status: 'exact', start: candidate.start, end: candidate.end };
  }

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return { status: 'orphan' };
  const matches = approxSearch(text, exact, maxErrors);
  if (matches.length === 0) return { status: 'orphan' };
  const { candidate, context } = best(
    text,
    target,
    matches,
    // The quote counts for more than its context.
    (match) => 2 * (1 - match.errors / exact.length),
  );
  if (exact.length < SHORT_QUOTE && context < MIN_CONTEXT_FOR_SHORT) return { status: 'orphan' };
  return { status: 'fuzzy', start: candidate.start, end: candidate.end };
}
