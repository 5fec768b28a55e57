/**
 * Finding quantities in a text: a number with a unit, its qualifier, and
 * ranges. What is not a quantity stays out: years and dates (`2017年`,
 * `2月7日`: no unit), names with numbers (`中国制造2025`, `“365”产业`,
 * `“15分钟公共文化圈”`: no unit, or inside quotes), road and grid names
 * (`214省道`, `110KV岐阳变`), grades (`5A级`), ordinals (`第3个`).
 *
 * Speed matters: extraction must cost a small fraction of parsing (the bench
 * measures it; the goal is 5% at 100×), and a loop over characters in JS
 * costs several times a regex's or `lastIndexOf`'s pass. So one regex reads
 * each number with its unit and post-qualifier, a number with no unit costs
 * nothing beyond that pass, and the loops are short scans around a figure.
 * The character tests are this module's own: under tsx (the CLI and the
 * bench) a function imported from another module is called through a getter,
 * which at one call per character cost about a fifth of extraction.
 */
import { BASE_UNITS, figureKind, MULTIPLIER_LIST, readUnitText, type FigureKind } from './units';
import { charTable, WordTable } from './words';

export interface Quantity {
  /** Offsets of the number (or range) and its unit. */
  start: number;
  end: number;
  value: number;
  to?: number;
  unit: string;
  /** What the unit measures (figureKind), read once per unit rather than once per figure. */
  kind: FigureKind;
  qualifier?: string;
  /** Where a pre-qualifier (`超过`, `近`) starts, else `start`. */
  lead: number;
  /** Where a post-qualifier (`左右`, `以上`) ends, else `end`. */
  tail: number;
  /** Where the clause before the number starts (at most CLAUSE_REACH back from `lead`). */
  clause: number;
  /** Whether that clause starts after a `，`/`：`, so it goes on from the clause before. */
  continues: boolean;
  /** Where its sentence starts: after the last `。` before it. */
  sentence: number;
}

const DIGITS = '0-9０-９';
const NUMBER = `[${DIGITS}]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][${DIGITS}]+)?`;
const SPACE = '[ \\t\\u3000]*';
const POST = ['左右', '上下', '及以上', '以上', '以下', '以内', '之内', '内'];
const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).join('|');
/**
 * A number and its unit, with any `多`/`余` inside the unit (`1000多万元`,
 * `3万余人`) and a post-qualifier: a multiplier and a base unit, a base unit
 * alone, or a multiplier alone (`1.2万`). Base units come before a bare
 * multiplier, so `千瓦时` is read whole. No groups, and only test(): a match
 * array and its strings, for every number, would cost more than all the
 * rest of the work on it. The regex engine passes over numbers with no unit
 * without coming back to JS; the parts of a match are read back from the
 * text, from its end.
 */
const QUANTITY = new RegExp(
  `${NUMBER}${SPACE}(?:多|余)?(?:(?:${alternation(MULTIPLIER_LIST)})(?:多|余)?(?:${alternation(BASE_UNITS)})` +
    `|${alternation(BASE_UNITS)}|${alternation(MULTIPLIER_LIST)})(?:${SPACE}(?:${alternation(POST)}))?`,
  'g',
);
const POST_QUALIFIERS = WordTable.of(POST);
/** What joins the two ends of a range: `6.5%—7%`, `5至8个`. */
const RANGE_SEPARATOR = /^[ \u3000]*(?:[-—–－～~]+|至|到)[ \u3000]*$/u;
const RANGE_START = new RegExp(`(${NUMBER})[ \\u3000]*(?:[-—–－～~]+|至|到)[ \\u3000]*$`, 'u');

const PRE_QUALIFIERS = WordTable.of([
  '不少于',
  '不低于',
  '不超过',
  '超过',
  '不到',
  '不足',
  '突破',
  '逾',
  '近',
  '约',
]);
/** `节约`, `签约`, `最近`, `附近`: the character is part of a word, not a qualifier. */
const NOT_QUALIFIER_BEFORE: Record<string, string> = {
  约: '节集制签预条公婚合隐',
  近: '最附靠临邻',
};
/** `内` means "within" after a span of time only: `100天内`. */
const TIME_UNITS = new Set(['天', '年', '个月', '小时', '个工作日', '工作日']);
/** A duration in years is a figure only where the text says so: `连续12年`, `5年来`. */
const YEAR_BEFORE = ['连续', '近', '过去'];
const YEAR_AFTER = '来内间';
/** How far back the clause of a figure is read. */
const CLAUSE_REACH = 32;

const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isDigit = (code: number) => isAsciiDigit(code) || (code >= 0xff10 && code <= 0xff19);
const isNumberChar = (code: number) =>
  isDigit(code) || code === 0x2e || code === 0xff0e || code === 0x2c;
const isAsciiLetter = (code: number) =>
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0xff21 && code <= 0xff3a) ||
  (code >= 0xff41 && code <= 0xff5a);
/** Before a number, these make it part of a code or a name: `No.3`, `#2`, `1/2`, `第3个`. */
const isCodeMark = (code: number) =>
  code === 0x2e ||
  code === 0xff0e ||
  code === 0x23 ||
  code === 0xff03 ||
  code === 0x2f ||
  code === 0x5f ||
  code === 0x2c ||
  code === 0x7b2c; /* 第 */

const digitValue = (code: number) => (code <= 0x39 ? code - 0x30 : code - 0xff10);
const isPoint = (code: number) => code === 0x2e || code === 0xff0e;
const isSpaceCode = (code: number) => code === 0x20 || code === 0x09 || code === 0x3000;

/** Where the number at `start` ends, read as NUMBER reads it: digits, `,ddd` groups, a decimal part. */
function numberEnd(text: string, start: number): number {
  let i = start;
  while (isDigit(text.charCodeAt(i))) i++;
  while (
    text.charCodeAt(i) === 0x2c &&
    isAsciiDigit(text.charCodeAt(i + 1)) &&
    isAsciiDigit(text.charCodeAt(i + 2)) &&
    isAsciiDigit(text.charCodeAt(i + 3)) &&
    !isAsciiDigit(text.charCodeAt(i + 4))
  ) {
    i += 4;
  }
  if (isPoint(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * The value of the number in `text` from `start` to `end`, read from the
 * character codes: digits and a point combined into an integer, then one
 * division by a power of ten, which rounds exactly as `Number()` of the same
 * digits does. Long numbers, where the integer could lose digits, go by
 * readNumber.
 */
function numberValue(text: string, start: number, end: number): number {
  if (end - start > 15) return readNumber(text.slice(start, end));
  let digits = 0;
  let scale = 1;
  let point = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      digits = digits * 10 + digitValue(code);
      if (point) scale *= 10;
    } else if (isPoint(code)) point = true;
  }
  return digits / scale;
}

/** `１２．５` → 12.5; `1,234` → 1234. */
export function readNumber(digits: string): number {
  const plain = Number(digits);
  if (!Number.isNaN(plain)) return plain;
  let ascii = '';
  for (const char of digits) {
    const code = char.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) ascii += String.fromCharCode(code - 0xfee0);
    else if (char === '．') ascii += '.';
    else if (char !== ',') ascii += char;
  }
  return Number(ascii);
}

interface PrintedUnit {
  unit: string;
  inner: string | undefined;
  kind: FigureKind;
}

/** A unit as matched, by its characters, one node per character. */
interface UnitNode {
  readonly next: Map<number, UnitNode>;
  /** What the characters to here read as: null when no unit, undefined until read. */
  printed: PrintedUnit | null | undefined;
}

/**
 * Units as matched, read once each: there are few of them, and many figures.
 * Looked up by their characters, so a figure's unit costs no slice of the
 * text (a slice per figure as a Map key was a tenth of extraction's garbage).
 */
const units: UnitNode = { next: new Map(), printed: undefined };

/** `万余人` → unit `万人`, inner `余`; undefined when it is no unit (`千` alone, `万%`). */
function unitAt(text: string, start: number, end: number): PrintedUnit | undefined {
  let node = units;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let next = node.next.get(code);
    if (next === undefined) {
      next = { next: new Map(), printed: undefined };
      node.next.set(code, next);
    }
    node = next;
  }
  if (node.printed === undefined) {
    const read = readUnitText(text.slice(start, end));
    node.printed = read === undefined ? null : { ...read, kind: figureKind(read) };
  }
  return node.printed ?? undefined;
}

/** A number that is part of a code or a name on either side is no quantity: `G60`, `5A级`. */
function isCode(text: string, start: number, numberEnd: number): boolean {
  const before = text.charCodeAt(start - 1);
  return (
    isAsciiLetter(before) ||
    isDigit(before) ||
    isCodeMark(before) ||
    isAsciiLetter(text.charCodeAt(numberEnd))
  );
}

function preQualifier(text: string, start: number): string | undefined {
  const word = PRE_QUALIFIERS.endingAt(text, start)?.word;
  if (word === undefined) return undefined;
  const before = text[start - word.length - 1] ?? '';
  if (before !== '' && NOT_QUALIFIER_BEFORE[word]?.includes(before)) return undefined;
  return word;
}

/** `连续12年`, `5年来` are figures; `2017年` and `18年` alone are dates. */
function isDuration(text: string, start: number, digits: number, unitEnd: number): boolean {
  if (digits >= 4) return false;
  const after = text[unitEnd];
  if (after !== undefined && YEAR_AFTER.includes(after)) return true;
  return YEAR_BEFORE.some((word) => text.startsWith(word, start - word.length));
}

/** What may stand just before the second number of a range: `-—–－～~至到`, or a space. */
const isRangeMark = (code: number) =>
  code === 0x2d ||
  code === 0x2014 ||
  code === 0x2013 ||
  code === 0xff0d ||
  code === 0xff5e ||
  code === 0x7e ||
  code === 0x81f3 /* 至 */ ||
  code === 0x5230 /* 到 */ ||
  code === 0x20 ||
  code === 0x3000;

interface ClauseEnd {
  continues: boolean;
  /** Whether the clause end is a full stop, where the sentence starts too. */
  fullStop: boolean;
}

/** -1: the number is inside a quotation or a title; else where its clause starts. */
const QUOTED = -1;

/** What a character is to clauseBefore: none of these (0), or one of the marks below. */
const OPEN = 1; // “ ‘ 《 「 『
const CLOSE = 2; // ” ’ 》 」 』
const CONTINUES = 3; // ， ： , : (the clause goes on from the one before)
const FULL_STOP = 4; // 。
const END = 5; // ； ！ ？ ; ! ? and a line break

/**
 * The marks by character code: a switch over these twenty codes compiled to a
 * row of comparisons per character, and cost over a tenth of extraction.
 */
const MARKS = charTable([
  ['“‘《「『', OPEN],
  ['”’》」』', CLOSE],
  ['，：,:', CONTINUES],
  ['。', FULL_STOP],
  ['；！？;!?\n', END],
]);

/**
 * One scan back from a figure's lead, at most CLAUSE_REACH characters: where
 * its clause starts, and whether it sits inside `“…”` or `《…》`. A quoted
 * name (`“365”产业`, `“15分钟公共文化圈”`) is short and holds no clause end,
 * so an opening mark met before a closing one or a clause end means quoted.
 * `continues` is set when the clause end is a comma or colon, `fullStop`
 * when it is `。`.
 */
function clauseBefore(text: string, lead: number, out: ClauseEnd): number {
  const stop = Math.max(0, lead - CLAUSE_REACH);
  let closed = false;
  for (let i = lead - 1; i >= stop; i--) {
    const mark = MARKS[text.charCodeAt(i)];
    if (mark === 0) continue;
    if (mark === OPEN) {
      if (!closed) return QUOTED;
    } else if (mark === CLOSE) {
      closed = true;
    } else {
      out.continues = mark === CONTINUES;
      out.fullStop = mark === FULL_STOP;
      return i + 1;
    }
  }
  out.continues = false;
  out.fullStop = false;
  return stop;
}

/**
 * Where the number of a match ending at `matchEnd` ends: units hold no
 * digits, so at the last digit before `matchEnd`.
 */
function digitsEndBefore(text: string, matchEnd: number): number {
  let digitsEnd = matchEnd;
  while (!isDigit(text.charCodeAt(digitsEnd - 1))) digitsEnd--;
  return digitsEnd;
}

/**
 * Where the number ending at `digitsEnd` starts: the first place, going back
 * over digits, points and commas (no further than `floor`), from which NUMBER
 * reads exactly to that end (`1,5个` starts at `5`, as the regex did).
 */
function numberStart(text: string, digitsEnd: number, floor: number): number {
  let start = digitsEnd - 1;
  // Digits with at most one point between them (nearly every number): NUMBER
  // reads them whole, with no need to try it.
  let plain = true;
  let points = 0;
  for (; start > floor; start--) {
    const code = text.charCodeAt(start - 1);
    if (isDigit(code)) continue;
    if (!isNumberChar(code)) break;
    if (code === 0x2c || ++points > 1) plain = false;
  }
  if (plain && isDigit(text.charCodeAt(start))) return start;
  while (!isDigit(text.charCodeAt(start)) || numberEnd(text, start) !== digitsEnd) start++;
  return start;
}

/**
 * Where the sentence of a figure starts, after the last `。` before it, when
 * its clause (which starts at `clause`, after a clause end that is no `。`)
 * holds none: the sentence of the figure `before` it in the same text, unless
 * a full stop lies between them. So the loop reads only what lies between the
 * end of that figure (its number, unit and qualifier hold no `。`) and the
 * clause, which clauseBefore has read already: each character at most once,
 * and none of the sentences between two figures, which an indexOf per full
 * stop went through.
 */
function sentenceBefore(text: string, clause: number, before: Quantity | undefined): number {
  const floor = before === undefined ? 0 : before.tail;
  for (let i = clause - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === 0x3002) return i + 1;
  }
  return before === undefined ? 0 : before.sentence;
}

const newQuantity = (): Quantity => ({
  start: 0,
  end: 0,
  value: 0,
  to: undefined,
  unit: '',
  kind: 'other',
  qualifier: undefined,
  lead: 0,
  tail: 0,
  clause: 0,
  continues: false,
  sentence: 0,
});

/**
 * Reads the quantities of one text after another into the same objects, so
 * extraction, which reads every block with one reader, allocates no quantity
 * per figure: at 100× they were a sixth of its garbage, and garbage brings
 * the scavenges that cost it most. A read's quantities are valid until the
 * next read.
 */
export class QuantityReader {
  /** The last read's quantities are `found[0]` to `found[count - 1]`; the rest are spare. */
  readonly found: Quantity[] = [];
  count = 0;
  private readonly ended: ClauseEnd = { continues: false, fullStop: false };

  /** Reads every quantity in `text`, in order. */
  read(text: string): void {
    const { found, ended } = this;
    this.count = 0;
    let previousEnd = 0;
    QUANTITY.lastIndex = 0;
    while (QUANTITY.test(text)) {
      const matchEnd = QUANTITY.lastIndex;
      const floor = previousEnd;
      previousEnd = matchEnd;
      const digitsEnd = digitsEndBefore(text, matchEnd);
      let start = numberStart(text, digitsEnd, floor);
      if (isCode(text, start, digitsEnd)) continue;

      // The unit and post-qualifier: spaces, the unit as printed (with any
      // `多`/`余`), spaces, the post-qualifier.
      let unitStart = digitsEnd;
      while (isSpaceCode(text.charCodeAt(unitStart))) unitStart++;
      let post = POST_QUALIFIERS.endingAt(text, matchEnd, unitStart + 1)?.word;
      let end = post === undefined ? matchEnd : matchEnd - post.length;
      while (isSpaceCode(text.charCodeAt(end - 1))) end--;
      const printed = unitAt(text, unitStart, end);
      if (printed === undefined) continue;
      const { unit, inner, kind } = printed;
      if (unit === '年' && !isDuration(text, start, digitsEnd - start, end)) continue;
      if (post === '内' && !TIME_UNITS.has(unit)) post = undefined;
      const tail = post === undefined ? end : matchEnd;

      let value = numberValue(text, start, digitsEnd);
      let to: number | undefined;
      const previous = this.count > 0 ? found[this.count - 1] : undefined;
      if (
        previous !== undefined &&
        previous.unit === unit &&
        previous.to === undefined &&
        start - previous.end <= 4 &&
        RANGE_SEPARATOR.test(text.slice(previous.end, start))
      ) {
        // `6.5%—7%`: the second end joins the first, in its place.
        this.count--;
        to = value;
        value = previous.value;
        start = previous.start;
      } else if (isRangeMark(text.charCodeAt(start - 1))) {
        // `6.5—7%`: a bare number and a separator before this one.
        const range = RANGE_START.exec(text.slice(Math.max(0, start - 24), start));
        const rangeStart = range === null ? -1 : start - range[0].length;
        if (range !== null && !isCode(text, rangeStart, rangeStart + range[1].length)) {
          to = value;
          value = readNumber(range[1]);
          start = rangeStart;
        }
      }

      const pre = preQualifier(text, start);
      const lead = pre === undefined ? start : start - pre.length;
      const clause = clauseBefore(text, lead, ended);
      if (clause === QUOTED) continue;
      const before = this.count > 0 ? found[this.count - 1] : undefined;
      const sentence = ended.fullStop ? clause : sentenceBefore(text, clause, before);
      if (this.count === found.length) found.push(newQuantity());
      const quantity = found[this.count++];
      quantity.start = start;
      quantity.end = end;
      quantity.value = value;
      quantity.to = to;
      quantity.unit = unit;
      quantity.kind = kind;
      quantity.qualifier = post ?? pre ?? inner;
      quantity.lead = lead;
      quantity.tail = tail;
      quantity.clause = clause;
      quantity.continues = ended.continues;
      quantity.sentence = sentence;
    }
  }
}

/** Every quantity in `text`, in order, in objects of their own. */
export function findQuantities(text: string): Quantity[] {
  const reader = new QuantityReader();
  reader.read(text);
  return reader.found.slice(0, reader.count);
}
