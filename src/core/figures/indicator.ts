/**
 * What a quantity measures: the indicator phrase, and whether it is a change.
 *
 * Reports say it in two orders. Mostly the phrase comes first, then a verb:
 * `全年完成地区生产总值1164.48亿元`, `固定资产投资增长11.7%`. Counts often come
 * first: `34个市级重大项目进展良好`. So the phrase is read backwards from the
 * number to the start of its clause (or the figure before it), trimmed of the
 * words around it that are not the indicator (`全年`, `完成`, `同比`, `分别达`),
 * and for counts the noun after the unit wins when there is one.
 */
import type { FigureChange } from './figure';
import { charTable, isHan, WordTable } from './words';

/** How far forward a noun is read. */
const REACH = 32;
/** The longest indicator kept; longer phrases keep their end, where the noun is. */
const LONGEST = 30;

const INCREASE = ['增长', '增加', '提高', '提升', '上升', '增速', '增幅', '扩大'];
const DECREASE = ['下降', '减少', '降低', '回落', '下滑', '压减', '缩减', '降幅'];
/** Verbs that give a level, not a change: `降至1%`, `增加到1200亿元`, `控制在3%以内`. */
const TO_LEVEL = [...INCREASE, ...DECREASE]
  .flatMap((verb) => [`${verb}到`, `${verb}至`, `${verb}为`])
  .concat(['降至', '降到', '增至', '增到', '控制在', '保持在', '稳定在']);
/** Words between the indicator and the number that are no part of it. */
const LINKING = [
  '分别为',
  '分别',
  '均为',
  '均',
  '共',
  '约',
  '为',
  '是',
  '了',
  '达到',
  '达',
  '至',
  '到',
  '突破',
  '超过',
  '由',
  '从',
  '同比',
  '比上年',
  '比去年',
  '较上年',
  '较去年',
  '年均',
  '累计',
  '总计',
  '合计',
  // `一般公共预算收入完成23.6亿元`: the verb after the indicator.
  '完成了',
  '完成',
  '实现了',
  '实现',
];
/** Words before the indicator that are no part of it: times, connectives, light verbs, cues. */
const LEADING = [
  '其中',
  '全年',
  '今年',
  '去年',
  '明年',
  '年内',
  '全区',
  '全市',
  '同比',
  '力争',
  '确保',
  '争取',
  '预计',
  '预期',
  '累计',
  '共计',
  '完成了',
  '完成',
  '实现了',
  '实现',
  '达到',
  '并且',
  '并',
  '和',
  '及',
  '与',
  '、',
  '已经',
  '已',
  '将',
  '年均',
  '连续',
];

type Trailing = 'level' | FigureChange | 'link';

const TRAILING = new WordTable<Trailing>([
  ...TO_LEVEL.map((word) => [word, 'level'] as const),
  ...INCREASE.map((word) => [word, 'increase'] as const),
  ...DECREASE.map((word) => [word, 'decrease'] as const),
  ...LINKING.map((word) => [word, 'link'] as const),
]);
const LEADING_WORDS = WordTable.of(LEADING);
/** Punctuation and spaces a phrase never starts with. */
const isLeadingMark = (code: number) =>
  code === 0xff0c || code === 0x2c || code === 0x3001 || code === 0x20 || code === 0x3000;

/** What ends a noun or a clause read forward, by character code. */
const CLAUSE_END = 1; // the phrase never reaches across one
const DIGIT = 2;
const STOPS = charTable([
  ['，。；：！？,;:!?\n', CLAUSE_END],
  ['0123456789０１２３４５６７８９', DIGIT],
]);

/** Predicates that end a noun read forward: `市级重大项目|进展良好`, `公厕|完成改造提升`. */
const FORWARD_END = WordTable.of([
  '进展',
  '提速',
  '全面',
  '完成',
  '顺利',
  '建成',
  '通过',
  '交付',
  '实现',
  '荣获',
  '获评',
  '获得',
  '获',
  '入选',
  '入围',
  '成功',
  '基本',
  '开工',
  '竣工',
  '投产',
  '投用',
  '投入',
  '挂牌',
  '上市',
  '正式',
  '有效',
  '稳步',
  '加快',
  '启动',
  '得到',
  '列入',
  '达到',
  '达标',
  '达',
  '创建',
  '参与',
  '参加',
  '纳入',
  '受益',
  '落户',
  '签约',
  '开业',
  '运营',
  '运行',
  '销号',
  '的',
  '位居',
  '排名',
  '占',
  '共',
  '均',
  '分别',
  '已',
  '将',
  '被',
  '在',
  // `居全市第一`, but not `居家养老` or `村委会（居委会）`.
  '居全',
  '居首',
  '居前',
  '居第',
  '居于',
]);
const FORWARD_TRAILING = WordTable.of(['和', '及', '与', '、', '等', '以及']);

const isDigit = (code: number) =>
  (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

export interface Phrase {
  /** The indicator, or '' when the clause holds none (`同比增长6.3%`). */
  indicator: string;
  change: FigureChange | undefined;
}

/** `2017年`, `到2020年底` at `at`: the length of a year there, else 0. */
function yearAt(text: string, at: number, end: number): number {
  let i = text.startsWith('到', at) ? at + 1 : at;
  const digits = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i - digits !== 4 || !text.startsWith('年', i)) return 0;
  i++;
  if (text.startsWith('底', i) || text.startsWith('末', i)) i++;
  return i - at;
}

/**
 * The phrase before a number, from `from` to `to`, read into `out` (one
 * object for every figure, rather than a new one each): trimmed, with the
 * change it states.
 */
export function phraseBefore(text: string, from: number, to: number, out: Phrase): void {
  let end = to;
  let change: FigureChange | undefined;
  let level = false;
  for (
    let entry = TRAILING.endingAt(text, end, from);
    entry;
    entry = TRAILING.endingAt(text, end, from)
  ) {
    // The verb nearest the number decides: `增长到` is a level, `增长` a change.
    if (entry.tag === 'level') level = true;
    else if (entry.tag !== 'link' && !level) change ??= entry.tag;
    end -= entry.word.length;
  }
  let start = from;
  while (start < end) {
    if (isLeadingMark(text.charCodeAt(start))) {
      start++;
      continue;
    }
    const skip =
      LEADING_WORDS.startingAt(text, start, end)?.word.length ?? yearAt(text, start, end);
    if (skip === 0) break;
    start += skip;
  }
  start = Math.max(start, end - LONGEST);
  out.indicator = text.slice(start, end);
  out.change = change;
}

/** The noun a count stands before: `34个|市级重大项目|进展良好` → `市级重大项目`; '' if none. */
export function nounAfter(text: string, at: number): string {
  if (!isHan(text.charCodeAt(at))) return '';
  const limit = Math.min(text.length, at + REACH);
  let end = at;
  while (end < limit) {
    if (STOPS[text.charCodeAt(end)] !== 0 || FORWARD_END.startingAt(text, end)) break;
    end++;
  }
  for (let entry = FORWARD_TRAILING.endingAt(text, end, at); entry;) {
    end -= entry.word.length;
    entry = FORWARD_TRAILING.endingAt(text, end, at);
  }
  return text.slice(at, end);
}

/** The rest of the clause after a figure, for one that names nothing else: `连续12年|获评“省级平安区”`. */
export function clauseAfter(text: string, at: number): string {
  const limit = Math.min(text.length, at + REACH);
  let end = at;
  while (end < limit && STOPS[text.charCodeAt(end)] !== CLAUSE_END) end++;
  return text.slice(at, end);
}

/**
 * `大市外内资、浙商回归资金、实际利用外资` for three figures: one indicator each.
 * Split only where every part is a phrase of its own (three characters or more):
 * `城区、农村生活垃圾分类收集覆盖率` shares its noun and stays whole.
 */
export function listParts(indicator: string, count: number): string[] | undefined {
  // Most lists share one indicator with no `、` in it: nothing to split.
  if (!indicator.includes('、')) return undefined;
  const parts = indicator.split('、');
  if (parts.length !== count || parts.some((part) => part.length < 3)) return undefined;
  return parts;
}
