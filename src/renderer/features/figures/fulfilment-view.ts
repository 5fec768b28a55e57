/**
 * 目标兑现 as the panel shows it: one report's targets for a year against the
 * results the next year's report gives, whichever of the two is on screen.
 * Each side knows which report it is in, so the table can jump to a figure on
 * screen or open the other report at its figure. The chart is the same
 * comparison chart as 目标与实绩 (comparison.ts), fed from two reports, each
 * row named with its verdict. Plain data, tested under Node.
 */
import type { Figure, TargetFigure, YearFigures } from '../../../shared/figures';
import type { LibraryReport } from '../../../shared/library';
import { changeWord, formatQuantity } from '../../../core/figures/figure';
import { fulfilment, VERDICT_LABELS, type Verdict } from '../../../core/figures/fulfilment';
import { reportYear } from '../../../core/library/year-neighbours';
import { comparisonView, type ComparisonView } from './comparison';

/** The report on screen and its neighbour, as the shelf lists them. */
export type ReportRef = Pick<LibraryReport, 'id' | 'title' | 'date'>;

/** `previous`: last year's report set the targets; `next`: next year's report gives the results. */
export type NeighbourRole = 'previous' | 'next';

export interface FulfilmentSide {
  figure: Figure;
  /** As printed, the change said where the row does not (`增长 6.3%`): `7%左右`, `2.05万人`. */
  text: string;
  /** The report the figure is in. */
  report: string;
  /** Whether that is the report on screen (a jump marks it) or the other one (a jump opens it). */
  onScreen: boolean;
}

export interface FulfilmentRowView {
  key: string;
  /** The indicator as last year's target names it, with its change: `地区生产总值增长`. */
  indicator: string;
  /** What the result side calls it, where that differs: `全区生产总值`. */
  resultName?: string;
  target: FulfilmentSide;
  /** `力争8%` beside the expected target. */
  stretch?: FulfilmentSide;
  /** Set by 力争 with no expected target beside it. */
  stretchOnly: boolean;
  result: FulfilmentSide;
  verdict: Verdict;
  /** What a `左右` target was read as: `6.65%–7.35%`. */
  band?: string;
}

export interface FulfilmentView {
  role: NeighbourRole;
  /** The year the targets were set for and the results are of; undefined when the dates do not say. */
  year?: number;
  /** The report that set the targets and the one that gives the results. */
  targetReport: ReportRef;
  resultReport: ReportRef;
  /** Column heads: `2018年目标`, `2018年实绩`. */
  labels: { target: string; result: string };
  rows: FulfilmentRowView[];
  counts: Record<Verdict, number>;
  /** The chart's data: 目标 against 实绩 per row, its name saying the verdict. */
  chart: ComparisonView;
}

const VERDICTS: readonly Verdict[] = ['exceeded', 'met', 'missed', 'unknown'];

function side(
  figure: Figure,
  report: string,
  onScreen: string,
  withChange: boolean,
): FulfilmentSide {
  const quantity = formatQuantity(figure);
  const text = withChange && figure.change ? `${changeWord(figure.change)} ${quantity}` : quantity;
  return { figure, text, report, onScreen: report === onScreen };
}

/**
 * The result's name where it says more than a word before the target's
 * (`单位地区生产总值能耗` for `单位GDP能耗`); not where one only adds a word in
 * front (`全社会固定资产投资`, `引进大市外内资`, `生产总值`).
 */
function otherName(target: string, result: string | undefined): string | undefined {
  if (result === undefined || target.endsWith(result) || result.endsWith(target)) return undefined;
  return result;
}

/**
 * The view of one neighbour: `own` is on screen; `role` says whether the
 * neighbour is last year's report (its targets, own results) or next year's
 * (own targets, its results).
 */
export function fulfilmentView(
  own: ReportRef,
  ownFigures: YearFigures,
  neighbour: ReportRef,
  neighbourFigures: YearFigures,
  role: NeighbourRole,
): FulfilmentView {
  const [targetReport, targets, resultReport, results] =
    role === 'previous'
      ? [neighbour, neighbourFigures.targets, own, ownFigures.results]
      : [own, ownFigures.targets, neighbour, neighbourFigures.results];
  const year = reportYear(targetReport);
  const rows = fulfilment(targets, results).map((row): FulfilmentRowView => {
    // A row names the change (`地区生产总值增长`) unless its sides go different ways.
    const sameWay = row.target.change === row.result.change;
    const change = sameWay && row.target.change ? changeWord(row.target.change) : '';
    const resultName = otherName(row.indicator, row.result.indicator);
    const make = (figure: TargetFigure | Figure, report: ReportRef) =>
      side(figure, report.id, own.id, !sameWay);
    return {
      key: `${row.key}|${row.target.block}:${row.target.start}`,
      indicator: row.indicator + change,
      ...(resultName !== undefined && resultName !== row.indicator && { resultName }),
      target: make(row.target, targetReport),
      ...(row.stretch && { stretch: make(row.stretch, targetReport) }),
      stretchOnly: row.target.stretch === true,
      result: make(row.result, resultReport),
      verdict: row.verdict,
      ...(row.band !== undefined && { band: row.band }),
    };
  });
  const counts = { exceeded: 0, met: 0, missed: 0, unknown: 0 };
  for (const row of rows) counts[row.verdict]++;
  const labels =
    year === undefined
      ? { target: '上年目标', result: '实绩' }
      : { target: `${year}年目标`, result: `${year}年实绩` };
  return {
    role,
    ...(year !== undefined && { year }),
    targetReport,
    resultReport,
    labels,
    rows,
    counts,
    chart: fulfilmentChart(rows, labels, targetReport.id, resultReport.id),
  };
}

/** The comparison chart's view of the rows: each named with its verdict. */
function fulfilmentChart(
  rows: readonly FulfilmentRowView[],
  labels: FulfilmentView['labels'],
  targetReport: string,
  resultReport: string,
): ComparisonView {
  const pairs = rows.map((row) => ({
    key: row.key,
    indicator: row.indicator,
    results: [row.result.figure],
    targets: [row.target.figure],
  }));
  const view = comparisonView(pairs, labels, { target: targetReport, result: resultReport });
  return {
    ...view,
    name: '目标兑现',
    rows: view.rows.map((chartRow, index) => ({
      ...chartRow,
      // The row's own name, not the figures': the result may word it otherwise.
      indicator: `${rows[index].indicator}\n${VERDICT_LABELS[rows[index].verdict]}`,
      result: { ...chartRow.result, text: rows[index].result.text },
      target: { ...chartRow.target, text: rows[index].target.text },
    })),
  };
}

/** `完成 3 · 超额完成 9 · 未完成 4`: the verdicts that occur, in a fixed order. */
export function verdictSummary(counts: Record<Verdict, number>): string {
  return VERDICTS.filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${VERDICT_LABELS[verdict]} ${counts[verdict]}`)
    .join(' · ');
}
