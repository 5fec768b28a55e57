/**
 * Every kind of report a delegate receives for a session of the 人代会 (and
 * the 政协 session beside it), written here the way such reports are printed
 * (no full texts of them are at hand): 计划报告, 预算报告 with its tables,
 * 法院 and 检察院 reports, the 人大常委会 and 政协常委会 reports, and drafts
 * (征求意见稿, 讨论稿). Each is parsed to the title block, outline, blocks and
 * glossary a reader expects.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import type { ReportDocument } from '../../../src/shared/document';
import { lines, meta, outline } from './helpers';
import { BUDGET_REPORT, BUDGET_TABLE_ROWS, DRAFT_REPORT } from '../../support/session-report-texts';

const texts = (document: ReportDocument) => document.blocks.map((block) => block.text);

describe('计划报告: a label, a long title, 附件1 a table, 附件2 名词解释', () => {
  const document = parseReport(
    lines(
      '海曙区第十一届人民代表大会第三次会议文件（3）',
      '关于海曙区2018年国民经济和社会发展计划执行情况与2019年国民经济和社会发展计划草案的报告',
      '——2019年1月8日在海曙区第十一届人民代表大会第三次会议上',
      '区发展和改革局局长  王 明',
      '各位代表：',
      '受区人民政府委托，现将计划执行情况与计划草案提请审议。',
      '一、2018年国民经济和社会发展计划执行情况',
      '（一）主要指标完成情况',
      '全年实现地区生产总值1180.5亿元，增长7.2%。',
      '（二）重点工作推进情况',
      '1.产业转型升级加快。规上工业增加值增长8.1%。',
      '2.城乡建设扎实推进。一是加快城市有机更新；二是推进“五水共治”。',
      '二、2019年国民经济和社会发展计划草案',
      '主要预期目标是：地区生产总值增长7%左右。',
      '附件1：海曙区2019年国民经济和社会发展主要指标计划表',
      '指标名称  单位  2018年实际  2019年计划  增长%',
      '地区生产总值  亿元  1180.5  1263.1  7',
      '一般公共预算收入  亿元  98.6  104.5  6',
      '附件2：名词解释',
      '1.五水共治：是指治污水、防洪水、排涝水、保供水、抓节水。',
    ),
  );

  it('reads the title block', () => {
    expect(meta(document)).toEqual([
      ['label', '海曙区第十一届人民代表大会第三次会议文件（3）'],
      [
        'title',
        '关于海曙区2018年国民经济和社会发展计划执行情况与2019年国民经济和社会发展计划草案的报告',
      ],
      ['occasion', '2019年1月8日在海曙区第十一届人民代表大会第三次会议上'],
      ['speaker', '区发展和改革局局长 王明'],
    ]);
    expect(document.date).toBe('2019-01-08');
  });

  it('gives each appendix its own heading, and keeps the table rows as rows', () => {
    expect(outline(document)).toEqual([
      '1 一、2018年国民经济和社会发展计划执行情况',
      '2 （一）主要指标完成情况',
      '2 （二）重点工作推进情况',
      '3 1.产业转型升级加快',
      '3 2.城乡建设扎实推进',
      '1 二、2019年国民经济和社会发展计划草案',
      '1 附件1：海曙区2019年国民经济和社会发展主要指标计划表',
      '1 附件2：名词解释',
    ]);
    const table = texts(document).slice(-5, -2);
    expect(table).toEqual([
      '指标名称  单位  2018年实际  2019年计划  增长%',
      '地区生产总值  亿元  1180.5  1263.1  7',
      '一般公共预算收入  亿元  98.6  104.5  6',
    ]);
    expect(document.glossary.map((entry) => [entry.terms, entry.occurrences.length])).toEqual([
      [['五水共治'], 1],
    ]);
  });
});

describe('预算报告: figures in 万元, a table flattened to a cell per line, 有关用语说明', () => {
  const document = parseReport(lines(...BUDGET_REPORT));

  it('reads the title block', () => {
    expect(document.title).toBe('关于海曙区2018年预算执行情况和2019年预算草案的报告');
    expect(document.occasion).toBe('2019年1月8日在海曙区第十一届人民代表大会第三次会议上');
    expect(document.speaker).toBe('区财政局局长 李华');
    expect(document.date).toBe('2019-01-08');
  });

  it('makes no outline heads of the spending lines, and reads the appendix', () => {
    expect(outline(document)).toEqual([
      '1 一、2018年预算执行情况',
      '2 （一）一般公共预算执行情况',
      '1 二、2019年预算草案',
      '1 三、确保完成2019年预算任务的主要措施',
      '2 （一）聚焦高质量发展，培育财源税源',
      '1 附件：有关用语说明',
    ]);
    expect(texts(document)).toContain('1.教育支出123,500万元，增长8.7%。');
    expect(document.glossary.map((entry) => entry.terms)).toEqual([['一般公共预算']]);
  });

  it('keeps each table row apart, its figures never run together', () => {
    const start = texts(document).indexOf(BUDGET_TABLE_ROWS[0]);
    expect(texts(document).slice(start, start + 6)).toEqual(BUDGET_TABLE_ROWS);
  });
});

describe('人民检察院工作报告: 〇 date, unnumbered parts, 1、 items, ①-numbered 注释', () => {
  const document = parseReport(
    lines(
      '宁波市海曙区人民检察院工作报告',
      '——二〇一九年一月九日在宁波市海曙区第十一届人民代表大会第三次会议上',
      '宁波市海曙区人民检察院检察长  王 五',
      '各位代表：',
      '2018年主要工作',
      '一、聚焦主责主业，全力维护社会和谐稳定',
      '全面推行认罪认罚从宽制度①，适用率达到75.3%。深入推进捕诉一体②办案机制改革。',
      '二、聚焦自身建设，全力打造过硬检察队伍',
      '1、加强政治建设。坚持把政治建设摆在首位。',
      '2019年工作思路',
      '一是强化政治引领；二是强化法律监督。',
      '注释：',
      '①认罪认罚从宽制度：是指犯罪嫌疑人自愿如实供述自己的罪行的，可以依法从宽处理。',
      '②捕诉一体：是指审查逮捕、审查起诉由同一办案组织负责。',
    ),
  );

  it('reads the title block and the outline', () => {
    expect(document.title).toBe('宁波市海曙区人民检察院工作报告');
    expect(document.speaker).toBe('宁波市海曙区人民检察院检察长 王五');
    expect(document.date).toBe('2019-01-09');
    expect(outline(document)).toEqual([
      '1 2018年主要工作',
      '1 一、聚焦主责主业，全力维护社会和谐稳定',
      '1 二、聚焦自身建设，全力打造过硬检察队伍',
      '3 1、加强政治建设',
      '1 2019年工作思路',
      '1 注释：',
    ]);
  });

  it('reads the circled notes as glossary entries found where the marks stand', () => {
    expect(document.glossary.map((entry) => entry.terms)).toEqual([
      ['认罪认罚从宽制度'],
      ['捕诉一体'],
    ]);
    const body = document.blocks.find((block) => block.text.startsWith('全面推行'))!;
    expect(document.glossary.map((entry) => entry.occurrences)).toEqual([
      [{ block: body.id, start: 4, end: 12, term: '认罪认罚从宽制度' }],
      [{ block: body.id, start: 29, end: 33, term: '捕诉一体' }],
    ]);
  });
});

describe('人大常委会 and 政协常委会 reports: the body named on a line above the title', () => {
  it.each([
    [
      ['宁波市海曙区人民代表大会', '常务委员会工作报告'],
      '宁波市海曙区人民代表大会常务委员会工作报告',
      '——2019年1月10日在海曙区第十一届人民代表大会第三次会议上',
      '区人大常委会主任  张 三',
      '各位代表：',
      '2019-01-10',
    ],
    [
      ['政协宁波市海曙区第一届委员会', '常务委员会工作报告'],
      '政协宁波市海曙区第一届委员会常务委员会工作报告',
      '——2019年1月7日在政协宁波市海曙区第一届委员会第三次会议上',
      '区政协主席  王 一',
      '各位委员：',
      '2019-01-07',
    ],
  ])('%j', (titleLines, title, occasion, speaker, salutation, date) => {
    const document = parseReport(
      lines(
        ...titleLines,
        occasion,
        speaker,
        salutation,
        '我受常委会委托，向大会报告工作，请予审议。',
        '过去一年的主要工作',
        '一年来，常委会依法履职。',
        '一、坚持正确政治方向',
        '（一）加强经济工作监督。听取审议计划执行情况报告。',
      ),
    );
    expect(meta(document)).toEqual([
      ['title', title],
      ['occasion', occasion.slice(2)],
      ['speaker', speaker.replace(/ +/gu, ' ').replace(/ (\S) (\S)$/u, ' $1$2')],
    ]);
    expect(document.date).toBe(date);
    expect(outline(document)).toEqual([
      '1 过去一年的主要工作',
      '1 一、坚持正确政治方向',
      '2 （一）加强经济工作监督',
    ]);
  });
});

describe('a 征求意见稿 with 第一部分 parts and a cover date of year and month', () => {
  const document = parseReport(lines(...DRAFT_REPORT));

  it('takes the marks as labels, the cover date as a date line, and has no day to give', () => {
    expect(meta(document)).toEqual([
      ['label', '内部资料 注意保存'],
      ['label', '征求意见稿'],
      ['title', '2019年海曙区政府工作报告'],
      ['label', '（征求意见稿）'],
      ['speaker', '区长 张三'],
      ['date', '二〇一九年一月'],
    ]);
    expect(document.occasion).toBeUndefined();
    expect(document.date).toBeUndefined();
  });

  it('keeps the gap after a part number and nests sections under the parts', () => {
    expect(outline(document)).toEqual([
      '1 第一部分 2018年工作回顾',
      '1 第二部分 2019年工作安排',
      '2 一、着力推动经济高质量发展',
      '3 （一）做强实体经济',
      '3 1.实施制造业高质量发展行动',
      '1 第三部分 加强政府自身建设',
    ]);
  });
});

describe('a 讨论稿 with its mark on the title line, half-width marks, 附件 / 名词注释', () => {
  const document = parseReport(
    lines(
      '政府工作报告（讨论稿）',
      '——在海曙区第十一届人民代表大会',
      '第三次会议上',
      '（二O一九年一月八日）',
      '县财政局局长',
      '王  五',
      '各位代表，同志们：',
      '一、过去一年',
      '(一)经济增长较快.全年增长7%。',
      '（二)改革深入推进。',
      '附件',
      '名词注释',
      '1．亩均论英雄：是指以亩均税收等指标评价企业。',
    ),
  );

  it('reads the title block', () => {
    expect(meta(document)).toEqual([
      ['title', '政府工作报告'],
      ['label', '（讨论稿）'],
      ['occasion', '在海曙区第十一届人民代表大会第三次会议上'],
      ['date', '（二O一九年一月八日）'],
      ['speaker', '县财政局局长 王五'],
    ]);
    expect(document.date).toBe('2019-01-08');
    expect(document.blocks.find((block) => block.kind === 'paragraph')?.text).toBe(
      '各位代表，同志们：',
    );
  });

  it('reads the outline and the appendix', () => {
    expect(outline(document)).toEqual([
      '1 一、过去一年',
      '2 (一)经济增长较快',
      '2 （二)改革深入推进',
      '1 附件 名词注释',
    ]);
    expect(document.glossary.map((entry) => entry.terms)).toEqual([['亩均论英雄']]);
  });
});

describe('a .docx whose notes are Word footnotes (read as `… ↑` lines after the text)', () => {
  it('keeps each note a paragraph of its own', () => {
    const document = parseReport(
      lines(
        '宁波市海曙区人民检察院工作报告',
        '各位代表：',
        '全面推行认罪认罚从宽制度[1]，深入推进捕诉一体[2]办案机制改革。',
        '认罪认罚从宽制度：是指自愿如实供述的，可以依法从宽处理。 ↑',
        '捕诉一体：是指审查逮捕、审查起诉由同一办案组织负责。 ↑',
      ),
    );
    expect(texts(document).slice(-2)).toEqual([
      '认罪认罚从宽制度：是指自愿如实供述的，可以依法从宽处理。 ↑',
      '捕诉一体：是指审查逮捕、审查起诉由同一办案组织负责。 ↑',
    ]);
  });
});

describe('a 提案工作情况的报告 at the 政协 session', () => {
  const document = parseReport(
    lines(
      '关于政协宁波市海曙区第一届委员会',
      '第二次会议以来提案工作情况的报告',
      '——2019年1月7日在政协宁波市海曙区第一届委员会第三次会议上',
      '区政协副主席  李 四',
      '各位委员、同志们：',
      '一、提案工作的基本情况',
      '（一）提案提交情况',
      '其中委员个人提案201件，占85.2%。',
    ),
  );

  it('joins the two-line title and reads the speaker', () => {
    expect(document.title).toBe('关于政协宁波市海曙区第一届委员会第二次会议以来提案工作情况的报告');
    expect(document.speaker).toBe('区政协副主席 李四');
    expect(document.date).toBe('2019-01-07');
    expect(outline(document)).toEqual(['1 一、提案工作的基本情况', '2 （一）提案提交情况']);
  });
});
