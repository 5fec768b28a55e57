/**
 * Inside an edited paragraph: the words removed and added, character by
 * character (Chinese has no spaces to split words on), by diff-match-patch
 * with its semantic cleanup, which folds the scattered single characters a
 * raw character diff leaves (`规[修→划]编[+制]`) into one removal and one
 * addition for a reworded phrase. Then a figure is never cut in the middle:
 * `1164.[48→50]` becomes `[1164.48→1164.50]`.
 */
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, makeDiff } from '@sanity/diff-match-patch';
import { mappedKey, textRange } from './compare-text';
import { NO_DEADLINE } from './no-deadline';

/**
 * Characters on both sides together up to which a paragraph is diffed
 * character by character, to the end (no deadline, so the answer never
 * depends on how busy the machine is). A paragraph of a report is under
 * 3,000; past this, its whole changed middle is one change.
 */
const FINE_CHARS = 8_000;
/** Latin letters, digits and what belongs inside a figure (`6.3%`). */
const TOKEN = /[0-9A-Za-z.%]/;
/** A figure or a Latin word is never this long; the cap keeps a pathological run cheap. */
const MAX_TOKEN_GROWTH = 32;

/** One place in a paragraph that changed: offsets into the old and the new block text. */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The one hunk between the common start and the common end: the coarse answer for a huge block. */
function middleHunk(oldKey: string, newKey: string): Hunk[] {
  if (oldKey === newKey) return [];
  const shorter = Math.min(oldKey.length, newKey.length);
  let start = 0;
  while (start < shorter && oldKey[start] === newKey[start]) start++;
  let end = 0;
  while (
    end < shorter - start &&
    oldKey[oldKey.length - 1 - end] === newKey[newKey.length - 1 - end]
  ) {
    end++;
  }
  return [
    { oldStart: start, oldEnd: oldKey.length - end, newStart: start, newEnd: newKey.length - end },
  ];
}

/** Hunks in comparison-text coordinates, before they are mapped back to the block texts. */
function rawHunks(oldKey: string, newKey: string): Hunk[] {
  if (oldKey.length + newKey.length > FINE_CHARS) return middleHunk(oldKey, newKey);
  const ops = cleanupSemantic(
    makeDiff(oldKey, newKey, { checkLines: false, timeout: NO_DEADLINE }),
  );
  const hunks: Hunk[] = [];
  let o = 0;
  let n = 0;
  let open: Hunk | undefined;
  for (const [op, text] of ops) {
    if (op === DIFF_EQUAL) {
      o += text.length;
      n += text.length;
      open = undefined;
      continue;
    }
    if (open === undefined) {
      open = { oldStart: o, oldEnd: o, newStart: n, newEnd: n };
      hunks.push(open);
    }
    if (op === DIFF_DELETE) o = open.oldEnd = o + text.length;
    else n = open.newEnd = n + text.length;
  }
  return hunks;
}

const isToken = (text: string, at: number) => at >= 0 && at < text.length && TOKEN.test(text[at]);

/**
 * Widens each hunk to whole figures and Latin words: where a hunk's edge
 * falls inside a token on either side, it takes in the rest of that token
 * from the unchanged text around it (which is the same on both sides), and
 * hunks that then meet become one.
 */
function snapToTokens(hunks: Hunk[], oldKey: string, newKey: string): Hunk[] {
  const out: Hunk[] = [];
  hunks.forEach((hunk, index) => {
    const h = { ...hunk };
    const floorOld = out.at(-1)?.oldEnd ?? 0;
    const edgeStart = isToken(oldKey, h.oldStart) && h.oldEnd > h.oldStart;
    if (edgeStart || (isToken(newKey, h.newStart) && h.newEnd > h.newStart)) {
      for (let grown = 0; grown < MAX_TOKEN_GROWTH; grown++) {
        if (h.oldStart <= floorOld || !isToken(oldKey, h.oldStart - 1)) break;
        h.oldStart--;
        h.newStart--;
      }
    }
    const next = hunks[index + 1];
    const ceilingOld = next?.oldStart ?? oldKey.length;
    const edgeEnd = isToken(oldKey, h.oldEnd - 1) && h.oldEnd > h.oldStart;
    if (edgeEnd || (isToken(newKey, h.newEnd - 1) && h.newEnd > h.newStart)) {
      for (let grown = 0; grown < MAX_TOKEN_GROWTH; grown++) {
        if (h.oldEnd >= ceilingOld || !isToken(oldKey, h.oldEnd)) break;
        h.oldEnd++;
        h.newEnd++;
      }
    }
    const last = out.at(-1);
    if (last !== undefined && h.oldStart <= last.oldEnd) {
      last.oldEnd = h.oldEnd;
      last.newEnd = h.newEnd;
    } else out.push(h);
  });
  return out;
}

/** The changed spans between two versions of a paragraph, as offsets into each block's own text. */
export function inlineHunks(oldText: string, newText: string): Hunk[] {
  const oldMapped = mappedKey(oldText);
  const newMapped = mappedKey(newText);
  const hunks = snapToTokens(rawHunks(oldMapped.key, newMapped.key), oldMapped.key, newMapped.key);
  return hunks.map((hunk) => {
    const [oldStart, oldEnd] = textRange(oldMapped, hunk.oldStart, hunk.oldEnd);
    const [newStart, newEnd] = textRange(newMapped, hunk.newStart, hunk.newEnd);
    return { oldStart, oldEnd, newStart, newEnd };
  });
}
