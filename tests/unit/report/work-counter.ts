/**
 * Counting the work a synchronous call does, without a clock: while it runs,
 * every regex match and string search adds the characters it scanned, and
 * every Map lookup and every character read by code (charCodeAt, as
 * htmlparser2's tokenizer reads XML one character at a time) adds one. A parse that is linear in its input scans a
 * bounded number of characters per input character, whatever the machine's
 * speed or load; one that re-reads a growing paragraph per line does not.
 */

interface Patch {
  restore(): void;
}

function patch<T extends object, K extends keyof T>(
  target: T,
  key: K,
  make: (original: T[K]) => T[K],
): Patch {
  const original = target[key];
  target[key] = make(original);
  return { restore: () => (target[key] = original) };
}

/** Runs `run` and returns how much it scanned and looked up. */
export function countWork(run: () => unknown): number {
  let work = 0;
  const patches = [
    patch(
      RegExp.prototype,
      'exec',
      (original) =>
        function (this: RegExp, input: string) {
          const from = this.global || this.sticky ? this.lastIndex : 0;
          const match = original.call(this, input);
          work += match
            ? match.index + match[0].length - from + 1
            : String(input).length - from + 1;
          return match;
        },
    ),
    patch(
      String.prototype,
      'indexOf',
      (original) =>
        function (this: string, search: string, from = 0) {
          const at = original.call(this, search, from);
          work += (at < 0 ? this.length : at + search.length) - from + 1;
          return at;
        },
    ),
    patch(
      String.prototype,
      'includes',
      (original) =>
        function (this: string, search: string, from?: number) {
          work += this.length - (from ?? 0) + 1;
          return original.call(this, search, from);
        },
    ),
    patch(
      String.prototype,
      'charCodeAt',
      (original) =>
        function (this: string, index: number) {
          work++;
          return original.call(this, index);
        },
    ),
    patch(
      Map.prototype,
      'get',
      (original) =>
        function (this: Map<unknown, unknown>, key: unknown) {
          work++;
          return original.call(this, key);
        },
    ),
  ];
  try {
    run();
  } finally {
    for (const applied of patches.reverse()) applied.restore();
  }
  return work;
}
