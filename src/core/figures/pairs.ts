/**
 * 目标 vs 实绩: the figures that a result and a target give for the same
 * indicator (地区生产总值 growth: 6.3% in 2017, 7%左右 for 2018). The same
 * matching serves one report (its review against its plan), two years of one
 * place (last year's targets against this year's results, 目标兑现), and two
 * editions (an edition diff names `地区生产总值 1164.48亿元 → 1164.50亿元`).
 */
import type { Figure, FigureChange } from './figure';
import { unitScale } from './units';

/** What a comparison needs to know that two figures measure the same thing. */
export type Comparable = Pick<Figure, 'indicator' | 'change' | 'unit'>;

/** Marks and spaces that make no difference to what an indicator names. */
const NOISE = /[“”‘’"'《》「」\s]/gu;
/**
 * Verbs that open an indicator but do not change what is counted: `改造提升公厕`
 * and `103座公厕` are both 公厕; `建成农村联网公路` and `改造提升农村联网公路`
 * both 农村联网公路 (the table shows each as printed, side by side).
 */
const OPENING_VERBS =
  /^(?:新增|新建改建|新建|改建|建成|完成|实现|创建|培育|打造|引进|推出|新推出|开通调整|开通|调整|改造提升|改造|提升|拆除|扶持|培训)+/u;

/** What an indicator counts, as printed but without its opening verb: `改造提升公厕` → `公厕`. */
export function bareIndicator(indicator: string): string {
  const bare = indicator.replace(OPENING_VERBS, '');
  return bare === '' ? indicator : bare;
}

/** The indicator as compared: no opening verb, no quotes or spaces, full-width forms folded. */
export function indicatorKey(indicator: string): string {
  return bareIndicator(indicator.normalize('NFKC').replace(NOISE, ''));
}

/**
 * The key two figures share when they measure the same thing: the indicator,
 * level or change, and the unit's base (`亿元` and `万元` are both 元). No key
 * without an indicator.
 */
export function figureKey(figure: Comparable): string | undefined {
  if (figure.indicator === undefined || figure.indicator === '') return undefined;
  const change: FigureChange | 'level' = figure.change ?? 'level';
  return `${indicatorKey(figure.indicator)}|${change}|${unitScale(figure.unit).base}`;
}

export interface TargetPair {
  key: string;
  /** What both sides count, as the first target prints it without its verb: `公厕`. */
  indicator: string;
  change?: FigureChange;
  /** In document order. */
  results: Figure[];
  targets: Figure[];
}

/** Figures by the key `keyOf` gives them, in order; those with none are left out. */
export function groupByKey<T extends Figure>(
  figures: readonly T[],
  keyOf: (figure: T) => string | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const figure of figures) {
    const key = keyOf(figure);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [figure]);
    else group.push(figure);
  }
  return groups;
}

/**
 * Every indicator that has both results and targets, in the order of the
 * targets. `results` and `targets` may come from one report or from two.
 */
export function pairResultsWithTargets(results: Figure[], targets: Figure[]): TargetPair[] {
  const byKey = groupByKey(results, figureKey);
  const pairs = new Map<string, TargetPair>();
  for (const target of targets) {
    const key = figureKey(target);
    const matched = key === undefined ? undefined : byKey.get(key);
    if (key === undefined || matched === undefined) continue;
    const pair = pairs.get(key);
    if (pair !== undefined) pair.targets.push(target);
    else {
      pairs.set(key, {
        key,
        indicator: bareIndicator(target.indicator ?? ''),
        ...(target.change !== undefined && { change: target.change }),
        results: matched,
        targets: [target],
      });
    }
  }
  return [...pairs.values()];
}

/** One report's own 目标 vs 实绩: its review's results against its plan's targets. */
export function targetPairs(figures: Figure[]): TargetPair[] {
  return pairResultsWithTargets(
    figures.filter((figure) => figure.period === 'result'),
    figures.filter((figure) => figure.period === 'target'),
  );
}
