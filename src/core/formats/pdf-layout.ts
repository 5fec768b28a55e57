/**
 * A PDF's text layer to report text, from the positions of its text items
 * (what pdf.js's getTextContent gives): items on one baseline make a line;
 * running headers, footers and page numbers at the page edges are dropped;
 * lines make paragraphs by their geometry (first-line indent, a short last
 * line, a larger gap, a change of size, centring); a paragraph that runs over
 * a page break is joined. Paragraphs come out separated by blank lines, so the
 * text pipeline gets what a well-made .txt would give it.
 *
 * Single-column, horizontal text: what reports are printed as.
 */
import { isPageNumberLine, needsSpaceBetween } from '../report/text-repair';

export interface PdfTextItem {
  str: string;
  /** Left end of the baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** A page with no text that draws a picture (a scanned page); looked for only on textless pages. */
  image?: boolean;
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Items closer than this (in font sizes) to a line's baseline belong to it. */
const SAME_LINE = 0.4;
/** A gap wider than this (in font sizes) between two items is a space. */
const SPACE_GAP = 0.25;

function lineOf(items: PdfTextItem[]): Line | undefined {
  items.sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  let size = 0;
  for (const item of items) {
    const blank = item.str.trim() === '';
    const gap = item.x - end;
    if (text !== '' && !text.endsWith(' ') && (blank || gap > SPACE_GAP * item.size)) text += ' ';
    if (!blank) {
      text += text.endsWith(' ') ? item.str.trimStart() : item.str;
      x0 = Math.min(x0, item.x);
      x1 = Math.max(x1, item.x + item.width);
      size = Math.max(size, item.size);
    }
    end = Math.max(end, item.x + item.width);
  }
  text = closeJustifiedGaps(text.replace(/\s+/gu, ' ').trim());
  return text === '' ? undefined : { text, x0, x1, y: items[0].y, size };
}

/** Full-width punctuation: Chinese text has no space beside it, but after `1.` it may. */
const CJK_MARK =
  '[\u3001-\u3003\u3008-\u3011\u3014-\u301F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’…—]';
const WORD_OR_MARK = `(?:[\\p{L}\\p{N}]|${CJK_MARK})`;
const SPACE_BY_MARK = new RegExp(
  `(?<=${WORD_OR_MARK}) (?=${CJK_MARK})|(?<=${CJK_MARK}) (?=${WORD_OR_MARK})`,
  'gu',
);
const HAN_OR_MARK = `(?:\\p{Script=Han}|${CJK_MARK})`;
/** Three or more single characters, each a space apart: `广 泛 开 展`. */
const SPREAD_RUN = new RegExp(`${HAN_OR_MARK}(?: ${HAN_OR_MARK}){2,}`, 'gu');

/**
 * Takes out the spaces a justified line's stretched glyphs leave: a word
 * processor (LibreOffice, WPS) stretches a short Chinese line to the margin,
 * and the text layer then has a space between every two characters
 * (`出 让 ， 2 幢 总 部`), or beside a comma before a number (`验收； 110KV`).
 * A space between words of two or more characters (`区长 褚孟彤`) is kept.
 */
function closeJustifiedGaps(text: string): string {
  if (!text.includes(' ')) return text;
  return text.replace(SPREAD_RUN, (run) => run.replace(/ /gu, '')).replace(SPACE_BY_MARK, '');
}

/** The page's lines, top to bottom. */
export function pageLines(page: PdfPageText): Line[] {
  const items = page.items.filter((item) => item.str !== '' && item.size > 0);
  items.sort((a, b) => b.y - a.y);
  const lines: Line[] = [];
  let group: PdfTextItem[] = [];
  for (const item of items) {
    if (group.length > 0 && group[0].y - item.y > SAME_LINE * Math.max(group[0].size, item.size)) {
      const line = lineOf(group);
      if (line) lines.push(line);
      group = [];
    }
    group.push(item);
  }
  const line = group.length > 0 ? lineOf(group) : undefined;
  if (line) lines.push(line);
  return lines;
}

const BARE_PAGE_NUMBER =
  /^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|\d{1,4}\s*\/\s*\d{1,4}|第\s*\d{1,4}\s*页.*|page\s*\d{1,4}.*)$/iu;
/** Lines at each edge of a page that may be running heads or page numbers. */
const EDGE_LINES = 2;

function isPageNumber(text: string): boolean {
  return isPageNumberLine(text) || BARE_PAGE_NUMBER.test(text);
}

/** A running head's text with its numbers blanked, so `第3页 政府工作报告` repeats. */
const shape = (text: string): string => text.replace(/\d+/gu, '#').replace(/\s+/gu, '');

/**
 * Drops page numbers at the edges, and lines that repeat at the same edge on
 * at least two pages and 40% of them (running headers and footers).
 */
function dropRunningLines(pages: Line[][]): Line[][] {
  const edges = (lines: Line[]) =>
    lines.flatMap((line, i) => {
      const top = i < EDGE_LINES;
      const bottom = i >= lines.length - EDGE_LINES;
      return top || bottom ? [{ line, key: `${top ? 'top' : 'bottom'}:${shape(line.text)}` }] : [];
    });
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edges(lines).map((edge) => edge.key))) {
      pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
    }
  }
  const repeats = (key: string) => {
    const count = pagesWith.get(key) ?? 0;
    return count >= 2 && count >= pages.length * 0.4;
  };
  return pages.map((lines) => {
    const dropped = new Set(
      edges(lines)
        .filter(
          ({ line, key }) => isPageNumber(line.text) || (line.text.length <= 60 && repeats(key)),
        )
        .map(({ line }) => line),
    );
    return lines.filter((line) => !dropped.has(line));
  });
}

/** The value that occurs most often after rounding, weighted. */
function mode(values: [value: number, weight: number][]): number {
  const counts = new Map<number, number>();
  for (const [value, weight] of values) {
    const key = Math.round(value);
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Column {
  size: number;
  left: number;
  right: number;
  /** Usual distance between the baselines of two lines of one paragraph. */
  pitch: number;
}

/** The body text's size, margins and line pitch, from its most common lines. */
function measureColumn(pages: Line[][]): Column {
  const lines = pages.flat();
  const size = mode(lines.map((line) => [line.size, line.text.length]));
  const body = lines.filter((line) => Math.abs(line.size - size) <= size * 0.1);
  const left = mode(body.map((line) => [line.x0, 1]));
  const right = quantile(
    body.map((line) => line.x1),
    0.9,
  );
  const gaps: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const gap = page[i - 1].y - page[i].y;
      if (gap > 0 && Math.abs(page[i].size - size) <= size * 0.1) gaps.push(gap);
    }
  }
  return { size, left, right, pitch: quantile(gaps, 0.5) || size * 1.5 };
}

const STARTS_NUMBERED =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}\s*[.．、](?!\d)|第[一二三四五六七八九十]+[部章])/u;
const ENDS_SENTENCE = /[。！？；：.!?;:][”’」』》）)]*$/u;

function isCentred(line: Line, column: Column): boolean {
  const middle = (column.left + column.right) / 2;
  return (
    line.x0 - column.left > 2 * line.size && Math.abs((line.x0 + line.x1) / 2 - middle) < line.size
  );
}

/** True when `next` starts a new paragraph after `previous`. */
function startsParagraph(previous: Line, next: Line, column: Column, samePage: boolean): boolean {
  const size = Math.max(previous.size, next.size);
  if (Math.abs(previous.size - next.size) > 0.1 * size) return true;
  if (samePage && previous.y - next.y > 1.4 * column.pitch) return true;
  if (next.x0 - column.left > 0.9 * next.size) return true; // indented first line
  if (previous.x1 < column.right - 1.5 * previous.size) return true; // short last line
  if (isCentred(previous, column) || isCentred(next, column)) return true;
  return ENDS_SENTENCE.test(previous.text) && STARTS_NUMBERED.test(next.text);
}

/** Report text from a PDF's pages: paragraphs separated by blank lines. */
export function layoutPdfText(pages: PdfPageText[]): string {
  const lines = dropRunningLines(pages.map(pageLines));
  const column = measureColumn(lines);
  const paragraphs: string[][] = [];
  let previous: Line | undefined;
  lines.forEach((page) => {
    page.forEach((line, lineIndex) => {
      const samePage = lineIndex > 0;
      if (previous === undefined || startsParagraph(previous, line, column, samePage)) {
        paragraphs.push([line.text]);
      } else {
        const pieces = paragraphs[paragraphs.length - 1];
        if (needsSpaceBetween(pieces[pieces.length - 1], line.text)) pieces.push(' ');
        pieces.push(line.text);
      }
      previous = line;
    });
  });
  return paragraphs.map((pieces) => pieces.join('')).join('\n\n');
}
