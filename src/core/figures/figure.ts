/**
 * A figure (数字) of a report: one quantity as printed, what it measures and
 * whether it reports what was done or sets what is to be done. Plain data,
 * JSON-safe: the CLI prints it as it is, the panel lists it, a jump goes to
 * `block` + `start`/`end`, and an edition diff or a 目标兑现 view compares two
 * of them by `figureKey` (pairs.ts). An optional field that does not apply is
 * left undefined (JSON leaves it out).
 */

export type { Figure, FigureChange, FigurePeriod } from '../../shared/figures';
import type { Figure, FigureChange, FigurePeriod } from '../../shared/figures';

/** Qualifiers that stand between the number and the unit: `1000多万元`, `3万余人`. */
const INNER_QUALIFIERS = new Set(['多', '余']);
/** Qualifiers printed before the number: `近100亿元`, `超过3000人`. */
const PRE_QUALIFIERS = new Set([
  '超过',
  '近',
  '约',
  '逾',
  '不到',
  '不足',
  '不少于',
  '不低于',
  '不超过',
  '突破',
]);

export const isPreQualifier = (qualifier: string): boolean => PRE_QUALIFIERS.has(qualifier);
export const isInnerQualifier = (qualifier: string): boolean => INNER_QUALIFIERS.has(qualifier);

/** A figure's place, unique within one edition of a document: `b8:41`. */
export const figureId = (figure: Pick<Figure, 'block' | 'start'>): string =>
  `${figure.block}:${figure.start}`;

const CHANGE_WORDS: Record<FigureChange, string> = { increase: '增长', decrease: '下降' };

/** How the panel, the CSV and the 数据摘录 name a period. */
export const PERIOD_LABELS: Record<FigurePeriod, string> = {
  result: '实绩',
  target: '目标',
  other: '其他',
};

export const changeWord = (change: FigureChange): string => CHANGE_WORDS[change];

/** The value as a delegate reads it: `1164.48`, `6.5–7`. */
export function formatValue(figure: Pick<Figure, 'value' | 'to'>): string {
  return figure.to === undefined ? String(figure.value) : `${figure.value}–${figure.to}`;
}

/** The quantity with its unit and qualifier where the report puts it: `7%左右`, `近100亿元`, `1000多万元`. */
export function formatQuantity(
  figure: Pick<Figure, 'value' | 'to' | 'unit' | 'qualifier'>,
): string {
  const value = formatValue(figure);
  const { qualifier, unit } = figure;
  if (qualifier === undefined) return value + unit;
  if (isPreQualifier(qualifier)) return qualifier + value + unit;
  if (isInnerQualifier(qualifier)) return value + qualifier + unit;
  return value + unit + qualifier;
}

/** One line for a list or a diff: `地区生产总值 增长 6.3%`, `新增停车位 10866个`. */
export function figureLabel(figure: Figure): string {
  const parts = [
    figure.indicator,
    figure.change && changeWord(figure.change),
    formatQuantity(figure),
  ];
  return parts.filter((part) => part !== undefined && part !== '').join(' ');
}
