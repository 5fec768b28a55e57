/**
 * A figure (数字) of a report as the contract carries it: the plain type the
 * domain extracts (core/figures/extract.ts) and the renderer shows. Here, below
 * every layer, because 目标兑现 asks main for another report's figures.
 */

/** `result`: what was done (the review); `target`: what is planned or expected; `other`: neither is said. */
export type FigurePeriod = 'result' | 'target' | 'other';

/** A change (`增长6.3%`, `下降20%`), as opposed to a level (`1164.48亿元`, `降至1%以下`). */
export type FigureChange = 'increase' | 'decrease';

export interface Figure {
  /** Id of the block that holds it. */
  block: string;
  /** Half-open JS string offsets, in the block's `text`, of the number and its unit. */
  start: number;
  end: number;
  /** `text.slice(start, end)` of the block: `1164.48亿元`, `17282家`, `3万余人`. */
  text: string;
  /** The number as a number: `1164.48`; full-width digits and `1,234` read as such. */
  value: number;
  /** The upper end of a range (`6.5%—7%`, `5至8个`), whose lower end is `value`. */
  to?: number;
  /** The unit as printed, multiplier included: `亿元`, `%`, `万平方米`, `个百分点`; `万` alone for `1.2万`. */
  unit: string;
  /** As printed: `左右`, `以上`, `以下`, `以内`, `内`, `超过`, `近`, `约`, `逾`, `多`, `余` … */
  qualifier?: string;
  /** The phrase it measures, as printed: `地区生产总值`, `新增停车位`, `市级重大项目`. */
  indicator?: string;
  /** Present when the figure is a change rather than a level. */
  change?: FigureChange;
  period: FigurePeriod;
}

/**
 * A target with the cue that set it: `力争`, `争取` make it a stretch goal,
 * above the expected one (`增长7%左右，力争8%`).
 */
export interface TargetFigure extends Figure {
  stretch?: true;
}

/**
 * What 目标兑现 compares of one report: the results its review gives for the
 * single year before it, and the targets it sets for its own year. Figures of
 * several years (`年均`, `累计`, `过去五年`, `到2020年`) are left out: they
 * answer no one year's target.
 */
export interface YearFigures {
  results: Figure[];
  targets: TargetFigure[];
}
