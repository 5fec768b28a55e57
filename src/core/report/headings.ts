/**
 * How a line says where it stands in a report's outline: `一、` parts,
 * `（一）` sections, `1.` and `（1）` items, and the unnumbered part headings
 * some districts use (`2018年工作回顾`). Half-width variants count too:
 * `一.` `(一)` `1、`.
 */

const CN_NUMBER = '[一二三四五六七八九十]{1,3}';

/** `一、…`, `一．…`, `第一部分 …`. */
export const LEVEL1_START = new RegExp(
  `^(?:${CN_NUMBER}\\s*[、.．､]|第${CN_NUMBER}(?:部分|章|篇)[、：:\\s]?)\\s*\\S`,
  'u',
);
/** `第一部分 2018年工作回顾`: a part, which in some reports holds `一、` sections. */
export const PART_NUMBER = new RegExp(`^第${CN_NUMBER}(?:部分|章|篇)`, 'u');

/** `（一）`, `(一)`, `（ 一 ）`. */
export const LEVEL2_START = new RegExp(`^[（(]\\s*${CN_NUMBER}\\s*[）)]`, 'u');
/** `1.` `1．` `1、` but not `1.5亿元`, a number a page break left at a line's start. */
export const LEVEL3_START = /^\d{1,2}\s*[.．、](?![\d.．])/u;
/** `（1）` `(1)`: an item below level 3; it starts a block but has no outline entry. */
export const ITEM_START = /^[（(]\s*\d{1,2}\s*[）)]/u;

/** Sentence marks that a heading line never holds (a `.` only when no digit follows). */
const STOPS = /[。！？；!?;]|\.(?!\d)/u;
const MAX_HEADING = 40;
const LEVELS = [
  [1, LEVEL1_START],
  [2, LEVEL2_START],
  [3, LEVEL3_START],
] as const;

/** The outline level of a numbered heading line, or undefined for any other line. */
export function numberedHeadingLevel(line: string): 1 | 2 | 3 | undefined {
  if (line.length > MAX_HEADING) return undefined;
  for (const [level, start] of LEVELS) {
    const number = start.exec(line);
    if (!number) continue;
    // The words after the number hold no sentence mark (`1.工业生产`, not `1.增长。`);
    // LEVEL1_START's match ends with the first character of those words.
    const words = line.slice(number[0].length - (level === 1 ? 1 : 0));
    return STOPS.test(words) ? undefined : level;
  }
  return undefined;
}

/** True for a line that must open a new block, whatever the block before it. */
export function startsNumberedBlock(line: string): boolean {
  return (
    LEVEL1_START.test(line) ||
    LEVEL2_START.test(line) ||
    LEVEL3_START.test(line) ||
    ITEM_START.test(line)
  );
}

// Any clause or sentence mark, quotes and dashes: a heading has none of them.
const PUNCTUATION = /[，。；：！？、,;:!?“”"‘’'…—]/u;
const HAN = /\p{Script=Han}/u;
// A line ending in a function word is the first piece of a sentence, not a heading.
const OPEN_END = /[的和与及或在对把将为是了等向从以于并而之其由被]$/u;
const MAX_PART_HEADING = 24;
// What an unnumbered part heading is about: `2018年工作回顾`, `今后五年的目标任务`,
// `加强政府自身建设`. A piece that a page break cut off a paragraph's start
// (`强化` / `平台建设。…`) rarely ends in one of these.
const PART_TOPIC =
  /(?:回顾|安排|任务|目标|要求|建设|工作|思想|思路|部署|举措|措施|成效|成绩|问题|不足|展望|重点|总结|情况|计划|设想|方向|原则|形势|挑战)$/u;

/** True for a bare line that names a part of a report (see PART_TOPIC). */
export function isPartTitle(line: string): boolean {
  return isBareTitleLine(line) && PART_TOPIC.test(line);
}

/**
 * True for text that can be an unnumbered part heading or a closing line:
 * short, some Chinese, no punctuation, not ending in a function word
 * (`2018年工作回顾`, `今后五年的目标任务`, `区十一届人大二次会议秘书处`).
 */
export function isBareTitleLine(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= MAX_PART_HEADING &&
    HAN.test(line) &&
    !PUNCTUATION.test(line) &&
    !OPEN_END.test(line)
  );
}
