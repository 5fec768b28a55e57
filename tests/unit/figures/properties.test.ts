/**
 * Properties, on seeded random input: every reported span holds exactly its
 * value and unit; and sentences made of random figures (random numbers in
 * every printed form, random units, qualifiers and verbs, among names and
 * years that are no figures) give back exactly the figures put in.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/core/figures/extract';
import type { Figure, FigureChange } from '../../../src/core/figures/figure';
import type { ReportDocument } from '../../../src/shared/document';
import { mulberry32 } from '../../support/random';
import { FIGURES, REPORT, figuresOf, report } from './helpers';

const pickFrom = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)];

/** Test-side reading of a span: NFKC, no spaces, no `多`/`余`, then number + unit. */
function spanHolds(document: ReportDocument, figure: Figure): string | undefined {
  const block = document.blocks.find((candidate) => candidate.id === figure.block);
  if (block === undefined) return 'no such block';
  const text = block.text.slice(figure.start, figure.end);
  if (text !== figure.text) return `text ${figure.text} is not the span ${text}`;
  let plain = text.normalize('NFKC').replace(/\s/gu, '');
  if (figure.qualifier === '多' || figure.qualifier === '余') {
    plain = plain.replace(figure.qualifier, '');
  }
  const unit = figure.unit.normalize('NFKC');
  if (!plain.endsWith(unit)) return `${text} does not end with ${figure.unit}`;
  const numbers = plain.slice(0, plain.length - unit.length);
  const parts = numbers.split(/(?<=\d)(?:[-—–~至到]+)(?=\d)/u);
  const values = parts.map((part) =>
    /^\d[\d,]*(\.\d+)?$/u.test(part) ? Number(part.replace(/,/g, '')) : NaN,
  );
  const expected = figure.to === undefined ? [figure.value] : [figure.value, figure.to];
  if (values.length !== expected.length || values.some((value, i) => value !== expected[i])) {
    return `${text} holds ${numbers}, not ${expected.join('–')}`;
  }
  return undefined;
}

describe('every span holds its value and unit', () => {
  it('on the bundled report', () => {
    expect(FIGURES.length).toBeGreaterThan(100);
    expect(FIGURES.map((figure) => spanHolds(REPORT, figure)).filter(Boolean)).toEqual([]);
  });

  it('on the bundled report with every digit made full-width and a space before every unit', () => {
    const blocks = REPORT.blocks.map((block) => ({
      ...block,
      text: block.text
        .replace(/[0-9.]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
        .replace(/(?<=[０-９])(?=[个家户人元%])/gu, ' '),
    }));
    const document = { ...REPORT, blocks };
    const figures = extractFigures(document);
    expect(figures.map((figure) => spanHolds(document, figure)).filter(Boolean)).toEqual([]);
    // The same figures, value for value.
    expect(figures.map((f) => [f.block, f.value, f.unit.normalize('NFKC'), f.period])).toEqual(
      FIGURES.map((f) => [f.block, f.value, f.unit, f.period]),
    );
  });
});

const INDICATORS = [
  '地区生产总值',
  '一般公共预算收入',
  '固定资产投资',
  '社会消费品零售总额',
  '城镇新增就业',
  '新开工项目',
  '改造老旧小区',
  '新增停车位',
  '规模经营率',
];
const VERBS: [string, FigureChange | undefined][] = [
  ['达到', undefined],
  ['完成', undefined],
  ['为', undefined],
  ['', undefined],
  ['增长', 'increase'],
  ['同比增长', 'increase'],
  ['下降', 'decrease'],
  ['减少', 'decrease'],
];
const UNITS = [
  '亿元',
  '万元',
  '元',
  '亿美元',
  '%',
  '％',
  '个百分点',
  '倍',
  '个',
  '家',
  '户',
  '人',
  '万人',
  '所',
  '座',
  '条',
  '项',
  '公里',
  '平方米',
  '万平方米',
  '亩',
  '辆',
  '套',
  '万',
];
const PRE = ['超过', '近', '约', '逾'];
const POST = ['左右', '以上', '以下', '以内'];
/** Sentences with numbers that are no figures, to stand between the figures. */
const NOISE = [
  '2017年是本届政府的开局之年。',
  '全面贯彻党的十九大精神，高标准推进“中国制造2025”建设。',
  '加快214省道、110KV岐阳变建设，创建5A级景区。',
  '深化“15分钟公共文化圈”建设，“365”产业投资导向目录发布。',
  '入围中国民营企业500强，81890服务平台有效运行。',
  '',
];

interface Planted {
  value: number;
  unit: string;
  qualifier?: string;
  indicator: string;
  change?: FigureChange;
}

/** A number as a report might print it: ASCII, full-width, or with thousands separators. */
function printNumber(random: () => number): { printed: string; value: number } {
  const decimals = random() < 0.4 ? 1 + Math.floor(random() * 2) : 0;
  const value = Number((random() * (random() < 0.5 ? 100 : 100000)).toFixed(decimals)) || 1;
  let printed = String(value);
  const form = random();
  if (form < 0.25) {
    printed = printed.replace(/[0-9.]/gu, (char) =>
      String.fromCharCode(char.charCodeAt(0) + 0xfee0),
    );
  } else if (form < 0.45 && value >= 1000) {
    const [whole, fraction] = printed.split('.');
    printed =
      whole.replace(/\B(?=(\d{3})+$)/gu, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  return { printed, value };
}

function plantSentence(random: () => number): { sentence: string; planted: Planted[] } {
  const planted: Planted[] = [];
  const clauses: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  const indicators = [...INDICATORS].sort(() => random() - 0.5).slice(0, count);
  for (const indicator of indicators) {
    const [verb, change] = pickFrom(random, VERBS);
    const { printed, value } = printNumber(random);
    const unit = pickFrom(random, UNITS);
    const space = random() < 0.2 ? ' ' : '';
    const roll = random();
    const pre = roll < 0.2 ? pickFrom(random, PRE) : '';
    const post = roll > 0.75 && unit !== '万' ? pickFrom(random, POST) : '';
    clauses.push(`${indicator}${verb}${pre}${printed}${space}${unit}${post}`);
    planted.push({
      value,
      unit,
      indicator,
      ...(pre !== '' && { qualifier: pre }),
      ...(post !== '' && { qualifier: post }),
      ...(change !== undefined && { change }),
    });
  }
  return { sentence: `${clauses.join('，')}。`, planted };
}

describe('random sentences give back the figures put in', () => {
  it('300 sentences (seed 15), in a review and in a plan', () => {
    const random = mulberry32(15);
    const paragraphs: { result: string[]; target: string[] } = { result: [], target: [] };
    const expected: { result: Planted[]; target: Planted[] } = { result: [], target: [] };
    for (let i = 0; i < 300; i++) {
      const period = i % 2 === 0 ? 'result' : 'target';
      const { sentence, planted } = plantSentence(random);
      paragraphs[period].push(pickFrom(random, NOISE) + sentence + pickFrom(random, NOISE));
      expected[period].push(...planted);
    }
    const { document, figures } = figuresOf(
      report('2018年2月7日', '某区', [
        '一、2017年工作回顾',
        ...paragraphs.result,
        '二、2018年工作安排',
        ...paragraphs.target,
      ]),
    );
    expect(figures.map((figure) => spanHolds(document, figure)).filter(Boolean)).toEqual([]);
    const got = (period: 'result' | 'target') =>
      figures
        .filter((figure) => figure.period === period)
        .map(({ value, unit, qualifier, indicator, change }) => ({
          value,
          unit,
          indicator,
          ...(qualifier !== undefined && { qualifier }),
          ...(change !== undefined && { change }),
        }));
    expect(got('result')).toEqual(expected.result);
    expect(got('target')).toEqual(expected.target);
    expect(figures.every((figure) => figure.period !== 'other')).toBe(true);
  });
});
