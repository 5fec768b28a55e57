/**
 * What names the same indicator in two years' reports of one place. Wording
 * drifts from year to year: `地区生产总值` becomes `全区生产总值`, `一般公共预算收入`
 * `财政一般公共预算收入`, `规上工业增加值` `规模以上工业增加值`. The key folds
 * only such drift, word for word from the lists below: it never lets a
 * phrase match another that merely ends like it (`城镇居民人均可支配收入` is not
 * `居民人均可支配收入`), so an indicator is matched exactly or not at all.
 */
import type { Figure } from '../../shared/figures';
import { indicatorKey } from './pairs';
import { unitScale } from './units';

/**
 * Whose total an indicator is, not what it counts: the district's own name
 * for itself, and 财政 before a revenue's name. Taken off the front one at a
 * time; 财政 only while at least four characters remain (`财政收入` keeps it:
 * `收入` alone names nothing).
 */
const SCOPES = [
  '全区',
  '全市',
  '全县',
  '全旗',
  '全镇',
  '本区',
  '本市',
  '本县',
  '我区',
  '我市',
  '我县',
  '地区',
  '辖区',
  '全社会',
];
const FISCAL = '财政';
const KEEP_AT_LEAST = 4;

/** Names of one indicator that reports use interchangeably, the common one last. */
const SYNONYMS: readonly (readonly [string, string])[] = [
  ['规上', '规模以上'],
  ['GDP', '生产总值'],
  ['地区生产总值', '生产总值'],
  ['国内生产总值', '生产总值'],
  ['公共财政预算收入', '一般公共预算收入'],
  ['公共财政预算支出', '一般公共预算支出'],
  ['社会消费品零售额', '社会消费品零售总额'],
  ['社零总额', '社会消费品零售总额'],
  ['研究与试验发展', '研发'],
  ['城镇常住居民', '城镇居民'],
  ['农村常住居民', '农村居民'],
  ['全体居民', '居民'],
];

/**
 * Keys too general to say what they count: a report sets `项目30个` and
 * reviews `项目25个` about different things. Two reports are matched on them
 * never; within one report (pairs.ts) the text around them says more.
 */
const TOO_GENERAL = new Set([
  '项目',
  '企业',
  '资金',
  '收入',
  '支出',
  '投资',
  '总量',
  '总额',
  '规模',
  '面积',
  '人数',
  '数量',
  '产值',
  '增加值',
  '增速',
  '比重',
  '占比',
  '总值',
]);

/** The scope word `key` starts with and may lose, if any. */
function scopeOf(key: string): string | undefined {
  if (key.startsWith(FISCAL)) {
    return key.length - FISCAL.length >= KEEP_AT_LEAST ? FISCAL : undefined;
  }
  return SCOPES.find((scope) => key.startsWith(scope) && key.length > scope.length);
}

/** The indicator as two years' reports are compared: `全区生产总值` → `生产总值`. */
export function yearIndicator(indicator: string): string {
  let key = indicatorKey(indicator.normalize('NFKC').toUpperCase());
  for (const [variant, common] of SYNONYMS) key = key.replaceAll(variant, common);
  for (let scope = scopeOf(key); scope !== undefined; scope = scopeOf(key)) {
    key = key.slice(scope.length);
  }
  return key;
}

/**
 * The key a target and a result share when they measure the same thing: the
 * indicator across years, change or level (a change's direction is its sign,
 * so `下降` can answer `增长`), and the unit's base (`亿元` and `万元` are both
 * 元; `%` and `个百分点` stay apart). None for a general or missing indicator.
 */
export function yearKey(figure: Pick<Figure, 'indicator' | 'change' | 'unit'>): string | undefined {
  if (figure.indicator === undefined) return undefined;
  const indicator = yearIndicator(figure.indicator);
  if (indicator.length < 2 || TOO_GENERAL.has(indicator)) return undefined;
  const kind = figure.change === undefined ? 'level' : 'change';
  return `${indicator}|${kind}|${unitScale(figure.unit).base}`;
}
