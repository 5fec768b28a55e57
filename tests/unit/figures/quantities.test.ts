/**
 * Reading quantities in sentences written for the purpose: every form of
 * number, every kind of unit, qualifiers on either side, ranges, and each
 * kind of number that is not a figure.
 */
import { describe, expect, it } from 'vitest';
import { findQuantities, readNumber } from '../../../src/core/figures/quantities';

const read = (text: string) =>
  findQuantities(text).map(({ start, end, value, to, unit, qualifier }) => ({
    text: text.slice(start, end),
    value,
    ...(to !== undefined && { to }),
    unit,
    ...(qualifier !== undefined && { qualifier }),
  }));

describe('numbers', () => {
  it.each([
    ['新增市场主体17282家', 17282, '17282家'],
    ['完成地区生产总值1164.48亿元', 1164.48, '1164.48亿元'],
    ['完成投资１２３．５亿元', 123.5, '１２３．５亿元'],
    ['新增就业１．５万人', 1.5, '１．５万人'],
    ['总产值达1,234.5亿元', 1234.5, '1,234.5亿元'],
    ['实现营业收入12,345,678元', 12345678, '12,345,678元'],
  ])('%s → %d', (sentence, value, text) => {
    expect(read(sentence)).toEqual([expect.objectContaining({ value, text })]);
  });

  it('readNumber folds full-width digits and drops thousands separators', () => {
    expect(readNumber('１２３４５')).toBe(12345);
    expect(readNumber('０．９')).toBe(0.9);
    expect(readNumber('1,164.48')).toBe(1164.48);
  });
});

describe('units as printed', () => {
  it.each([
    ['实际利用外资3.6亿美元', '亿美元'],
    ['城乡居民人均可支配收入59482元', '元'],
    ['引进内资120亿元', '亿元'],
    ['扶持资金500万元', '万元'],
    ['增长6.3%', '%'],
    ['增长６．３％', '％'],
    ['占比提高2个百分点', '个百分点'],
    ['产值翻了1倍', '倍'],
    ['新增就业1.2万', '万'],
    ['拆除旧房12万平方米', '万平方米'],
    ['建成绿道20公里', '公里'],
    ['流转土地3000亩', '亩'],
    ['新增公交车120辆', '辆'],
    ['推出公租房600套', '套'],
    ['新建学校5所', '所'],
    ['改造公厕100座', '座'],
    ['开通线路34条', '条'],
    ['实施项目42项', '项'],
    ['新增企业10家', '家'],
    ['危房治理2429户', '户'],
    ['培训3000人', '人'],
    ['接待游客120万人次', '万人次'],
    ['新增装机容量5万千瓦', '万千瓦'],
    ['发电量3千瓦时', '千瓦时'],
    ['审批时间压缩至5个工作日', '个工作日'],
  ])('%s → %s', (sentence, unit) => {
    const [quantity] = read(sentence);
    expect(quantity?.unit).toBe(unit);
    // The span ends with the unit as printed.
    expect(quantity?.text.endsWith(unit)).toBe(true);
  });

  it('keeps a space between a number and its unit inside the span: `17282 家`, `12 万平方米`', () => {
    expect(read('新增各类市场主体 17282 家，')).toEqual([
      { text: '17282 家', value: 17282, unit: '家' },
    ]);
    expect(read('拆除农村旧房 12 万平方米、')).toEqual([
      { text: '12 万平方米', value: 12, unit: '万平方米' },
    ]);
    expect(read('增长　6.3　%')).toEqual([{ text: '6.3　%', value: 6.3, unit: '%' }]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['地区生产总值增长7%左右', '左右', '7%'],
    ['民间投资增长10%以上', '以上', '10%'],
    ['闲置土地占比降至1%以下', '以下', '1%'],
    ['失业率控制在4%以内', '以内', '4%'],
    ['审批100天内完成', '内', '100天'],
    ['总投资超过150亿元', '超过', '150亿元'],
    ['惠及群众近10万人', '近', '10万人'],
    ['完成投资约80亿元', '约', '80亿元'],
    ['吸引游客逾300万人次', '逾', '300万人次'],
    ['新增就业不少于1.5万人', '不少于', '1.5万人'],
    ['投入资金1000多万元', '多', '1000多万元'],
    ['累计新增市场主体5万余户', '余', '5万余户'],
    ['扶持企业100余家', '余', '100余家'],
  ])('%s → %s', (sentence, qualifier, text) => {
    expect(read(sentence)).toEqual([expect.objectContaining({ qualifier, text })]);
  });

  it('`多`/`余` stay inside the span but out of the unit', () => {
    expect(read('投入资金1000多万元')).toEqual([
      { text: '1000多万元', value: 1000, unit: '万元', qualifier: '多' },
    ]);
  });

  it('`节约`, `签约`, `最近` end in 约/近 but qualify nothing', () => {
    expect(read('节约3万吨标准煤')).toEqual([{ text: '3万吨', value: 3, unit: '万吨' }]);
    expect(read('签约10个项目')).toEqual([{ text: '10个', value: 10, unit: '个' }]);
    expect(read('最近3年')).toEqual([{ text: '3年', value: 3, unit: '年' }]);
  });

  it('`内` qualifies a span of time only: `5个镇内` is five towns', () => {
    expect(read('5个镇内')).toEqual([{ text: '5个', value: 5, unit: '个' }]);
  });
});

describe('ranges', () => {
  it('`6.5%—7%` and `6.5—7%` are one figure from 6.5 to 7', () => {
    expect(read('增长6.5%—7%')).toEqual([{ text: '6.5%—7%', value: 6.5, to: 7, unit: '%' }]);
    expect(read('增长6.5—7%')).toEqual([{ text: '6.5—7%', value: 6.5, to: 7, unit: '%' }]);
    expect(read('新建学校5至8所')).toEqual([{ text: '5至8所', value: 5, to: 8, unit: '所' }]);
  });

  it('two figures with different units are no range: `3个-5家`', () => {
    expect(read('3个-5家').map((q) => q.text)).toEqual(['3个', '5家']);
  });

  it('a span of years is no range of figures: `2018—2020年`', () => {
    expect(read('2018—2020年')).toEqual([]);
  });
});

describe('numbers that are not figures', () => {
  it.each([
    ['a year', '2017年是本届政府的开局之年'],
    ['a date', '2018年2月7日在海曙区'],
    ['a month and day', '自10月1日起施行'],
    ['a short year', '18年以来'],
    ['a policy named after a year', '高标准推进中国制造2025建设'],
    ['a quoted number', '“365”产业投资导向目录'],
    ['a quoted programme', '新增市“3315计划”创业团队'],
    ['a quoted name with a unit inside', '深化“15分钟公共文化圈”建设'],
    ['a title in 书名号', '印发《2018年100项重点工作》'],
    ['a provincial road', '加快214省道建设'],
    ['a substation', '110KV岐阳变顺利投产'],
    ['a substation in kV', '建设220kV望春变'],
    ['a grade', '创建国家5A级景区'],
    ['a code with letters', '推进G60科创走廊建设'],
    ['a network generation', '5G试点'],
    ['an ordinal', '居全市第1位，第3个'],
    ['a ranking', '入围中国民营企业500强'],
    ['a phone line', '提升81890服务平台'],
    ['a house number', '高塘二村12弄项目'],
  ])('%s: %s', (_label, sentence) => {
    expect(read(sentence)).toEqual([]);
  });

  it('a count after a grade is still a figure: `3A级景区村庄3个`', () => {
    expect(read('3A级景区村庄3个')).toEqual([{ text: '3个', value: 3, unit: '个' }]);
  });

  it('`连续12年` and `5年来` are spans of years; `12年` alone is not', () => {
    expect(read('连续12年获评省级平安区')).toEqual([{ text: '12年', value: 12, unit: '年' }]);
    expect(read('5年来')).toEqual([{ text: '5年', value: 5, unit: '年' }]);
    expect(read('12年')).toEqual([]);
  });
});
