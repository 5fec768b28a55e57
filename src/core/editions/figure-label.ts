/**
 * The default FigureNamer: a minimal number-with-unit detector, enough to say
 * `地区生产总值 1164.48亿元 → 1164.50亿元`. It is the integration point for
 * the figures feature (数说报告, src/core/figures), which knows the report's
 * indicators far better: pass its namer as `nameFigure` to diffEditions.
 */
import type { FigureChange, FigureContext } from './types';

const NUMBER_CHAR = /[0-9.,]/;
// Longest first, so 亿元 wins over 元 and 万平方米 over 平方米.
const UNIT =
  /^(?:万亿元|亿美元|万美元|亿元|万元|元|美元|万平方米|平方米|平方公里|公顷|万亩|亩|万吨|吨|公里|千米|米|万人次|人次|万人|人|万户|户|万家|家|个百分点|个|项|座|条|件|所|名|辆|套|台|倍|次|年|天|千瓦|兆瓦|%|‰)/u;
/** Where a clause starts: the label never reaches past one of these. */
const CLAUSE_BREAK = /[，。；：、！？（）()“”《》\n]/u;
/** Verbs that open a clause before what it measures: `全年完成地区生产总值`. */
const LEADING = /^.*?(?:完成|实现)(?=.)/u;
/** Verbs that link what is measured to its figure: `零售总额达`, `收入分别达到`. */
const TRAILING = /(?:分别)?(?:达到|达|为|至|约|超过|突破)$/u;
const MAX_LABEL = 16;

/** The number (with its unit) around `[start, end)`, when that span lies inside one. */
function figureAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  if (end <= start) return undefined;
  let from = start;
  while (from > 0 && NUMBER_CHAR.test(text[from - 1])) from--;
  let numberEnd = from;
  while (numberEnd < text.length && NUMBER_CHAR.test(text[numberEnd])) numberEnd++;
  if (numberEnd === from || !/[0-9]/.test(text[from])) return undefined;
  const unit = UNIT.exec(text.slice(numberEnd, numberEnd + 5));
  const to = numberEnd + (unit?.[0].length ?? 0);
  return end <= to ? { start: from, end: to } : undefined;
}

function labelBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1])) from--;
  const clause = text.slice(from, at).replace(LEADING, '').replace(TRAILING, '').trim();
  return clause.length > MAX_LABEL ? clause.slice(-MAX_LABEL) : clause;
}

export function nameFigure(context: FigureContext): FigureChange | undefined {
  const before = figureAround(context.oldText, context.old.start, context.old.end);
  const after = figureAround(context.newText, context.new.start, context.new.end);
  if (before === undefined || after === undefined) return undefined;
  return {
    label: labelBefore(context.oldText, before.start),
    before: context.oldText.slice(before.start, before.end),
    after: context.newText.slice(after.start, after.end),
  };
}
