/**
 * The title block before the salutation: labels (`…会议文件`, `（草案）`),
 * a title that may be spaced or broken over lines, the occasion (often broken
 * over lines, sometimes after `——` or in brackets), the speaker line and a
 * date line, in the orders different districts print them.
 */
import type { MetaRole } from '../../shared/document';
import { findDate, isDateLine } from './dates';
import type { RawBlock } from './structure';
import { despaceTitle, joinFragments } from './text-repair';

export interface FrontMatter {
  blocks: RawBlock[];
  title: string;
  occasion?: string;
  speaker?: string;
  /** Index of the first body fragment. */
  bodyStart: number;
}

/** How far into the file the salutation (`各位代表：`) may stand. */
const FRONT_MATTER_MAX = 12;
// `各位代表：`, and the longer ones: `各位代表，同志们：`, `各位代表、各位委员：`.
const SALUTATION = /^[^，。；\s]{2,12}[：:]$|^(?:各位|同志们)[^。；]{1,16}[：:]$/u;

const ROLE =
  '(?:区长|市长|县长|旗长|州长|省长|镇长|乡长|主席|主任|院长|检察长|局长|厅长|部长|书记|秘书长)';
// `区长 褚孟彤`, `武昌区人民政府区长  余 松` (a two-character name spaced to align).
const SPEAKER_WITH_ROLE = new RegExp(
  `^([^\\d\\s，。；：:、]{0,30}?${ROLE})[ \\u3000]*(\\p{Script=Han}(?:[ \\u3000]{0,4}\\p{Script=Han}){1,3})$`,
  'u',
);
// The title alone on its line, the name on the next: `县财政局局长` / `王  五`.
const ROLE_ALONE = new RegExp(`^[^\\d\\s，。；：:、]{0,30}${ROLE}$`, 'u');
const NAME_ALONE = /^\p{Script=Han}(?:[ \u3000]{0,4}\p{Script=Han}){1,3}$/u;
// Any title and a name separated by a space, no digits: `代区长 张三`.
const SPEAKER_SPACED = /^([^\d\s，。；：:]{1,30})[ \u3000]+([^\d\s，。；：:]{2,5})$/u;
const OCCASION = /会议|大会|常委会|^[—－\-–―─]/u;
// `（草案）`, `（书面）`, `（征求意见稿）`: a label printed under the title.
const BRACKETED = /^[（(][^）)]{1,12}[）)]$/u;
const TITLE_WORD = /报告|说明|汇报|意见|纲要|规划/u;
// What a draft's cover prints above or under the title: `征求意见稿`, `（讨论稿）`,
// `内部资料 注意保存`. Never the title, though 征求意见稿 holds 意见, nor a speaker,
// though `内部资料 注意保存` looks like `代区长 张三`.
const DRAFT_WORD =
  '(?:征求意见稿|讨论稿|送审稿|审议稿|修改稿|代拟稿|草稿|初稿|草案|内部资料|内部文件|内部参考|注意保存|会后收回|秘密|机密)';
const DRAFT_MARK = new RegExp(
  `^[（(【〔]?\\s*${DRAFT_WORD}(?:[\\s·、★]*${DRAFT_WORD})*\\s*[）)】〕]?$`,
  'u',
);
const TITLE_END = /(?:报告|说明|汇报|意见|纲要|规划)[）)]?$/u;

/** `武昌区人民政府区长  余 松` → `武昌区人民政府区长 余松`; undefined for any other line. */
export function readSpeaker(line: string): string | undefined {
  const withRole = SPEAKER_WITH_ROLE.exec(line);
  if (withRole) return `${withRole[1]} ${withRole[2].replace(/[ \u3000]+/gu, '')}`;
  const spaced = SPEAKER_SPACED.exec(line);
  return spaced && !OCCASION.test(line) ? `${spaced[1]} ${spaced[2]}` : undefined;
}

/** `——2019年1月8日在…会议上`, `（…会议上）` → the occasion without dash or brackets. */
export function cleanOccasion(text: string): string {
  const undashed = text.replace(/^[—－\-–―]+\s*/u, '');
  const bracketed = /^[（(](.*)[）)]$/u.exec(undashed);
  return bracketed ? bracketed[1].trim() : undashed;
}

type FrontKind = 'speaker' | 'date' | 'label' | 'occasion' | 'joined' | 'other';

function frontKind(line: string): FrontKind {
  if (line === '') return 'joined';
  if (isDateLine(line)) return 'date';
  if (DRAFT_MARK.test(line)) return 'label';
  if (readSpeaker(line) !== undefined) return 'speaker';
  if (OCCASION.test(line)) return 'occasion';
  if (BRACKETED.test(line)) return 'label';
  return 'other';
}

/** Where the body starts: at the salutation, or after the lines that look like a title block. */
function findBodyStart(fragments: string[]): number {
  const limit = Math.min(fragments.length, FRONT_MATTER_MAX + 1);
  for (let i = 1; i < limit; i++) if (SALUTATION.test(fragments[i])) return i;
  // No salutation (a written report): keep only lines that say what they are.
  let i = 1;
  while (i < limit && frontKind(fragments[i]) !== 'other') i++;
  return i;
}

// A first title line that the next one completes: `关于…计划执行情况与`.
const TITLE_OPENING = /^关于|[与和及的、]$/u;
// The body a report is of, printed on its own line above the rest of the
// title: `宁波市海曙区人民代表大会` / `常务委员会工作报告`, `政协…第一届委员会` /
// `常务委员会工作报告`. It reads as an occasion (大会) unless the next line
// is a title that names no body.
const BODY_LINE =
  /^[^\s，。；：:（(—－\-–―─]{2,30}(?:人民代表大会|委员会|人民政府|人民法院|人民检察院)$/u;
const BODILESS_TITLE = /^(?:常务委员会|常委会|工作报告|工作情况|提案工作)/u;

/**
 * The title's lines `[start, end)` before any wrap after them is joined: the
 * first line that names a kind of document (`…报告`, not a `征求意见稿` mark),
 * with the line before it that it completes; else line 0 alone.
 */
function findTitle(lines: string[]): [number, number] {
  let at = lines.findIndex((line) => TITLE_WORD.test(despaceTitle(line)) && !DRAFT_MARK.test(line));
  if (at < 0) return [0, 1];
  const end = at + 1;
  if (at > 0 && BODILESS_TITLE.test(lines[at]) && BODY_LINE.test(lines[at - 1]))
    return [at - 1, end];
  while (at > 0 && TITLE_OPENING.test(lines[at - 1]) && frontKind(lines[at - 1]) === 'other') at--;
  return [at, end];
}

/**
 * A title block line without its bold markers: a title set in bold (a saved
 * page's `<strong>`, a Word file's bold run) is still the title, and the
 * block's role, not emphasis, says how it is shown.
 */
const withoutBold = (line: string): string => line.replaceAll('**', '');

/**
 * Puts a speaker printed over two lines (`县财政局局长` / `王  五`) on the
 * first, leaving the second empty so that line numbers still count fragments.
 */
function joinSpeakerLines(head: string[]): void {
  for (let i = 0; i + 1 < head.length; i++) {
    if (ROLE_ALONE.test(head[i]) && NAME_ALONE.test(head[i + 1])) {
      head[i] = `${head[i]} ${head[i + 1]}`;
      head[i + 1] = '';
    }
  }
}

// `25日在…会议上`: the rest of a date the line before broke off after its month.
const DAY_GOES_ON = /^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/u;

/**
 * `2018年1月` / `25日在…会议上`: a date broken by the line's end, which the
 * occasion's line completes. Not a cover's year and month standing alone.
 */
function brokenDate(line: string, next: string | undefined): boolean {
  return isDateLine(line) && findDate(line) === undefined && DAY_GOES_ON.test(next ?? '');
}

// `政府工作报告（讨论稿）`: the draft's mark printed on the title's line.
const TITLE_MARK = new RegExp(`[（(]${DRAFT_WORD}[）)]$`, 'u');

export function readFrontMatter(fragments: string[]): FrontMatter {
  const head = fragments.slice(0, FRONT_MATTER_MAX + 1).map(withoutBold);
  joinSpeakerLines(head);
  const bodyStart = head.length === 0 ? 0 : findBodyStart(head);
  const lines = head.slice(0, bodyStart);
  const [titleAt, titleEnd] = findTitle(lines);
  const blocks: RawBlock[] = [];
  const push = (role: MetaRole, text: string): RawBlock => {
    const block: RawBlock = { kind: 'meta', role, text };
    blocks.push(block);
    return block;
  };

  for (const label of lines.slice(0, titleAt)) push('label', label);
  let title = despaceTitle(lines[titleAt] ?? '');
  const titleBlock = push('title', title);
  let rest = titleAt + 1;
  for (; rest < titleEnd; rest++) title = joinFragments(title, despaceTitle(lines[rest]));
  // A long title broken over lines: `关于…计划执行情况与` / `2018年计划草案的报告`.
  while (rest < lines.length && !TITLE_END.test(title) && frontKind(lines[rest]) === 'other') {
    title = joinFragments(title, despaceTitle(lines[rest]));
    rest++;
  }
  const mark = TITLE_MARK.exec(title);
  if (mark && mark.index > 0) {
    title = title.slice(0, mark.index);
    push('label', mark[0]);
  }
  titleBlock.text = title;

  let occasion: RawBlock | undefined;
  let speaker: string | undefined;
  const after = lines.slice(rest);
  for (const [i, line] of after.entries()) {
    const kind = brokenDate(line, after[i + 1]) ? 'other' : frontKind(line);
    if (kind === 'joined') continue;
    if (kind === 'speaker' && speaker === undefined) {
      speaker = readSpeaker(line);
      push('speaker', speaker!);
    } else if (kind === 'date') {
      push('date', line);
    } else if (kind === 'label') {
      push('label', line);
    } else if (occasion === undefined) {
      occasion = push('occasion', line);
    } else {
      // The occasion wraps over lines (`…在海曙区` / `第十一届…会议上`).
      occasion.text = joinFragments(occasion.text, line);
    }
  }
  if (occasion) occasion.text = cleanOccasion(occasion.text);
  return { blocks, title, occasion: occasion?.text, speaker, bodyStart };
}
