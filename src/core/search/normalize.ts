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

const SPACE = /\s/u;

function normalizeCodePoint(char: string): string {
  // Most of the report is CJK and ASCII digits: skip the costly call for those.
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? char.toLowerCase() : char;
  if (code >= 0x4e00 && code <= 0x9fff) return char;
  return char.normalize('NFKC').toLowerCase();
}

export function normalizeWithMap(source: string): Normalized {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < source.length;) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const normalized = normalizeCodePoint(source.slice(i, i + width));
    for (let k = 0; k < normalized.length; k++) {
      if (SPACE.test(normalized[k])) continue;
      text += normalized[k];
      from.push(i);
      to.push(i + width);
    }
    i += width;
  }
  return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
}

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
