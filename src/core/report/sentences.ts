/**
 * Sentences of the document text (doc-text.ts), the unit a reader selects by
 * keyboard. A Chinese sentence ends at 。！？ or ；, with any closing quote or
 * bracket after the mark (“……。” ends after the ”); a block always ends one.
 * Spaces at a sentence's edges are left out, so a selection of one sentence
 * quotes exactly its words.
 */

// Half-width marks too: converted files often carry them. An ellipsis (……) goes on within a sentence.
const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕']);
const isSpace = (char: string) => /\s/.test(char);

export interface TextSpan {
  start: number;
  end: number;
}

/** Every sentence of `text`, in order, none empty. */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  const close = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    if (to > from) spans.push({ start: from, end: to });
    start = end;
  };
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '\n') {
      close(at);
      start = at + 1;
      at++;
    } else if (ENDS.has(char)) {
      at++;
      // 。。。 and ？！ end one sentence, as do the quotes and brackets closing it.
      while (at < text.length && (ENDS.has(text[at]) || CLOSERS.has(text[at]))) at++;
      close(at);
    } else {
      at++;
    }
  }
  close(text.length);
  return spans;
}

/** The index of the first span whose start is at or after `at` (spans.length when none is). */
export function firstStartingFrom(spans: readonly TextSpan[], at: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start >= at) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The index of the first span whose end is after `at` (spans.length when none is). */
export function firstEndingAfter(spans: readonly TextSpan[], at: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].end > at) high = middle;
    else low = middle + 1;
  }
  return low;
}
