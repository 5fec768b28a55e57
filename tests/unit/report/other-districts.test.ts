/**
 * Report openings and structure written the way other districts write them
 * (made up here: no full texts of theirs are at hand), each parsed to the
 * title block, outline and blocks a reader expects.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import { findDate } from '../../../src/core/report/dates';
import { lines, meta, outline } from './helpers';

describe('a report like 武昌区 2019: dash occasion, spaced speaker name, unnumbered parts', () => {
  const document = parseReport(
    lines(
      '政府工作报告',
      '——2019年1月8日在武昌区第十五届人民代表大会第三次会议上',
      '武昌区人民政府区长  余 松',
      '各位代表：',
      '现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员和其他列席人员提出意见。',
      '2018年工作回顾',
      '2018年，是全面贯彻党的十九大精神的开局之年。全区经济运行稳中有进。',
      '（一）坚持高质量发展，经济实力稳步提升。全年地区生产总值增长8%。',
      '2019年工作安排',
      '2019年是新中国成立70周年。做好今年工作意义重大。',
      '今后五年的目标任务',
      '今后五年，我们将坚持稳中求进。',
    ),
  );

  it('reads the title block without gluing the speaker to the occasion', () => {
    expect(document.title).toBe('政府工作报告');
    expect(document.occasion).toBe('2019年1月8日在武昌区第十五届人民代表大会第三次会议上');
    expect(document.speaker).toBe('武昌区人民政府区长 余松');
    expect(document.date).toBe('2019-01-08');
  });

  it('makes each unnumbered part a heading, not the start of the next paragraph', () => {
    expect(outline(document)).toEqual([
      '1 2018年工作回顾',
      '2 （一）坚持高质量发展，经济实力稳步提升',
      '1 2019年工作安排',
      '1 今后五年的目标任务',
    ]);
    const texts = document.blocks.map((block) => block.text);
    expect(texts).toContain('2018年，是全面贯彻党的十九大精神的开局之年。全区经济运行稳中有进。');
    expect(texts).toContain('今后五年，我们将坚持稳中求进。');
  });
});

describe('a report like 昆都仑区 2017: date line broken over two lines, 一、 sections', () => {
  const document = parseReport(
    [
      '政 府 工 作 报 告',
      '',
      '——2017年1月',
      '5日在昆都仑区第十六届人民代表大会第一次会议上',
      '',
      '区长 张 三',
      '',
      '各位代表：',
      '',
      '一、过去五年工作回顾',
      '',
      '过去五年，全区上下团结一心。',
      '',
      '二、今后五年的奋斗目标',
      '',
      '今后五年，要坚持发展第一要务。',
    ].join('\n'),
  );

  it('joins the date line and finds the date', () => {
    expect(document.title).toBe('政府工作报告');
    expect(document.occasion).toBe('2017年1月5日在昆都仑区第十六届人民代表大会第一次会议上');
    expect(document.date).toBe('2017-01-05');
    expect(document.speaker).toBe('区长 张三');
    expect(outline(document)).toEqual(['1 一、过去五年工作回顾', '1 二、今后五年的奋斗目标']);
  });
});

describe('a date broken after its month with no dash (2018年1月 / 25日在…会议上)', () => {
  it('joins it to the occasion and finds the date (a cover month standing alone stays a date line)', () => {
    const document = parseReport(
      lines(
        '政府工作报告',
        '2018年1月',
        '25日在鄞州区第二届人民代表大会第三次会议上',
        '区长\u3000王建国',
        '各位代表：',
        '过去一年，全区经济稳中向好。',
      ),
    );
    expect(document.occasion).toBe('2018年1月25日在鄞州区第二届人民代表大会第三次会议上');
    expect(document.date).toBe('2018-01-25');
    expect(document.speaker).toBe('区长 王建国');
  });
});

describe('a 计划报告 with a long title over two lines, a label and a bracketed occasion', () => {
  const document = parseReport(
    lines(
      '某区第三届人民代表大会第四次会议文件（2）',
      '关于某区2018年国民经济和社会发展计划执行情况与',
      '2019年计划草案的报告',
      '（书面）',
      '（2019年1月10日在某区第三届人民代表大会第四次会议上）',
      '区发展和改革局局长 李四',
      '各位代表：',
      '受区人民政府委托，现将计划执行情况报告如下。',
      '一、2018年计划执行情况',
      '（一）经济运行稳中向好',
      '全年经济运行平稳。',
      '1.工业生产',
      '规上工业增加值增长6%。',
      '2.投资消费',
      '固定资产投资增长9%。',
      '（二）改革开放持续深化',
      '各项改革扎实推进。',
    ),
  );

  it('reads labels, a two-line title, the bracketed occasion and the speaker', () => {
    expect(document.title).toBe(
      '关于某区2018年国民经济和社会发展计划执行情况与2019年计划草案的报告',
    );
    expect(meta(document)).toEqual([
      ['label', '某区第三届人民代表大会第四次会议文件（2）'],
      ['title', '关于某区2018年国民经济和社会发展计划执行情况与2019年计划草案的报告'],
      ['label', '（书面）'],
      ['occasion', '2019年1月10日在某区第三届人民代表大会第四次会议上'],
      ['speaker', '区发展和改革局局长 李四'],
    ]);
    expect(document.date).toBe('2019-01-10');
  });

  it('makes （一） and 1. lines headings at levels 2 and 3', () => {
    expect(outline(document)).toEqual([
      '1 一、2018年计划执行情况',
      '2 （一）经济运行稳中向好',
      '3 1.工业生产',
      '3 2.投资消费',
      '2 （二）改革开放持续深化',
    ]);
  });
});

describe('half-width punctuation and numbering typed on a Western keyboard', () => {
  const document = parseReport(
    lines(
      '政府工作报告',
      '2020年1月6日在某县第十届人民代表大会第五次会议上',
      '县长 王五',
      '各位代表:',
      '一.2019年工作回顾',
      '(一)经济发展稳中有进.全年生产总值增长7%.',
      '1.农业生产稳定.粮食产量保持稳定。',
      '(1)种植面积稳定',
      '附件:',
      '名词解释',
      '1. 三农:是指农业、农村、农民.',
      '(2) 两山:是指绿水青山和金山银山.',
    ),
  );

  it('reads the salutation, numbering, leads and the appendix', () => {
    expect(outline(document)).toEqual([
      '1 一.2019年工作回顾',
      '2 (一)经济发展稳中有进',
      '3 1.农业生产稳定',
      '1 附件:名词解释',
    ]);
    expect(document.blocks.find((block) => block.text.startsWith('(1)'))?.kind).toBe('paragraph');
    expect(document.glossary.map((entry) => entry.terms)).toEqual([['三农'], ['两山']]);
  });
});

describe('a written report without salutation, date in Chinese numerals, signature at the end', () => {
  const document = parseReport(
    lines(
      '某区人民法院工作报告',
      '——二〇一八年一月二十六日在某区第二届人民代表大会第三次会议上',
      '某区人民法院院长 赵六',
      '2017年，全区法院共受理各类案件12000件。',
      '一、依法履职，服务大局',
      '全年审结案件11500件。',
      '某区人民法院',
      '2018年1月20日',
    ),
  );

  it('reads the date, the speaker, and the closing lines as signature and date', () => {
    expect(document.date).toBe('2018-01-26');
    expect(document.speaker).toBe('某区人民法院院长 赵六');
    expect(document.blocks.at(-2)).toMatchObject({
      kind: 'meta',
      role: 'signature',
      text: '某区人民法院',
    });
    expect(document.blocks.at(-1)).toMatchObject({ kind: 'meta', role: 'date' });
    expect(outline(document)).toEqual(['1 一、依法履职，服务大局']);
  });
});

describe('a report whose only date is the closing one', () => {
  it('takes the date from the last date line', () => {
    const document = parseReport(
      lines('政府工作报告', '各位代表：', '正文一段。', '某区人民政府', '2019年2月1日'),
    );
    expect(document.date).toBe('2019-02-01');
  });
});

describe('text from a PDF whose font mapped ideographs to radicals', () => {
  it('reads ⼯作 as 工作 and ⼈⺠ as 人民', () => {
    const document = parseReport(lines('政府⼯作报告', '各位代表：', '全区⼈⺠⽣活⽔平不断提⾼。'));
    expect(document.title).toBe('政府工作报告');
    expect(document.blocks.at(-1)?.text).toBe('全区人民生活水平不断提高。');
  });
});

describe('findDate', () => {
  it.each([
    ['2018年2月7日在海曙区', '2018-02-07'],
    ['2019 年 1 月 8 日', '2019-01-08'],
    ['２０１９年１２月３１日', '2019-12-31'],
    ['二〇一八年一月二十六日', '2018-01-26'],
    ['二○二○年十月十日', '2020-10-10'],
    ['二〇一九年十二月三十一日', '2019-12-31'],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it.each(['2018年2月30日', '2018年13月1日', '第十一届', '2018年'])('%s has no date', (text) => {
    expect(findDate(text)).toBeUndefined();
  });
});
