/**
 * Test-side reference for the search spec, written independently of
 * src/core/search: the bundled report parsed once, a seeded PRNG, and an
 * oracle that answers a query by brute force over every block.
 *
 * Spec: each code point is NFKC-normalized and lower-cased, whitespace is
 * dropped; a query is split on whitespace into keywords, each normalized the
 * same way, and keywords with no letter or digit are dropped. A block is a hit
 * when its normalized text contains every keyword; its matches are every
 * occurrence (overlapping ones included) of every keyword, as source offsets,
 * merged where they overlap or touch.
 */
import { readFileSync } from 'node:fs';
import type { Block, ReportDocument } from '../../../src/shared/document';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { buildSearchIndex } from '../../../src/core/search/build-index';
import { segmentWords } from '../../../src/services/search/words';
import { SearchEngine } from '../../../src/core/search/engine';

export const REPORT_PATH = new URL(
  '../../../resources/haishu-2018-government-work-report.txt',
  import.meta.url,
);

export function reportBytes(): Uint8Array {
  return new Uint8Array(readFileSync(REPORT_PATH));
}

export function loadReport(): ReportDocument {
  return parseReportBytes(reportBytes());
}

/** An engine over `blocks`, its index taken through JSON and back as the app ships it. */
export function loadEngine(blocks: Block[]): SearchEngine {
  return SearchEngine.load(JSON.stringify(buildSearchIndex(blocks, segmentWords)), blocks);
}

export { mulberry32 } from '../../support/random';

/** A random integer in [low, high]. */
export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

export interface Folded {
  /** Normalized text, as an array of code points. */
  chars: string[];
  /** Same, joined. */
  text: string;
  /** For each code point of `chars`: the source range of the code point it came from. */
  source: [number, number][];
}

const WHITESPACE = /^\s$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Reference normalization: per source code point NFKC, then lower case, whitespace dropped. */
export function fold(source: string): Folded {
  const chars: string[] = [];
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const codePoint of source) {
    const end = offset + codePoint.length;
    for (const piece of codePoint.normalize('NFKC').toLowerCase()) {
      if (WHITESPACE.test(piece)) continue;
      chars.push(piece);
      ranges.push([offset, end]);
    }
    offset = end;
  }
  return { chars, text: chars.join(''), source: ranges };
}

/** Reference keywords: whitespace-separated, normalized, punctuation-only ones dropped. */
export function referenceKeywords(query: string): string[] {
  return query
    .split(/\s+/u)
    .map((part) => fold(part).text)
    .filter((keyword) => LETTER_OR_DIGIT.test(keyword));
}

/** Every occurrence of every keyword, overlapping ones too, in source offsets, merged. */
export function referenceMatches(folded: Folded, keywords: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const keyword of keywords) {
    const length = Array.from(keyword).length;
    for (let i = 0; i + length <= folded.chars.length; i++) {
      if (folded.chars.slice(i, i + length).join('') === keyword) {
        ranges.push([folded.source[i][0], folded.source[i + length - 1][1]]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export interface ReferenceHit {
  block: string;
  ordinal: number;
  matches: [number, number][];
}

export class Oracle {
  private readonly folded: Folded[];

  constructor(private readonly blocks: Pick<Block, 'id' | 'text'>[]) {
    this.folded = blocks.map((block) => fold(block.text));
  }

  /** Hits in document order. */
  search(query: string): ReferenceHit[] {
    const keywords = referenceKeywords(query);
    if (keywords.length === 0) return [];
    const hits: ReferenceHit[] = [];
    this.folded.forEach((folded, ordinal) => {
      if (!keywords.every((keyword) => folded.text.includes(keyword))) return;
      hits.push({
        block: this.blocks[ordinal].id,
        ordinal,
        matches: referenceMatches(folded, keywords),
      });
    });
    return hits;
  }

  /** Block ids of the hits, in document order. */
  ids(query: string): string[] {
    return this.search(query).map((hit) => hit.block);
  }
}

/** Sorts block ids into the order of `blocks`. */
export function documentOrder(blocks: Pick<Block, 'id'>[]): (ids: string[]) => string[] {
  const ordinal = new Map(blocks.map((block, index) => [block.id, index]));
  return (ids) => [...ids].sort((a, b) => ordinal.get(a)! - ordinal.get(b)!);
}

/** Full-width form of printable ASCII (and U+3000 for a space): NFKC folds it back. */
export function toFullWidth(text: string): string {
  return text.replace(/[\x20-\x7e]/gu, (char) =>
    char === ' ' ? '\u3000' : String.fromCharCode(char.charCodeAt(0) + 0xfee0),
  );
}

/** Queries a delegate would type, with the awkward forms: full width, spaces, quotes, symbols. */
export const REALISTIC_QUERIES = [
  '垃圾分类',
  '污水零直排',
  '月湖',
  '民生实事',
  '5G',
  '５Ｇ',
  '2018年',
  '2018 年',
  '海曙',
  '创新',
  '城市双修',
  '凤凰行动',
  '最多跑一次',
  '褚孟彤',
  '区长褚孟彤',
  '区长 褚孟彤',
  'PPP',
  'ppp',
  'Ｐｐｐ',
  '中国制造2025',
  '“中国制造2025”',
  '（一）',
  '(1)',
  '16+1',
  '220KV',
  '220kv',
  '发展',
  '建设',
  '的',
  '7%',
];
