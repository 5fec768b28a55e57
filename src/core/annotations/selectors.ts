/** Building W3C selectors for a range of the document text. */
import type { TextTarget } from '../../shared/user-data';

/** How much context a quote carries on each side, as Hypothesis stores it. */
export const CONTEXT_LENGTH = 32;

export function targetFor(text: string, start: number, end: number, version: string): TextTarget {
  return {
    documentVersion: version,
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
