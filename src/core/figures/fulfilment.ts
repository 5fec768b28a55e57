/**
 * 目标兑现: last year's targets (from last year's report) against the results
 * this year's report gives for them, each judged 完成, 超额完成, 未完成 or 无法判断.
 *
 * Matching (year-key.ts): the same indicator across years, a change with a
 * change and a level with a level, units of one base (亿元 with 万元, never %
 * with 个百分点). An indicator one report gives several different values for
 * (`城乡居民人均可支配收入分别增长8%和9%`, a result restated) is matched only
 * where both sides list the same number of values in one sentence, in that
 * order; otherwise it is left out rather than guessed.
 *
 * Judging, by what the target's words ask:
 * - which way is better: down for a target with a ceiling (`以内`, `以下`,
 *   `不超过`), a decrease (`下降20%`), or an indicator that is a cost or a harm
 *   (失业率, 能耗, 排放, 浓度, 事故…); up otherwise;
 * - `左右` and `约` ask for the value within ABOUT (5%) of it either way:
 *   `增长7%左右` is 完成 from 6.65% to 7.35%, 超额完成 above, 未完成 below
 *   (so 6.3% is 未完成);
 * - a range (`6.5%—7%`) asks for a value in it, 超额完成 beyond;
 * - a bare value, `以上`, `超过`, `不低于` ask for at least the value: equal is
 *   完成, better is 超额完成;
 * - a ceiling (`以内`, `以下`) asks for at most the value: within is 完成,
 *   never 超额完成;
 * - `力争`/`争取` (a stretch goal, year-figures.ts) asks for at least its
 *   value; where the same indicator also has an expected target (`增长7%左右，
 *   力争8%`), the expected one is judged, and reaching the stretch goal as
 *   well makes it 超额完成;
 * - a result with a qualifier is a span (`超过3000人`: 3000 or more; `近100亿元`:
 *   a little under 100; `约`/`左右`: within 5%): the verdict is the one the
 *   whole span agrees on, 完成 where it is at least met, and 无法判断 where
 *   the span straddles the target.
 */
import type { Figure, TargetFigure } from '../../shared/figures';
import { groupByKey } from './pairs';
import { baseValue } from './units';
import { yearIndicator, yearKey } from './year-key';

export type Verdict = 'exceeded' | 'met' | 'missed' | 'unknown';

export const VERDICT_LABELS: Record<Verdict, string> = {
  exceeded: '超额完成',
  met: '完成',
  missed: '未完成',
  unknown: '无法判断',
};

/** How far `左右` and `约` reach either way, as a share of the value. */
export const ABOUT = 0.05;
/** The rule for `左右` in words, for whoever reads a band: `按上下5%计`. */
export const ABOUT_RULE = `左右、约按上下${ABOUT * 100}%计`;
/** The rules above, as the panel and the printed table state them under the table. */
export const VERDICT_RULES =
  `评价规则：${ABOUT_RULE}；未加限定或带“以上”的目标须达到，超过即超额完成；` +
  '“以内”“以下”须不超过；下降类及失业率、能耗等以低为好；' +
  '另有“力争”目标的，达到力争值即超额完成。';
/** How far under its value `近` reaches. */
const NEAR = 0.1;

const CEILING = new Set(['以下', '以内', '内', '不超过', '不高于', '低于', '不到', '不足']);
const FLOOR = new Set(['以上', '超过', '不低于', '不少于', '逾', '突破', '多', '余']);
const AROUND = new Set(['左右', '约']);
/** Indicators where less is better, whatever the target's words. */
const LESS_IS_BETTER =
  /失业率|能耗|排放|浓度|事故|死亡|亡人|发案|负债率|债务|赤字|物价|价格涨幅|价格指数|CPI|贫困人口|污染/u;

export interface FulfilmentRow {
  /** The indicator as last year's target names it (the result may word it otherwise). */
  indicator: string;
  key: string;
  target: TargetFigure;
  /** The stretch goal (`力争8%`) set beside an expected target, if any. */
  stretch?: TargetFigure;
  result: Figure;
  verdict: Verdict;
  /** What a `左右` or `约` target was read as: `6.65%–7.35%`. */
  band?: string;
}

interface Span {
  low: number;
  high: number;
}

/** The figure's value in its unit's base, signed: a decrease is below zero. */
function signed(figure: Figure, value: number): number {
  const base = baseValue({ value, unit: figure.unit });
  return figure.change === 'decrease' ? -base : base;
}

/** What a result says its value is: one point, or a span where a qualifier widens it. */
function resultSpan(result: Figure): Span {
  const { value, qualifier } = result;
  const to = result.to ?? value;
  let [low, high] = [value, to];
  if (qualifier !== undefined) {
    if (FLOOR.has(qualifier)) high = Infinity;
    else if (CEILING.has(qualifier)) low = -Infinity;
    else if (qualifier === '近') low = value * (1 - NEAR);
    else if (AROUND.has(qualifier)) [low, high] = [value * (1 - ABOUT), to * (1 + ABOUT)];
  }
  const ends = [signed(result, low), signed(result, high)];
  return { low: Math.min(...ends), high: Math.max(...ends) };
}

/** Whether a smaller value meets the target better. */
function lessIsBetter(target: Figure): boolean {
  if (target.qualifier !== undefined && CEILING.has(target.qualifier)) return true;
  if (target.change === 'decrease') return true;
  return LESS_IS_BETTER.test(target.indicator ?? '');
}

/**
 * What the target asks, measured so that more is better: at least `met`,
 * and beyond `exceeded` it is exceeded. `band` says how a 左右 was read.
 */
function targetBounds(
  target: Figure,
  flip: boolean,
): { met: number; exceeded: number; band?: string } {
  const better = (value: number) => (flip ? -signed(target, value) : signed(target, value));
  const { value, qualifier } = target;
  if (target.to !== undefined) {
    const ends = [better(value), better(target.to)];
    return { met: Math.min(...ends), exceeded: Math.max(...ends) };
  }
  if (qualifier !== undefined && (AROUND.has(qualifier) || qualifier === '近')) {
    const low = value * (1 - ABOUT);
    const high = value * (1 + ABOUT);
    const ends = [better(low), better(high)];
    const shown = (n: number) => `${Number(n.toFixed(4))}${target.unit}`;
    return {
      met: Math.min(...ends),
      exceeded: Math.max(...ends),
      band: `${shown(low)}–${shown(high)}`,
    };
  }
  if (qualifier !== undefined && CEILING.has(qualifier)) {
    return { met: better(value), exceeded: Infinity };
  }
  return { met: better(value), exceeded: better(value) };
}

/** Equal within rounding: values are printed with a few decimals. */
const EPSILON = 1e-9;
const atLeast = (a: number, b: number) => a >= b - EPSILON * Math.max(1, Math.abs(b));
const above = (a: number, b: number) => a > b + EPSILON * Math.max(1, Math.abs(b));

type Judged = { verdict: Verdict; band?: string };

/** One target against one result: the verdict, and how a 左右 was read. */
export function judge(target: Figure, result: Figure): Judged {
  const flip = lessIsBetter(target);
  const bounds = targetBounds(target, flip);
  const span = resultSpan(result);
  const [low, high] = flip ? [-span.high, -span.low] : [span.low, span.high];
  const band = bounds.band === undefined ? {} : { band: bounds.band };
  if (above(low, bounds.exceeded)) return { verdict: 'exceeded', ...band };
  if (atLeast(low, bounds.met)) return { verdict: 'met', ...band };
  if (!atLeast(high, bounds.met)) return { verdict: 'missed', ...band };
  return { verdict: 'unknown', ...band };
}

/** An expected target judged, and its stretch goal reached too: 超额完成. */
function judgeWithStretch(
  target: TargetFigure,
  stretch: TargetFigure | undefined,
  result: Figure,
): Judged {
  const judged = judge(target, result);
  if (stretch === undefined || judged.verdict !== 'met') return judged;
  const reached = judge(stretch, result).verdict;
  return reached === 'met' || reached === 'exceeded' ? { ...judged, verdict: 'exceeded' } : judged;
}

/** The same value printed again (a target restated in a later section) counts once. */
function distinct<T extends Figure>(figures: readonly T[]): T[] {
  const seen = new Set<string>();
  return figures.filter((figure) => {
    const value = `${signed(figure, figure.value)}|${figure.to ?? ''}|${figure.qualifier ?? ''}`;
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const oneBlock = (figures: readonly Figure[]) =>
  figures.every((figure) => figure.block === figures[0].block);

/**
 * The targets and results of one key paired: one each, or a list of n values
 * on both sides, each in one paragraph, in order. Nothing when it is unclear.
 */
function pairUp(
  targets: TargetFigure[],
  results: Figure[],
): { target: TargetFigure; stretch?: TargetFigure; result: Figure }[] {
  const expected = distinct(targets.filter((figure) => !figure.stretch));
  const stretches = distinct(targets.filter((figure) => figure.stretch));
  const answers = distinct(results);
  if (expected.length === 0) {
    // Only a stretch goal (`力争…达120亿元`): it is the target.
    if (stretches.length !== 1 || answers.length !== 1) return [];
    return [{ target: stretches[0], result: answers[0] }];
  }
  if (expected.length === 1 && answers.length === 1) {
    const stretch = stretches.length === 1 ? stretches[0] : undefined;
    return [{ target: expected[0], ...(stretch && { stretch }), result: answers[0] }];
  }
  const listed =
    expected.length === answers.length &&
    stretches.length === 0 &&
    oneBlock(expected) &&
    oneBlock(answers);
  return listed ? expected.map((target, i) => ({ target, result: answers[i] })) : [];
}

/**
 * Last year's targets (`targets`, from last year's report) against the
 * results this year's report gives (`results`), in the order of the targets.
 * Both as yearFigures gives them.
 */
export function fulfilment(
  targets: readonly TargetFigure[],
  results: readonly Figure[],
): FulfilmentRow[] {
  const answers = groupByKey(results, yearKey);
  const rows: FulfilmentRow[] = [];
  for (const [key, group] of groupByKey(targets, yearKey)) {
    const found = answers.get(key);
    if (found === undefined) continue;
    for (const { target, stretch, result } of pairUp(group, found)) {
      const { verdict, band } = judgeWithStretch(target, stretch, result);
      rows.push({
        indicator: target.indicator ?? yearIndicator(key),
        key,
        target,
        ...(stretch && { stretch }),
        result,
        verdict,
        ...(band !== undefined && { band }),
      });
    }
  }
  return rows;
}
