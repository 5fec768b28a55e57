/**
 * 目标 vs 实绩 as the panel's table and chart show it: one row per indicator
 * that has both a result and a target, each side with what it printed and a
 * bar length scaled within the row (GDP growth in % and new jobs in persons
 * share no axis). Plain data, tested under Node.
 *
 * The sides are labelled and sourced, not assumed to come from one report:
 * 目标兑现 (last year's targets against the results the next year's report
 * gives) is `comparisonView(pairResultsWithTargets(next.results,
 * last.targets), labels, sources)` with the two reports' keys as sources.
 */
import type { TargetPair } from '../../../core/figures/pairs';
import { changeWord, formatQuantity, type Figure } from '../../../core/figures/figure';
import { reportYearOf } from '../../../core/figures/period';
import { baseValue } from '../../../core/figures/units';
import type { ReportDocument } from '../../../shared/document';

export interface ComparisonCell {
  /** In document order; most indicators have one figure a side. */
  figures: Figure[];
  /** Each figure as the report prints it: `6.3%`, `7%左右`, `10866个`. */
  texts: string[];
  /** The same, joined by `；`: the chart's label. */
  text: string;
  /** Where a figure's own indicator says more than the row's (`建成农村联网公路`). */
  note: string;
  /** What the chart draws: the first figure's value in its base unit (a range's middle). */
  amount: number;
  /** The report the side comes from, when it is not the one open (目标兑现). */
  source?: string;
}

export interface ComparisonRow {
  key: string;
  indicator: string;
  result: ComparisonCell;
  target: ComparisonCell;
  /** Each side's bar as a share of the row's larger side, 0–1. */
  shares: { result: number; target: number };
}

export interface ComparisonLabels {
  /** `2017年实绩`, or `实绩` where the report's year is unknown. */
  result: string;
  target: string;
}

export interface ComparisonView {
  /** The table the chart stands for, as its heading names it: `目标与实绩` unless said. */
  name?: string;
  labels: ComparisonLabels;
  rows: ComparisonRow[];
}

/** One report's own comparison: its review of last year against this year's plan. */
export function reportLabels(
  document: Pick<ReportDocument, 'date' | 'occasion'>,
): ComparisonLabels {
  const year = reportYearOf(document);
  if (year === undefined) return { result: '实绩', target: '目标' };
  return { result: `${year - 1}年实绩`, target: `${year}年目标` };
}

const quantityText = (figure: Figure) =>
  [figure.change && changeWord(figure.change), formatQuantity(figure)].filter(Boolean).join(' ');

function amountOf(figure: Figure): number {
  const middle = figure.to === undefined ? figure.value : (figure.value + figure.to) / 2;
  return baseValue({ value: middle, unit: figure.unit });
}

/** One side of a pair; the row names the change (`地区生产总值增长`), so its cells need not. */
function cell(pair: TargetPair, figures: Figure[], source: string | undefined): ComparisonCell {
  const notes = figures
    .map((figure) => figure.indicator ?? '')
    .filter((own) => own !== '' && own !== pair.indicator);
  const texts = figures.map(pair.change === undefined ? quantityText : formatQuantity);
  return {
    figures,
    texts,
    text: texts.join('；'),
    note: [...new Set(notes)].join('；'),
    amount: amountOf(figures[0]),
    ...(source !== undefined && { source }),
  };
}

export function comparisonView(
  pairs: readonly TargetPair[],
  labelsOrDocument: ComparisonLabels | Pick<ReportDocument, 'date' | 'occasion'>,
  sources: { result?: string; target?: string } = {},
): ComparisonView {
  const labels =
    'result' in labelsOrDocument && 'target' in labelsOrDocument
      ? labelsOrDocument
      : reportLabels(labelsOrDocument);
  const rows = pairs.map((pair): ComparisonRow => {
    // Where every figure names the same thing (`新增停车位`), that is the row's
    // name; where the sides differ (`建成` against `改造提升农村联网公路`), each says its own.
    const names = new Set([...pair.results, ...pair.targets].map((figure) => figure.indicator));
    const [only] = names;
    const named = { ...pair, indicator: names.size === 1 && only ? only : pair.indicator };
    const result = cell(named, pair.results, sources.result);
    const target = cell(named, pair.targets, sources.target);
    const larger = Math.max(Math.abs(result.amount), Math.abs(target.amount));
    const share = (amount: number) => (larger === 0 ? 0 : Math.abs(amount) / larger);
    return {
      key: pair.key,
      indicator: named.indicator + (pair.change === undefined ? '' : changeWord(pair.change)),
      result,
      target,
      shares: { result: share(result.amount), target: share(target.amount) },
    };
  });
  return { labels, rows };
}
