/**
 * A long title breaks between words: 宁波市海曙区人民法院工作报告, balanced
 * on two lines, read 「宁波市海曙区人／民法院工作报告」 before.
 */
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { renderReportHtml } from '../../../src/core/report/report-html';
import { titleParts } from '../../../src/core/report/title-parts';

describe('titleParts', () => {
  it.each([
    ['宁波市海曙区人民法院工作报告', ['宁波市', '海曙区', '人民法院', '工作报告']],
    [
      '2019年宁波市海曙区人民检察院工作报告',
      ['2019年', '宁波市', '海曙区', '人民检察院', '工作报告'],
    ],
    ['政府工作报告（征求意见稿）', ['政府', '工作报告（征求意见稿）']],
    ['市场监督管理局工作报告', ['市场监督管理局', '工作报告']],
    // Short enough for one line (the title shrinks to keep to one): left whole.
    ['政府工作报告', ['政府工作报告']],
  ])('%s → %j', (title, parts) => {
    expect(titleParts(title)).toEqual(parts);
  });

  it('never loses or adds a character', () => {
    for (const title of [
      '关于海曙区2018年国民经济和社会发展计划执行情况与2019年计划草案的报告',
      '浙江省宁波市海曙区人民代表大会常务委员会工作报告',
      '区区区区区区区区区区',
    ]) {
      expect(titleParts(title).join('')).toBe(title);
    }
  });
});

describe('the title in the report’s HTML', () => {
  const html = (title: string) =>
    renderReportHtml(
      parseReportBytes(
        new TextEncoder().encode(
          `${title}\n\n——2019年1月10日在宁波市海曙区第十一届人民代表大会第三次会议上\n\n各位代表：\n\n现在，我代表宁波市海曙区人民法院向大会报告工作。\n\n一、2018年工作回顾\n\n全院共受理各类案件28356件。\n`,
        ),
      ),
    );

  it('keeps each short part whole, a long part free to break', () => {
    expect(html('宁波市海曙区人民法院工作报告')).toContain(
      'class="report-title"><span class="title-part">宁波市</span><span class="title-part">海曙区</span><span class="title-part">人民法院</span><span class="title-part">工作报告</span></h1>',
    );
    expect(html('浙江省宁波市海曙区人民代表大会常务委员会工作报告')).toContain(
      '<span class="title-part">海曙区</span>人民代表大会常务委员会<span class="title-part">工作报告</span></h1>',
    );
    expect(html('政府工作报告')).toContain('class="report-title">政府工作报告</h1>');
  });
});
