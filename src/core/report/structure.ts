/**
 * From decoded text to raw blocks: drop page numbers, recognise the front
 * matter, headings, the appendix and its entries, and join paragraphs that a
 * page break cut apart.
 *
 * Blank lines carry no meaning here. A PDF conversion puts them both between
 * paragraphs and at page breaks, so a fragment continues the paragraph before
 * it whenever that paragraph has not ended a sentence, or the fragment opens
 * with a mark no paragraph can start with.
 *
 * Linear in the text's length: each fragment is looked at a bounded number of
 * times, and whether the growing paragraph has ended a sentence is carried
 * along rather than read again from its text.
 */
import type { BlockKind, MetaRole } from '../../shared/document';
import { isDateLine } from './dates';
import { readFrontMatter } from './front-matter';
import {
  isBareTitleLine,
  isPartTitle,
  LEVEL2_START,
  LEVEL3_START,
  numberedHeadingLevel,
  PART_NUMBER,
  startsNumberedBlock,
} from './headings';
import { isTableRow, readCellTable, TABLE_CAPTION } from './tables';
import { fragmentEnd, isPageNumberLine, needsSpaceBetween, startsMidSentence } from './text-repair';

/** A block before offsets are fixed: `text` may still hold `**` and bad spacing. */
export interface RawBlock {
  kind: BlockKind;
  level?: 1 | 2 | 3;
  role?: MetaRole;
  text: string;
  /** A table's row or caption: its gaps part cells, so spacing repair leaves them. */
  row?: true;
}

export interface RawDocument {
  title: string;
  occasion?: string;
  speaker?: string;
  blocks: RawBlock[];
  /** Index in `blocks` of the appendix heading, or -1. */
  appendixAt: number;
}

// What reports call the list of terms they explain.
const TERMS_TITLE = '(?:有关)?(?:名词解释|名词注释|名词术语解释|名词说明|用语说明|注释)';
// `附件`, `附件1：`, `附件1：海曙区2019年…主要指标计划表`, `附：名词解释`,
// `名词解释`, `附件：名词解释`, `有关用语说明`, `注释：`.
const APPENDIX = new RegExp(
  '^(?:附\\s*件\\s*[一二三四五六七八九十\\d]*\\s*(?:[：:]\\s*[^。；！？，\\s][^。；！？，]{0,39}|[：:]?(?:\\s*\\S{1,12})?)' +
    `|附\\s*[：:]\\s*\\S{1,12}|${TERMS_TITLE}\\s*[：:]?)$`,
  'u',
);
const APPENDIX_ALONE = /^附\s*件\s*[一二三四五六七八九十\d]*\s*[：:]?$/u;
// `第一部分` alone, its title on the next line.
const PART_ALONE = new RegExp(`${PART_NUMBER.source}$`, 'u');
// `1.` `1、` `（1）` and the circled marks of footnote-style notes (`①认罪认罚…`).
export const GLOSSARY_ITEM = /^(?:\d{1,3}\s*[.．、]|[（(]\d{1,3}[）)]|[\u2460-\u2473])\s*/u;

export function splitFragments(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !isPageNumberLine(line));
}

function isShortTitle(fragment: string): boolean {
  return (
    fragment.length <= 20 &&
    !/[，。！？；]/u.test(fragment) &&
    !GLOSSARY_ITEM.test(fragment) &&
    !startsNumberedBlock(fragment)
  );
}

/**
 * A bare line that opens a part: what follows it is a paragraph or a numbered
 * heading, not more bare lines (a column of short lines is one paragraph).
 */
function isPartHeading(fragment: string, next: string): boolean {
  return isPartTitle(fragment) && !startsMidSentence(next) && !isBareTitleLine(next);
}

/**
 * Which numbered levels this report prints as heading lines (`（一）深化改革`
 * alone on a line) rather than as run-in leads (`（一）融合发展平稳推进。…`).
 * In a report of run-in leads, a short `（一）融合` line is a lead that a page
 * break cut, and continues on the next line.
 */
function headingLineLevels(fragments: string[]): Set<number> {
  const lines = [0, 0, 0, 0];
  const leads = [0, 0, 0, 0];
  for (const fragment of fragments) {
    if (APPENDIX.test(fragment)) break;
    const level = numberedHeadingLevel(fragment);
    if (level !== undefined) lines[level]++;
    else if (LEVEL2_START.test(fragment)) leads[2]++;
    else if (LEVEL3_START.test(fragment)) leads[3]++;
  }
  return new Set([1, 2, 3].filter((level) => level === 1 || lines[level] >= leads[level]));
}

/** Splits decoded report text into raw blocks in reading order. */
export function readStructure(text: string): RawDocument {
  const fragments = splitFragments(text);
  const front = readFrontMatter(fragments);
  const headingLevels = headingLineLevels(fragments.slice(front.bodyStart));
  const blocks = front.blocks;
  let appendixAt = -1;
  let titlePending = false;
  // Whether the last block ended a sentence: false while a paragraph is open.
  let lastEnds = true;
  // Fragments from this index on are only the closing date lines.
  let closingFrom = fragments.length;
  while (closingFrom > front.bodyStart && isDateLine(fragments[closingFrom - 1])) closingFrom--;

  // The pieces of the last block's text, joined once when it closes: adding to
  // a string one piece at a time and reading its end flattens it every time.
  let pieces: string[] = [];
  const close = () => {
    if (pieces.length > 1) blocks[blocks.length - 1].text = pieces.join('');
    pieces = [];
  };
  const append = (fragment: string) => {
    if (needsSpaceBetween(pieces[pieces.length - 1], fragment)) pieces.push(' ');
    pieces.push(fragment);
  };
  const open = (kind: BlockKind, fragment: string, extra: Partial<RawBlock> = {}) => {
    close();
    blocks.push({ kind, text: fragment, ...extra });
    pieces = [fragment];
    lastEnds = kind === 'paragraph' || kind === 'glossary' ? fragmentEnd(fragment) === true : true;
  };
  // A table's caption or row: a paragraph of its own that nothing continues.
  const openRow = (text: string) => {
    open('paragraph', text, { row: true });
    lastEnds = true;
  };

  for (let i = front.bodyStart; i < fragments.length; i++) {
    const fragment = fragments[i];
    const inAppendix = appendixAt >= 0;
    if (titlePending) {
      titlePending = false;
      // `附件：` / `名词解释` is one heading printed on two lines; `附件` / `名词注释`
      // and `第一部分` / `2018年工作回顾` keep a space between their two parts.
      if (isShortTitle(fragment)) {
        if (!/[：:]$/u.test(pieces[pieces.length - 1])) pieces.push(' ');
        pieces.push(fragment);
        continue;
      }
    }
    // Each of `附件1：…` and `附件2：名词解释` heads its own appendix.
    if (APPENDIX.test(fragment) && (!inAppendix || !GLOSSARY_ITEM.test(fragment))) {
      if (!inAppendix) appendixAt = blocks.length;
      titlePending = APPENDIX_ALONE.test(fragment);
      open('heading', fragment, { level: 1 });
      continue;
    }
    if (!inAppendix && PART_ALONE.test(fragment)) {
      titlePending = true;
      open('heading', fragment, { level: 1 });
      continue;
    }
    if (isDateLine(fragment)) {
      open('meta', fragment, { role: 'date' });
      continue;
    }
    if (inAppendix && GLOSSARY_ITEM.test(fragment)) {
      open('glossary', fragment);
      continue;
    }
    if (isTableRow(fragment)) {
      openRow(fragment);
      continue;
    }
    if (TABLE_CAPTION.test(fragment)) {
      openRow(fragment);
      if (TABLE_CAPTION.test(fragments[i + 1] ?? '')) continue;
      // Only a caption starts a scan, and a scan stops at the next caption,
      // so no line is scanned twice.
      const table = readCellTable(fragments, i + 1, closingFrom);
      table.rows.forEach(openRow);
      i = Math.max(i, table.end - 1);
      continue;
    }
    const previous = blocks.at(-1);
    const canContinue =
      previous !== undefined && (previous.kind === 'paragraph' || previous.kind === 'glossary');
    const midSentence = startsMidSentence(fragment);
    if (!inAppendix && !midSentence) {
      const level = numberedHeadingLevel(fragment);
      if (level !== undefined && headingLevels.has(level)) {
        open('heading', fragment, { level });
        continue;
      }
    }
    const continues =
      canContinue && !(!inAppendix && startsNumberedBlock(fragment)) && (!lastEnds || midSentence);
    if (continues) {
      append(fragment);
      lastEnds = fragmentEnd(fragment) ?? lastEnds;
    } else if (inAppendix && isBareTitleLine(fragment)) {
      // After the last complete entry: the issuer's signature.
      open('meta', fragment, { role: 'signature' });
    } else if (isBareTitleLine(fragment) && i + 1 >= closingFrom) {
      // `区人民政府` with only the closing date after it: a signature, not a heading.
      open('meta', fragment, { role: 'signature' });
    } else if (isPartHeading(fragment, fragments[i + 1])) {
      // `2018年工作回顾`: an unnumbered part heading, never the start of a paragraph.
      open('heading', fragment, { level: 1 });
    } else {
      open('paragraph', fragment);
    }
  }
  close();
  return { ...front, blocks, appendixAt };
}
