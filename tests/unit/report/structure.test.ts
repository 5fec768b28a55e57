import { describe, it, expect } from 'vitest';
import { readStructure, splitFragments } from '../../../src/core/report/structure';

const SAMPLE = [
  '',
  '政 府 工 作 报 告',
  '',
  '2018年2月7日在某区',
  '第一届人民代表大会第一次会议上',
  '',
  '区长 张三',
  '',
  '各位代表：',
  '',
  '现在，我代表区人民政府向大会报告工作。',
  '',
  '一、2017年工作回顾',
  '',
  '（一）融合发展平稳推进。14个地块完成挂牌',
  '',
  '— 2 —',
  '',
  '出让，2幢总部大楼竣工投用。',
  '',
  '（二）增长后劲积极培育。培育一批“隐形冠军”',
  '',
  '第 3 页',
  '',
  '“单打冠军”。',
  '',
  '各位代表，过去的一年成绩来之不易。',
  '',
  '，这是补在句号后的残句。',
  '',
  '附件：',
  '',
  '名词解释',
  '',
  '1. 隐形冠军、单打冠军：是指专注于细分市场的',
  '',
  '企业。',
  '',
  '2. 三品：是指“增品种、提品质、创品牌”。',
  '',
  '区一届人大一次会议秘书处',
  '',
  '2018年2月1日',
  '',
].join('\n');

describe('splitFragments', () => {
  it('trims lines and drops blank lines and page numbers', () => {
    expect(splitFragments('  甲  \n\n— 2 —\n\n第 3 页\n乙\n－4－\n')).toEqual(['甲', '乙']);
  });
});

describe('readStructure on a small report', () => {
  const doc = readStructure(SAMPLE);

  it('reads the front matter', () => {
    expect(doc.title).toBe('政府工作报告');
    expect(doc.occasion).toBe('2018年2月7日在某区第一届人民代表大会第一次会议上');
    expect(doc.speaker).toBe('区长 张三');
    expect(doc.blocks.slice(0, 3)).toEqual([
      { kind: 'meta', role: 'title', text: '政府工作报告' },
      { kind: 'meta', role: 'occasion', text: '2018年2月7日在某区第一届人民代表大会第一次会议上' },
      { kind: 'meta', role: 'speaker', text: '区长 张三' },
    ]);
  });

  it('produces the expected blocks in reading order', () => {
    expect(doc.blocks.slice(3).map((block) => [block.kind, block.text])).toEqual([
      ['paragraph', '各位代表：'],
      ['paragraph', '现在，我代表区人民政府向大会报告工作。'],
      ['heading', '一、2017年工作回顾'],
      ['paragraph', '（一）融合发展平稳推进。14个地块完成挂牌出让，2幢总部大楼竣工投用。'],
      ['paragraph', '（二）增长后劲积极培育。培育一批“隐形冠军”“单打冠军”。'],
      ['paragraph', '各位代表，过去的一年成绩来之不易。，这是补在句号后的残句。'],
      ['heading', '附件：名词解释'],
      ['glossary', '1. 隐形冠军、单打冠军：是指专注于细分市场的企业。'],
      ['glossary', '2. 三品：是指“增品种、提品质、创品牌”。'],
      ['meta', '区一届人大一次会议秘书处'],
      ['meta', '2018年2月1日'],
    ]);
  });

  it('marks headings as level 1 and the closing lines with their roles', () => {
    const headings = doc.blocks.filter((block) => block.kind === 'heading');
    expect(headings.every((block) => block.level === 1)).toBe(true);
    expect(doc.blocks.at(-2)?.role).toBe('signature');
    expect(doc.blocks.at(-1)?.role).toBe('date');
  });

  it('points appendixAt at the appendix heading', () => {
    expect(doc.appendixAt).toBeGreaterThan(0);
    expect(doc.blocks[doc.appendixAt]).toEqual({
      kind: 'heading',
      level: 1,
      text: '附件：名词解释',
    });
  });

  it('never joins a `（二）` subsection onto an unfinished paragraph', () => {
    const text = ['标题', '', '各位代表：', '', '甲段没有结束', '', '（二）乙段。'].join('\n');
    const blocks = readStructure(text).blocks.map((block) => block.text);
    expect(blocks).toContain('甲段没有结束');
    expect(blocks).toContain('（二）乙段。');
  });

  it('reports appendixAt -1 when there is no appendix', () => {
    const text = ['标题', '', '各位代表：', '', '正文。'].join('\n');
    expect(readStructure(text).appendixAt).toBe(-1);
  });
});
