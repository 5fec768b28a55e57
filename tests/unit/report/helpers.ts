/**
 * Shared fixtures for the report parser tests: the bundled report, and
 * independent (test-side) helpers that find page-break seams in the raw text
 * and build re-wrapped copies of it.
 */
import { readFileSync } from 'node:fs';
import type { ReportDocument } from '../../../src/shared/document';

/** Report lines as a text file prints them, a blank line between each. */
export const lines = (...text: string[]) => text.join('\n\n');
/** The title block and closing lines as `[role, text]` pairs. */
export const meta = (document: ReportDocument) =>
  document.blocks.filter((block) => block.kind === 'meta').map((block) => [block.role, block.text]);
/** The outline as `level title` strings. */
export const outline = (document: ReportDocument) =>
  document.outline.map((entry) => `${entry.level} ${entry.title}`);

export const REPORT_URL = new URL(
  '../../../resources/haishu-2018-government-work-report.txt',
  import.meta.url,
);

export function reportBytes(): Uint8Array {
  return new Uint8Array(readFileSync(REPORT_URL));
}

/** The bundled report as text, without BOM and with LF line ends. */
export function reportText(): string {
  return readFileSync(REPORT_URL, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

const SALUTATION_LINE = '各位代表：';
const APPENDIX_LINE = /^附\s*件/u;
const LEVEL1_LINE = /^[一二三四五六七八九十]{1,3}、/u;
const LEVEL2_LINE = /^（[一二三四五六七八九十]{1,3}）/u;

/** True for a heading line: `一、…` or the appendix `附件：`. */
export function isHeadingLine(line: string): boolean {
  return LEVEL1_LINE.test(line) || APPENDIX_LINE.test(line);
}

/** True for a line that must start a new block: a heading, or `（一）…` opening a subsection. */
export function startsBlock(line: string): boolean {
  return isHeadingLine(line) || LEVEL2_LINE.test(line);
}

/** True when a raw line ends a sentence: `。！？；：`, possibly inside closing quotes or `**`. */
export function lineEndsSentence(line: string): boolean {
  return /[。！？；：]$/u.test(line.trim().replace(/[”’」』*]+$/u, ''));
}

export interface Seam {
  /** Index (in `text.split('\n')`) of the line a page break cut. */
  beforeLine: number;
  /** Index of the line that continues it. */
  afterLine: number;
  before: string;
  after: string;
}

/** Index range `[start, end)` of the body lines: after the salutation, before the appendix. */
export function bodyLineRange(lines: string[]): [number, number] {
  const start = lines.findIndex((line) => line.trim() === SALUTATION_LINE) + 1;
  const appendix = lines.findIndex((line, i) => i >= start && APPENDIX_LINE.test(line.trim()));
  if (start <= 0 || appendix < 0) throw new Error('fixture has no salutation or appendix');
  return [start, appendix];
}

/**
 * Finds the places where the converter cut a body paragraph at a page break:
 * a non-empty, non-heading line that does not end a sentence, followed (after
 * blank lines) by a line that is neither a heading nor a `（一）` subsection start.
 */
export function findSeams(text: string): Seam[] {
  const lines = text.split('\n');
  const [start, end] = bodyLineRange(lines);
  const seams: Seam[] = [];
  for (let i = start; i < end; i++) {
    const before = lines[i].trim();
    if (before === '' || isHeadingLine(before) || lineEndsSentence(before)) continue;
    let j = i + 1;
    while (j < end && lines[j].trim() === '') j++;
    if (j >= end) continue;
    const after = lines[j].trim();
    if (startsBlock(after)) continue;
    seams.push({ beforeLine: i, afterLine: j, before, after });
  }
  return seams;
}

/** The raw text with every damaged seam joined back, so each paragraph is one line. */
export function joinSeams(text: string): string {
  const lines = text.split('\n');
  const seams = findSeams(text).sort((a, b) => b.beforeLine - a.beforeLine);
  for (const seam of seams) {
    lines[seam.beforeLine] = lines[seam.beforeLine].trimEnd() + lines[seam.afterLine].trimStart();
    lines.splice(seam.beforeLine + 1, seam.afterLine - seam.beforeLine);
  }
  return lines.join('\n');
}

const HAN = /\p{Script=Han}/u;

function isSafeCut(line: string, at: number): boolean {
  const previous = line[at - 1];
  const next = line[at];
  if (previous === undefined || next === undefined) return false;
  if (!(HAN.test(previous) || previous === '，' || previous === '、')) return false;
  if (!HAN.test(next)) return false;
  if (at < 10 || line.length - at < 10) return false;
  // A fragment that looked like `三、…` would be a heading; never make one.
  return !LEVEL1_LINE.test(line.slice(at));
}

export interface Rewrapped {
  text: string;
  cuts: number;
  glossaryCuts: number;
  emphasisCuts: number;
}

const BREAKS = [
  (page: number) => `\n\n— ${page} —\n\n`,
  (page: number) => `\n\n第 ${page} 页\n\n`,
  () => '\n\n',
];

/**
 * Re-wraps a clean copy of the report: every long body paragraph and
 * glossary entry is cut at deterministic mid-sentence positions (never right
 * after 。！？；：), with a page number between the pieces or just a blank line.
 */
export function rewrap(raw: string): Rewrapped {
  const lines = joinSeams(raw).split('\n');
  const [start] = bodyLineRange(lines);
  let page = 2;
  let cuts = 0;
  let glossaryCuts = 0;
  let emphasisCuts = 0;
  const out = lines.map((line, index) => {
    if (index < start) return line;
    const isGlossary = /^\d{1,3}\.\s/u.test(line);
    const isBody = !isGlossary && !isHeadingLine(line);
    if (!(isGlossary ? line.length >= 60 : isBody && line.length >= 100)) return line;

    const wanted = line.length >= 250 ? 2 : 1;
    const positions: number[] = [];
    for (let m = 1; m <= wanted; m++) {
      let at = Math.floor((line.length * m) / (wanted + 1));
      while (at < line.length && !isSafeCut(line, at)) at++;
      if (at < line.length && !positions.includes(at)) positions.push(at);
    }
    if (positions.length === 0) return line;

    let result = '';
    let from = 0;
    for (const at of positions) {
      const piece = line.slice(from, at);
      if (/[。！？；：]$/u.test(piece)) throw new Error('helper cut right after a sentence end');
      result += piece + BREAKS[cuts % BREAKS.length](page);
      page++;
      cuts++;
      if (isGlossary) glossaryCuts++;
      if (line.slice(0, at).split('**').length % 2 === 0) emphasisCuts++;
      from = at;
    }
    return result + line.slice(from);
  });
  return { text: out.join('\n'), cuts, glossaryCuts, emphasisCuts };
}

/** Removes all whitespace and `**` markers. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '').replaceAll('**', '');
}
