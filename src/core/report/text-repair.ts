/**
 * Small, pure repairs for the damage a PDF-to-text conversion leaves in the
 * published report. Each is a separate function so it can be tested alone.
 */
import type { Span } from '../../shared/document';

const GAP = '[ \\t\\u00A0\\u3000]+';
const HAN = '\\p{Script=Han}';
// A `**` marker may sit between the two sides: `增长 **10%**`.
const HAN_THEN_LATIN = new RegExp(`(${HAN}(?:\\*\\*)?)${GAP}(?=(?:\\*\\*)?[0-9A-Za-z])`, 'gu');
// `%` belongs to the number before it (`10% 以上`), so it counts as that side.
const LATIN_THEN_HAN = new RegExp(`([0-9A-Za-z%](?:\\*\\*)?)${GAP}(?=(?:\\*\\*)?${HAN})`, 'gu');

/** Removes the spaces a converter puts between CJK characters and digits or Latin letters. */
export function fixCjkSpacing(text: string): string {
  return text.replace(HAN_THEN_LATIN, '$1').replace(LATIN_THEN_HAN, '$1');
}

const SPACED_HAN_LINE = new RegExp(`^${HAN}(?:${GAP}${HAN})+$`, 'u');

/** `政 府 工 作 报 告` → `政府工作报告`; any other line is returned unchanged. */
export function despaceTitle(line: string): string {
  return SPACED_HAN_LINE.test(line) ? line.replace(/[ \t\u00A0\u3000]+/g, '') : line;
}

const DASHES = '[—–\\-－―─~～]+';
const PAGE_NUMBER_LINE = new RegExp(
  '^\\s*(?:' +
    `${DASHES}\\s*[\\d０-９]{1,4}\\s*${DASHES}` + // — 3 —, - 3 -
    '|第\\s*[\\d０-９]{1,4}\\s*页(?:\\s*[，,/]?\\s*共\\s*[\\d０-９]{1,4}\\s*页)?' + // 第 3 页（共 20 页）
    ')\\s*$',
  'u',
);

/** True for a line that is only a printed page number. */
export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line);
}

const CLOSERS = /[”’」』》）)\]*\s]+$/u;
const SENTENCE_END = /[。！？；：…!?;:]$/u;

/**
 * True when a fragment ends where a paragraph may end. Closing quotes and
 * brackets only count when a sentence mark stands inside them (`…氛围。”`),
 * so `培育一批“隐形冠军”` cut by a page break is still seen as cut.
 */
export function endsSentence(fragment: string): boolean {
  return SENTENCE_END.test(fragment.replace(CLOSERS, ''));
}

/** True when a fragment opens with a mark that can never start a paragraph. */
export function startsMidSentence(fragment: string): boolean {
  return /^[，。、；：？！”’」』》）,.;:?!)\]%]/u.test(fragment);
}

/**
 * Joins two pieces of one paragraph that a page break cut apart. Chinese needs
 * no space; two Latin words do.
 */
export function joinFragments(before: string, after: string): string {
  const needsSpace = /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after);
  return before + (needsSpace ? ' ' : '') + after;
}

/**
 * Removes `**` emphasis markers and reports the emphasised ranges in the
 * cleaned text. An unpaired marker is dropped too: a reader must never see
 * literal asterisks.
 */
export function extractEmphasis(marked: string): { text: string; emphasis: Span[] } {
  const parts = marked.split('**');
  const pairedCount = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  let text = '';
  const emphasis: Span[] = [];
  parts.forEach((part, i) => {
    const start = text.length;
    text += part;
    const inside = i % 2 === 1 && i < pairedCount;
    if (inside && part.length > 0) emphasis.push({ start, end: text.length });
  });
  return { text, emphasis };
}
