/**
 * A small word table for the few-characters-around-a-number checks that run
 * for every figure: which listed word ends (or starts) at a position. Keyed by
 * the word's last (or first) character code, so a check reads one or two
 * characters and allocates nothing; a regex alternation of the same words costs
 * several times more at this many calls, and extraction has to stay a small
 * fraction of parsing (the bench measures it).
 */
export class WordTable<Tag = undefined> {
  private readonly byLast = new Map<number, { word: string; tag: Tag }[]>();
  private readonly byFirst = new Map<number, { word: string; tag: Tag }[]>();
  /** Bit 1: some word starts with this code unit; bit 2: some word ends with it. */
  private readonly edges = new Uint8Array(0x10000);

  constructor(entries: Iterable<readonly [string, Tag]>) {
    for (const [word, tag] of entries) {
      const first = word.charCodeAt(0);
      const last = word.charCodeAt(word.length - 1);
      add(this.byLast, last, { word, tag });
      add(this.byFirst, first, { word, tag });
      this.edges[first] |= 1;
      this.edges[last] |= 2;
    }
    // Longest first, so `增长到` wins over `到`, `个百分点` over `个`.
    for (const list of [...this.byLast.values(), ...this.byFirst.values()]) {
      list.sort((a, b) => b.word.length - a.word.length);
    }
  }

  /** Every word of the table. */
  words(): string[] {
    return [...this.byFirst.values()].flatMap((list) => list.map((entry) => entry.word));
  }

  static of(words: Iterable<string>): WordTable {
    return new WordTable([...words].map((word) => [word, undefined] as const));
  }

  /** The longest word that ends at `end` and starts at or after `from`. */
  endingAt(text: string, end: number, from = 0): { word: string; tag: Tag } | undefined {
    const code = text.charCodeAt(end - 1);
    if (end <= from || (this.edges[code] & 2) === 0) return undefined;
    const list = this.byLast.get(code);
    if (list === undefined) return undefined;
    for (const entry of list) {
      const start = end - entry.word.length;
      if (start >= from && text.startsWith(entry.word, start)) return entry;
    }
    return undefined;
  }

  /** The longest word that starts at `at` and ends at or before `to`. */
  startingAt(text: string, at: number, to = text.length): { word: string; tag: Tag } | undefined {
    const code = text.charCodeAt(at);
    if (at >= to || (this.edges[code] & 1) === 0) return undefined;
    const list = this.byFirst.get(code);
    if (list === undefined) return undefined;
    for (const entry of list) {
      if (at + entry.word.length <= to && text.startsWith(entry.word, at)) return entry;
    }
    return undefined;
  }
}

function add<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** CJK Unified Ideographs (the basic block and extension A): enough for a report's nouns. */
export const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/**
 * A table by character code, for the checks that run on every character read
 * around a figure: one typed-array load, where a Set lookup or a switch of
 * comparisons per character costs several times more. Each character of each
 * string of `marks` gets its value; every other character is 0.
 */
export function charTable(marks: Iterable<readonly [string, number]>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [chars, mark] of marks) {
    for (const char of chars) table[char.charCodeAt(0)] = mark;
  }
  return table;
}
