/**
 * Issue 18's crafted target: a quote of `，` (557 places in the report) with
 * contexts that match nothing anywhere, which once made anchoring compare
 * every occurrence at full length. Shared by the unit test and the bench.
 */
import type { TextTarget } from '../../src/shared/user-data';

/** Characters of the report's kind (CJK ideographs) in an order it never has. */
export function noise(length: number, seed: number): string {
  return Array.from({ length }, (_, i) =>
    String.fromCharCode(0x4e00 + ((i * 7919 + seed * 104729) % 20_000)),
  ).join('');
}

export function craftedTarget(seed: number, contextLength: number): TextTarget {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: '，',
      prefix: noise(contextLength, seed),
      suffix: noise(contextLength, seed + 1000),
    },
  };
}
