interface Entry<Tag> {
  word: string;
  tag: Tag;
}

/**
 * A small word table for the few-characters-around-a-number checks that run
 * for every figure: which listed word ends (or starts) at a position. Keyed by
 * the word's last (or first) character code, so a check reads one or two
 * characters and allocates nothing; a regex alternation of the same words costs
 * several times more at this many calls, and extraction has to stay a small
 * fraction of parsing (the bench measures it).
 */
export class WordTable<Tag = undefined> {
  /**
   * By character code, where the words that start (end) with it are in
   * byFirst (byLast), or 0 for none: one typed-array load settles most
   * checks, where a Map lookup cost more than the rest of the check.
   */
  private readonly firstSlot = new Uint8Array(0x10000);
  private readonly lastSlot = new Uint8Array(0x10000);
  /** The words of each slot, longest first; slot 0 stays empty. */
  private readonly byFirst: Entry<Tag>[][] = [[]];
  private readonly byLast: Entry<Tag>[][] = [[]];

  constructor(entries: Iterable<readonly [string, Tag]>) {
    for (const [word, tag] of entries) {
      const entry = { word, tag };
      addTo(this.byFirst, this.firstSlot, word.charCodeAt(0), entry);
      addTo(this.byLast, this.lastSlot, word.charCodeAt(word.length - 1), entry);
    }
    // Longest first, so `增长到` wins over `到`, `个百分点` over `个`.
    for (const list of [...this.byFirst, ...this.byLast]) {
      list.sort((a, b) => b.word.length - a.word.length);
    }
  }

  /** Every word of the table. */
  words(): string[] {
    return this.byFirst.flatMap((list) => list.map((entry) => entry.word));
  }

  static of(words: Iterable<string>): WordTable {
    return new WordTable([...words].map((word) => [word, undefined] as const));
  }

  /** The longest word that ends at `end` and starts at or after `from`. */
  endingAt(text: string, end: number, from = 0): Entry<Tag> | undefined {
    if (end <= from) return undefined;
    // Past the text's end the code is NaN, and the slot undefined.
    const slot = this.lastSlot[text.charCodeAt(end - 1)];
    if (!slot) return undefined;
    const list = this.byLast[slot];
    for (let i = 0; i < list.length; i++) {
      const start = end - list[i].word.length;
      if (start >= from && wordAt(text, start, list[i].word)) return list[i];
    }
    return undefined;
  }

  /** The longest word that starts at `at` and ends at or before `to`. */
  startingAt(text: string, at: number, to = text.length): Entry<Tag> | undefined {
    if (at >= to) return undefined;
    const slot = this.firstSlot[text.charCodeAt(at)];
    if (!slot) return undefined;
    const list = this.byFirst[slot];
    for (let i = 0; i < list.length; i++) {
      if (at + list[i].word.length <= to && wordAt(text, at, list[i].word)) return list[i];
    }
    return undefined;
  }
}

function addTo<T>(lists: T[][], slots: Uint8Array, code: number, value: T): void {
  if (slots[code] === 0) {
    if (lists.length > 0xff) throw new Error('WordTable: more than 255 first or last characters');
    slots[code] = lists.length;
    lists.push([]);
  }
  lists[slots[code]].push(value);
}

/**
 * Whether `word` stands in `text` at `at`, compared character by character:
 * words are a few characters long, and startsWith, a call per candidate word,
 * cost more.
 */
function wordAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  }
  return true;
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
