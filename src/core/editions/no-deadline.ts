/**
 * diff-match-patch's "no deadline", for a diff whose answer must not depend
 * on how busy the machine is. Its `timeout: 0` does not mean that: it reads
 * `timeout || 1`, so 0 is one second; only a value ≤ 0 other than 0, or
 * Infinity, lifts it.
 */
export const NO_DEADLINE = Number.POSITIVE_INFINITY;
