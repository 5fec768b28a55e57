/**
 * From decoded text to raw blocks: drop page numbers, recognise the front
 * matter, headings, the appendix and its entries, and join paragraphs that a
 * page break cut apart.
 *
 * Blank lines carry no meaning here. A PDF conversion puts them both between
 * paragraphs and at page breaks, so a fragment continues the paragraph before
 * it whenever that paragraph has not ended a sentence, or the fragment opens
 * with a mark no paragraph can start with.
 */
import type { BlockKind, MetaRole } from '../../shared/document';
import {
  despaceTitle,
  endsSentence,
  isPageNumberLine,
  joinFragments,
  startsMidSentence,
} from './text-repair';

/** A block before offsets are fixed: `text` may still hold `**` and bad spacing. */
export interface RawBlock {
  kind: BlockKind;
  level?: 1;
  role?: MetaRole;
  text: string;
}

export interface RawDocument {
  title: string;
  occasion?: string;
  speaker?: string;
  blocks: RawBlock[];
  /** Index in `blocks` of the appendix heading, or -1. */
  appendixAt: number;
}

const CN_NUMBER = '[一二三四五六七八九十]{1,3}';
const LEVEL1 = new RegExp(`^${CN_NUMBER}、\\S`, 'u');
export const LEVEL2_START = new RegExp(`^（${CN_NUMBER}）`, 'u');
const APPENDIX = /^附\s*件\s*[一二三四五六七八九十\d]*\s*[：:]?$/u;
export const GLOSSARY_ITEM = /^(\d{1,3})\s*[.．、]\s*/u;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;
const SALUTATION = /^[^，。；\s]{2,12}[：:]$/u;
// `区长 褚孟彤`: a title and a name separated by a space, no digits.
const SPEAKER = /^[^\d\s]{1,12}[ \u3000]+[^\d\s]{2,5}$/u;
/** How far into the file the salutation (`各位代表：`) may stand. */
const FRONT_MATTER_MAX = 8;

export function splitFragments(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !isPageNumberLine(line));
}

function isLevel1Heading(fragment: string): boolean {
  return LEVEL1.test(fragment) && fragment.length <= 40 && !/[。！？；]/u.test(fragment);
}

function isShortTitle(fragment: string): boolean {
  return fragment.length <= 20 && !/[，。！？；]/u.test(fragment) && !GLOSSARY_ITEM.test(fragment);
}

function readFrontMatter(fragments: string[]): {
  blocks: RawBlock[];
  title: string;
  occasion?: string;
  speaker?: string;
  bodyStart: number;
} {
  const title = despaceTitle(fragments[0] ?? '');
  const blocks: RawBlock[] = [{ kind: 'meta', role: 'title', text: title }];
  const salutation = fragments
    .slice(1, FRONT_MATTER_MAX + 1)
    .findIndex((fragment) => SALUTATION.test(fragment));
  if (salutation < 0) return { blocks, title, bodyStart: 1 };

  let occasion: string | undefined;
  let speaker: string | undefined;
  for (const fragment of fragments.slice(1, salutation + 1)) {
    if (speaker === undefined && SPEAKER.test(fragment)) {
      speaker = fragment;
      blocks.push({ kind: 'meta', role: 'speaker', text: fragment });
    } else if (occasion === undefined) {
      occasion = fragment;
      blocks.push({ kind: 'meta', role: 'occasion', text: fragment });
    } else {
      // The occasion wraps over lines (`…在海曙区` / `第十一届…会议上`).
      occasion = joinFragments(occasion, fragment);
      const last = blocks.findLast((block) => block.role === 'occasion');
      if (last) last.text = occasion;
    }
  }
  return { blocks, title, occasion, speaker, bodyStart: salutation + 1 };
}

/** Splits decoded report text into raw blocks in reading order. */
export function readStructure(text: string): RawDocument {
  const fragments = splitFragments(text);
  const front = readFrontMatter(fragments);
  const blocks = front.blocks;
  let appendixAt = -1;
  let appendixTitlePending = false;

  for (const fragment of fragments.slice(front.bodyStart)) {
    const inAppendix = appendixAt >= 0;
    if (!inAppendix && APPENDIX.test(fragment)) {
      appendixAt = blocks.length;
      appendixTitlePending = true;
      blocks.push({ kind: 'heading', level: 1, text: fragment });
      continue;
    }
    if (appendixTitlePending) {
      appendixTitlePending = false;
      // `附件：` / `名词解释` is one heading printed on two lines.
      if (isShortTitle(fragment)) {
        blocks[appendixAt].text += fragment;
        continue;
      }
    }
    if (!inAppendix && isLevel1Heading(fragment)) {
      blocks.push({ kind: 'heading', level: 1, text: fragment });
      continue;
    }
    if (inAppendix && GLOSSARY_ITEM.test(fragment)) {
      blocks.push({ kind: 'glossary', text: fragment });
      continue;
    }
    if (DATE_LINE.test(fragment)) {
      blocks.push({ kind: 'meta', role: 'date', text: fragment });
      continue;
    }
    const previous = blocks.at(-1);
    const continues =
      previous !== undefined &&
      (previous.kind === 'paragraph' || previous.kind === 'glossary') &&
      !LEVEL2_START.test(fragment) &&
      (!endsSentence(previous.text) || startsMidSentence(fragment));
    if (continues) {
      previous.text = joinFragments(previous.text, fragment);
    } else if (inAppendix) {
      // After the last complete entry: the issuer's signature.
      blocks.push({ kind: 'meta', role: 'signature', text: fragment });
    } else {
      blocks.push({ kind: 'paragraph', text: fragment });
    }
  }
  return { ...front, blocks, appendixAt };
}
