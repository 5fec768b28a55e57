/**
 * The text two editions are compared on. The parser has already joined lines
 * cut by page breaks, dropped page-number lines and closed the spaces a
 * converter leaves between Chinese and digits; what layout can still leave is
 * whitespace (a line re-wrapped inside a Latin word, a full-width space, a
 * space the repair kept) and invisible characters. None of it is a word of
 * the report, so all of it is left out of the comparison. A space between two
 * Latin words is left out too: a Chinese report's few Latin words do not
 * change meaning by it, and a re-wrap can put one there.
 */
import { isPageNumberLine } from '../report/text-repair';

/** Whitespace of any kind, and the invisible marks a converter may leave (ZWSP, ZWNJ, ZWJ, BOM, soft hyphen). */
const IGNORED = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/u;
const IGNORED_ALL = new RegExp(IGNORED.source, 'gu');

/** The comparison text of a block: its text without anything layout can change. */
export function compareKey(text: string): string {
  return text.replace(IGNORED_ALL, '');
}

/** A block that is no words of the report: empty after the comparison cut, or a stray page number. */
export function isLayoutOnly(text: string, key = compareKey(text)): boolean {
  return key === '' || isPageNumberLine(text);
}

/**
 * The comparison text with, for each of its UTF-16 units, the offset of that
 * unit in the block's own text; `offsets[key.length]` is the text's length.
 */
export interface MappedKey {
  key: string;
  offsets: Int32Array;
}

export function mappedKey(text: string): MappedKey {
  const offsets = new Int32Array(text.length + 1);
  let key = '';
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    if (IGNORED.test(unit)) continue;
    key += unit;
    offsets[length++] = i;
  }
  offsets[length] = text.length;
  return { key, offsets: offsets.slice(0, length + 1) };
}

/**
 * The block-text range of the comparison range `[start, end)`. An empty range
 * sits right after the character before it, so an insertion after `万元` and
 * before a space lands before the space.
 */
export function textRange(mapped: MappedKey, start: number, end: number): [number, number] {
  if (end > start) return [mapped.offsets[start], mapped.offsets[end - 1] + 1];
  const at = start === 0 ? 0 : mapped.offsets[start - 1] + 1;
  return [at, at];
}
