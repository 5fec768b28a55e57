/**
 * Search normalization: NFKC (５Ｇ = 5G, （ = (), lower case, and no
 * whitespace, so `2018年` finds `2018 年`. Text and query go through the same
 * function, one code point at a time, so "contains" means the same thing on
 * both sides; a map takes every normalized position back to the source.
 */

export interface Normalized {
  text: string;
  /** For each UTF-16 unit of `text`, where its source code point starts. */
  from: Int32Array;
  /** …and where it ends (exclusive). */
  to: Int32Array;
}

const SPACE = /\s/gu;

/** Code points met so far (punctuation, full-width forms…) and their normal form, whitespace dropped. */
const normalForms = new Map<string, string>();

/** A code point's normal form: NFKC, lower case, whitespace dropped; the same one met again is looked up. */
function normalizeCodePoint(char: string): string {
  let normalized = normalForms.get(char);
  if (normalized === undefined) {
    normalized = char.normalize('NFKC').toLowerCase().replace(SPACE, '');
    // Bounded by the code points there are; a lone surrogate is no key worth keeping.
    if (normalForms.size < MAX_NORMAL_FORMS) normalForms.set(char, normalized);
  }
  return normalized;
}

const MAX_NORMAL_FORMS = 1 << 16;

/**
 * Normalized text being written, a UTF-16 unit at a time with its source
 * range, into typed arrays that grow as needed; the units become one flat
 * string at the end (adding a unit at a time to a string made a rope, which
 * every search then went through).
 */
class NormalizedWriter {
  private units: Uint16Array;
  private from: Int32Array;
  private to: Int32Array;
  length = 0;

  /** `capacity`: the units expected (NFKC may make more, or fewer). */
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity + 16);
    this.from = new Int32Array(capacity + 16);
    this.to = new Int32Array(capacity + 16);
  }

  push(unit: number, from: number, to: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.from[this.length] = from;
    this.to[this.length++] = to;
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    units.set(this.units);
    from.set(this.from);
    to.set(this.to);
    [this.units, this.from, this.to] = [units, from, to];
  }

  /** `source` normalized, one code point at a time: NFKC, lower case, no whitespace. */
  write(source: string): void {
    for (let i = 0; i < source.length;) {
      const code = source.charCodeAt(i);
      // ASCII and CJK, most of a report, are their own normal form (but A–Z and whitespace).
      if (code < 0x80) {
        if (code !== 32 && (code < 9 || code > 13)) {
          this.push(code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
        }
        i++;
        continue;
      }
      if (code >= 0x4e00 && code <= 0x9fff) {
        this.push(code, i, i + 1);
        i++;
        continue;
      }
      const width = source.codePointAt(i)! > 0xffff ? 2 : 1;
      const normalized = normalizeCodePoint(source.slice(i, i + width));
      for (let k = 0; k < normalized.length; k++) {
        this.push(normalized.charCodeAt(k), i, i + width);
      }
      i += width;
    }
  }

  /** The text written, as one flat string, with its map. */
  done(): Normalized {
    const chunks: string[] = [];
    for (let at = 0; at < this.length; at += CHUNK) {
      const units = this.units.subarray(at, Math.min(at + CHUNK, this.length));
      chunks.push(String.fromCharCode.apply(null, units as unknown as number[]));
    }
    return {
      text: chunks.length === 1 ? chunks[0] : chunks.join(''),
      from: this.from.slice(0, this.length),
      to: this.to.slice(0, this.length),
    };
  }
}

/** Units turned into a string at once (an argument list's worth). */
const CHUNK = 4096;

export function normalizeWithMap(source: string): Normalized {
  const writer = new NormalizedWriter(source.length);
  writer.write(source);
  return writer.done();
}

/** A whole report's blocks normalized into one text (normalizeBlocks). */
export interface NormalizedBlocks {
  /** Every block's text, each after a line break; the map's offsets are into the block's own source. */
  normalized: Normalized;
  /** Block b's text starts at starts[b] and ends where the next one's line break is. */
  starts: Int32Array;
  /** 1 for a block whose every unit is its source's own, one for one (its map says nothing). */
  plain: Uint8Array;
}

/**
 * A whole report's blocks normalized into one text, each block's after a
 * line break, which no normalized text or keyword holds, so no match
 * crosses from one block into the next.
 */
export function normalizeBlocks(sources: readonly string[]): NormalizedBlocks {
  const writer = new NormalizedWriter(sources.reduce((sum, source) => sum + source.length + 1, 0));
  const starts = new Int32Array(sources.length + 1);
  sources.forEach((source, b) => {
    writer.push(BREAK, -1, -1);
    starts[b] = writer.length;
    writer.write(source);
  });
  starts[sources.length] = writer.length + 1;
  const normalized = writer.done();
  const { from, to } = normalized;
  const plain = new Uint8Array(sources.length);
  sources.forEach((source, b) => {
    const start = starts[b];
    const length = starts[b + 1] - 1 - start;
    if (length !== source.length) return;
    for (let p = 0; p < length; p++) {
      if (from[start + p] !== p || to[start + p] !== p + 1) return;
    }
    plain[b] = 1;
  });
  return { normalized, starts, plain };
}

const BREAK = 0x0a;

export function normalize(source: string): string {
  return normalizeWithMap(source).text;
}

/**
 * The keywords of a query: split on whitespace, normalized, duplicates
 * dropped. A keyword with no letter or digit (punctuation only) is dropped,
 * so `、` or `--` finds nothing, quietly.
 */
export function queryKeywords(query: string): string[] {
  const keywords = query
    .split(/\s+/u)
    .map(normalize)
    .filter((keyword) => /[\p{L}\p{N}]/u.test(keyword));
  return [...new Set(keywords)];
}
