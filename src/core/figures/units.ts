/**
 * The units a figure may carry, what kind of quantity each one measures, and
 * how a printed unit with its multiplier (`亿元`, `万平方米`) reduces to a base
 * unit and a factor, so `1164.48亿元` and `11644800万元` compare as the same.
 */
import type { Figure } from './figure';

/** For filtering: money, rates (growth rates, shares, multiples), counts of things, the rest. */
export type FigureKind = 'money' | 'rate' | 'count' | 'other';

export const KIND_LABELS: Record<FigureKind, string> = {
  money: '金额',
  rate: '增速与比率',
  count: '数量',
  other: '其他',
};

const MONEY = ['元', '美元', '欧元', '港元', '日元', '英镑'];
const RATE = ['%', '％', '‰', '个百分点', '百分点', '倍'];
const COUNT = [
  '个',
  '家',
  '户',
  '人',
  '人次',
  '名',
  '位',
  '所',
  '座',
  '条',
  '项',
  '件',
  '次',
  '批',
  '幢',
  '栋',
  '套',
  '辆',
  '台',
  '艘',
  '处',
  '宗',
  '块',
  '支',
  '场',
  '种',
  '张',
  '株',
  '棵',
  '册',
];
const OTHER = [
  '公里',
  '千米',
  '米',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '亩',
  '公顷',
  '吨',
  '公斤',
  '千克',
  '千瓦',
  '千瓦时',
  '兆瓦',
  '标箱',
  '标准箱',
  '天',
  '个月',
  '个工作日',
  '工作日',
  '小时',
  '岁',
  '年',
];

const KIND_OF = new Map<string, FigureKind>([
  ...MONEY.map((unit) => [unit, 'money'] as const),
  ...RATE.map((unit) => [unit, 'rate'] as const),
  ...COUNT.map((unit) => [unit, 'count'] as const),
  ...OTHER.map((unit) => [unit, 'other'] as const),
]);

/** Units that take no multiplier: `万%` is not a unit. */
const BARE_ONLY = new Set(RATE);

const MULTIPLIERS: Record<string, number> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  十亿: 1e9,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  十万: 1e5,
  万: 1e4,
  千: 1e3,
};
/** Longest first, so `万亿` is read before `万`. */
export const MULTIPLIER_LIST = Object.keys(MULTIPLIERS).sort((a, b) => b.length - a.length);
/** Multipliers that may stand alone as a unit: `1.2万`, `3亿`. */
const STANDALONE = new Set(['万亿', '亿', '万']);

/** Every base unit, for reading a unit after a number (quantities.ts). */
export const BASE_UNITS: readonly string[] = [...KIND_OF.keys()];

/**
 * A unit as matched after a number (`万余人`, `千瓦时`, `亿美元`): the unit as
 * printed without the `多`/`余` inside it, and that qualifier; undefined when
 * it is no unit (`千` alone, `万%`).
 */
export function readUnitText(
  matched: string,
): { unit: string; inner: string | undefined } | undefined {
  const inner = /[多余]/u.exec(matched)?.[0];
  const unit = inner === undefined ? matched : matched.replace(inner, '');
  if (KIND_OF.has(unit)) return { unit, inner };
  const multiplier = MULTIPLIER_LIST.find((word) => unit.startsWith(word));
  if (multiplier === undefined) return undefined;
  const base = unit.slice(multiplier.length);
  const valid =
    base === '' ? STANDALONE.has(multiplier) : KIND_OF.has(base) && !BARE_ONLY.has(base);
  return valid ? { unit, inner } : undefined;
}

export interface UnitScale {
  /** The unit without its multiplier: `元` for `亿元`, `%` for `％`. */
  base: string;
  factor: number;
}

/** `亿元` → 元 × 1e8; `千米` stays a base unit; an unknown unit is its own base. */
export function unitScale(unit: string): UnitScale {
  const own = unit === '％' ? '%' : unit;
  if (KIND_OF.has(own) || own === '') return { base: own, factor: 1 };
  for (const multiplier of MULTIPLIER_LIST) {
    if (!own.startsWith(multiplier)) continue;
    const rest = own.slice(multiplier.length);
    if (rest === '' || KIND_OF.has(rest)) return { base: rest, factor: MULTIPLIERS[multiplier] };
  }
  return { base: own, factor: 1 };
}

/** The value in the unit's base, for charts and comparisons: `1164.48亿元` → 116448000000. */
export function baseValue(figure: Pick<Figure, 'value' | 'unit'>): number {
  return figure.value * unitScale(figure.unit).factor;
}

const kinds = new Map<string, FigureKind>();

/** Money, rate, count or other, by the unit: `亿美元` is money, `个百分点` a rate, `万平方米` other. */
export function figureKind(figure: Pick<Figure, 'unit'>): FigureKind {
  let kind = kinds.get(figure.unit);
  if (kind === undefined) {
    const { base } = unitScale(figure.unit);
    // `1.2万` with no unit after it is a count of something the sentence names.
    kind = base === '' ? 'count' : (KIND_OF.get(base) ?? 'other');
    // Units are few; an unknown one (a caller's own figure) is not remembered.
    if (KIND_OF.has(base) || base === '') kinds.set(figure.unit, kind);
  }
  return kind;
}
