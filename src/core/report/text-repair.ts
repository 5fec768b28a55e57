/**
 * Small, pure repairs for the damage a PDF-to-text conversion leaves in the
 * published report. Each is a separate function so it can be tested alone.
 */
import type { Span } from '../../shared/document';
import { RADICAL_TO_IDEOGRAPH } from '../formats/radicals';

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
    '|[·•]\\s*[\\d０-９]{1,4}\\s*[·•]' + // · 3 ·
    '|第\\s*[\\d０-９]{1,4}\\s*页(?:\\s*[，,/]?\\s*共\\s*[\\d０-９]{1,4}\\s*页)?' + // 第 3 页（共 20 页）
    ')\\s*$',
  'u',
);

/** True for a line that is only a printed page number. */
export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line);
}

const CLOSER_CHARS = new Set('”’」』》）)]*');
// `↑` is the back-link a .docx's footnote ends with (formats/docx-html.ts):
// each note is a paragraph of its own, not glued to the next.
const SENTENCE_END_CHARS = new Set('。！？；：…!?;:.↑');

const isSpace = (char: string): boolean => char.trim() === '';

/**
 * How a fragment ends: `true` where a paragraph may end, `false` where it
 * cannot, `undefined` when the fragment is only closing marks and so ends the
 * way the text before it ended. Closing quotes and brackets only count when a
 * sentence mark stands inside them (`…氛围。”`), so `培育一批“隐形冠军”` cut by
 * a page break is still seen as cut. Looks at the fragment's end only, so
 * calling it once per fragment keeps a parse linear.
 */
export function fragmentEnd(fragment: string): boolean | undefined {
  for (let i = fragment.length - 1; i >= 0; i--) {
    const char = fragment[i];
    if (CLOSER_CHARS.has(char) || isSpace(char)) continue;
    return SENTENCE_END_CHARS.has(char);
  }
  return undefined;
}

/** True when a fragment ends where a paragraph may end (see fragmentEnd). */
export function endsSentence(fragment: string): boolean {
  return fragmentEnd(fragment) === true;
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
  return before + (needsSpaceBetween(before, after) ? ' ' : '') + after;
}

/**
 * Whether joining `before` and `after` needs a space: only between two Latin
 * letters. Reads one character of each: a regex anchored at the end
 * (`/[A-Za-z]$/`) scans the whole of a growing paragraph.
 */
export function needsSpaceBetween(before: string, after: string): boolean {
  return isLatinLetter(before.at(-1)) && isLatinLetter(after[0]);
}

function isLatinLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z'));
}

const RADICALS = /[\u2E80-\u2FDF]/gu;

/**
 * Puts ideographs where a PDF's text layer put look-alike radicals (`⼯作` →
 * `工作`) and composes characters (NFC), so search finds what the reader sees.
 * Full-width punctuation is left as it is.
 */
export function normalizeCharacters(text: string): string {
  return text.normalize('NFC').replace(RADICALS, (char) => RADICAL_TO_IDEOGRAPH.get(char) ?? char);
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
