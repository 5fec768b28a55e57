import { describe, it, expect } from 'vitest';
import type { ReportDocument } from '../../../src/shared/document';
import { parseReport, parseReportBytes } from '../../../src/core/report/parse-report';
import { fixCjkSpacing } from '../../../src/core/report/text-repair';
import { findSeams, joinSeams, reportBytes, reportText, rewrap, squash } from './helpers';

const raw = reportText();
const doc: ReportDocument = parseReportBytes(reportBytes());

const blockById = (document: ReportDocument, id: string) => {
  const block = document.blocks.find((candidate) => candidate.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block;
};
const indexOfBlock = (document: ReportDocument, id: string): number =>
  document.blocks.findIndex((block) => block.id === id);

/** The parts of a document that must not depend on how the source was wrapped. */
const essentials = (document: ReportDocument) => ({
  title: document.title,
  occasion: document.occasion,
  date: document.date,
  speaker: document.speaker,
  version: document.version,
  blocks: document.blocks,
  outline: document.outline,
  glossary: document.glossary,
});

describe('front matter of the bundled report', () => {
  it('reads title, occasion, date and speaker', () => {
    expect(doc.title).toBe('政府工作报告');
    expect(doc.occasion).toContain('2018年2月7日');
    expect(doc.occasion).toContain('第十一届人民代表大会第二次会议上');
    expect(doc.occasion).toBe('2018年2月7日在海曙区第十一届人民代表大会第二次会议上');
    expect(doc.date).toBe('2018-02-07');
    expect(doc.speaker).toBe('区长 褚孟彤');
  });

  it('opens with title, occasion and speaker meta blocks', () => {
    expect(doc.blocks.slice(0, 3).map((block) => [block.kind, block.role, block.text])).toEqual([
      ['meta', 'title', '政府工作报告'],
      ['meta', 'occasion', '2018年2月7日在海曙区第十一届人民代表大会第二次会议上'],
      ['meta', 'speaker', '区长 褚孟彤'],
    ]);
  });

  it('closes with the signature and date', () => {
    expect(doc.blocks.at(-2)).toMatchObject({
      kind: 'meta',
      role: 'signature',
      text: '区十一届人大二次会议秘书处',
    });
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'meta', role: 'date', text: '2018年2月1日' });
  });

  it('has a 16-hex-digit version', () => {
    expect(doc.version).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('outline of the bundled report', () => {
  const byLevel = (level: 1 | 2 | 3) => doc.outline.filter((entry) => entry.level === level);
  const titles = (level: 1 | 2 | 3) => byLevel(level).map((entry) => entry.title);

  it('has exactly 4 level-1, 15 level-2 and 17 level-3 entries', () => {
    expect(byLevel(1)).toHaveLength(4);
    expect(byLevel(2)).toHaveLength(15);
    expect(byLevel(3)).toHaveLength(17);
    expect(doc.outline).toHaveLength(36);
  });

  it('has the level-1 titles', () => {
    expect(titles(1)).toEqual([
      '一、2017年工作回顾',
      '二、2018年主要目标任务',
      '三、切实加强政府自身建设',
      '附件：名词解释',
    ]);
  });

  it('has the level-2 titles, without their full stop', () => {
    const level2 = titles(2);
    expect(level2[0]).toBe('（一）融合发展平稳推进');
    expect(level2[5]).toBe('（六）政府服务创新提升');
    expect(level2[6]).toBe('（一）突出质量效益，着力提升经济发展后劲');
    expect(level2[10]).toBe('（五）突出民生优先，着力提升人民群众福祉');
    expect(level2[14]).toBe('（四）坚持从严治政，提高廉政素养');
  });

  it('has the level-3 titles', () => {
    expect(titles(3)).toEqual([
      '强化平台建设',
      '强化内外联动',
      '强化主体培育',
      '强化要素保障',
      '做大智能产业集群',
      '做优现代服务经济',
      '做强科技创新引擎',
      '加快区块组团开发',
      '加大惠农富农力度',
      '加强基础设施建设',
      '深化环境整治',
      '深化城市管理',
      '深化社会治理',
      '推动文化事业繁荣兴盛',
      '推动公共服务均衡发展',
      '推动社会保障统筹提升',
      '推动基层基础和谐稳定',
    ]);
  });

  it('has no title ending with 。 and no title that is a page-break fragment', () => {
    for (const entry of doc.outline) {
      expect(entry.title.endsWith('。')).toBe(false);
      expect(entry.title.length).toBeGreaterThan(0);
    }
    const all = doc.outline.map((entry) => entry.title);
    expect(all).not.toContain('场等项目开业运营');
    expect(all.some((title) => title.startsWith('场等项目'))).toBe(false);
  });

  it('points every entry at an existing block of the same level, in reading order', () => {
    let last = -1;
    for (const entry of doc.outline) {
      const index = indexOfBlock(doc, entry.block);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeGreaterThan(last);
      last = index;
      const block = doc.blocks[index];
      expect(block.level).toBe(entry.level);
      if (entry.level === 1) {
        expect(block.kind).toBe('heading');
      } else {
        expect(block.kind).toBe('paragraph');
        expect(block.lead).toBeDefined();
        expect(block.text.slice(0, block.lead)).toBe(`${entry.title}。`);
      }
    }
  });

  it('puts every level-3 entry inside section 二', () => {
    const level1 = byLevel(1);
    const start = indexOfBlock(doc, level1[1].block);
    const end = indexOfBlock(doc, level1[2].block);
    expect(level1[1].title.startsWith('二、')).toBe(true);
    for (const entry of byLevel(3)) {
      const index = indexOfBlock(doc, entry.block);
      expect(index).toBeGreaterThan(start);
      expect(index).toBeLessThan(end);
    }
  });

  it('does not mark paragraphs outside subsections as run-in heads', () => {
    const opening = doc.blocks.find((block) => block.text.startsWith('2017年是本届政府的开局之年'));
    expect(opening?.kind).toBe('paragraph');
    expect(opening?.level).toBeUndefined();
    expect(opening?.lead).toBeUndefined();
  });
});

describe('page-break seams in the bundled report', () => {
  const seams = findSeams(raw);

  it('the raw file has exactly 15 seams', () => {
    expect(seams).toHaveLength(15);
  });

  it('joins every seam inside one block', () => {
    for (const seam of seams) {
      const expected = fixCjkSpacing(seam.before.slice(-6) + seam.after.slice(0, 6));
      const holders = doc.blocks.filter((block) => block.text.includes(expected));
      expect(holders, `seam ${JSON.stringify(expected)}`).toHaveLength(1);
    }
  });

  it.each([
    '14个地块完成挂牌出让',
    '全面开展截污纳管',
    '积极开展垃圾分类处理',
    '254个村委会（居委会）',
    '同时，人民武装',
    '危旧房治理改造1510户',
    '优化招商环境，狠抓项目落地',
    '新天地广场等项目开业运营',
    '“一带一路”国际攀岩大师赛',
    '工商联、无党派人士',
  ])('joins %s', (phrase) => {
    expect(doc.blocks.some((block) => block.text.includes(phrase))).toBe(true);
  });
});

describe('block text of the bundled report', () => {
  it('has no markers, converter spacing or spaced title left', () => {
    for (const block of doc.blocks) {
      expect(block.text).not.toContain('**');
      expect(block.text).not.toContain('*');
      expect(block.text).not.toMatch(/\p{Script=Han}[ \t\u00A0\u3000]+[0-9A-Za-z]/u);
      expect(block.text).not.toMatch(/[0-9A-Za-z%][ \t\u00A0\u3000]+\p{Script=Han}/u);
      expect(block.text).not.toContain('政 府');
      expect(block.text).toBe(block.text.trim());
      expect(block.text).not.toContain('\n');
    }
  });

  it('loses and duplicates no text', () => {
    const joined = doc.blocks.map((block) => block.text).join('');
    expect(squash(joined)).toBe(squash(raw));
  });

  it('keeps blocks in reading order', () => {
    const source = squash(raw);
    let from = 0;
    for (const block of doc.blocks) {
      const at = source.indexOf(squash(block.text), from);
      expect(at, `block ${block.id}`).toBe(from);
      from = at + squash(block.text).length;
    }
    expect(from).toBe(source.length);
  });

  it('gives ids b1…bN, unique and sequential', () => {
    const ids = doc.blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ids.map((_, i) => `b${i + 1}`));
  });

  it('uses only the four block kinds', () => {
    const kinds = new Set(doc.blocks.map((block) => block.kind));
    expect([...kinds].sort()).toEqual(['glossary', 'heading', 'meta', 'paragraph']);
  });

  it('keeps the **bold** 总体要求 as one emphasis span', () => {
    const emphasised = doc.blocks.filter((block) => block.emphasis !== undefined);
    expect(emphasised).toHaveLength(1);
    const [block] = emphasised;
    expect(block.text.startsWith('今年政府工作的总体要求是：')).toBe(true);
    expect(block.emphasis).toHaveLength(1);
    const [span] = block.emphasis!;
    const text = block.text.slice(span.start, span.end);
    expect(text.startsWith('高举习近平')).toBe(true);
    expect(text.endsWith('贡献。')).toBe(true);
    expect(span.start).toBe('今年政府工作的总体要求是：'.length);
    expect(span.end).toBe(block.text.length);
  });
});

describe('robustness', () => {
  it('parses a BOM + CRLF copy to the same document', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(raw.replace(/\n/g, '\r\n')),
    ]);
    const windows = parseReportBytes(bytes);
    expect(windows.blocks).toEqual(doc.blocks);
    expect(windows.outline).toEqual(doc.outline);
    expect(windows.glossary).toEqual(doc.glossary);
    expect(essentials(windows)).toEqual(essentials(doc));
  });

  it('parses the seam-joined clean copy to the same document', () => {
    const clean = joinSeams(raw);
    expect(findSeams(clean)).toEqual([]);
    expect(clean).not.toBe(raw);
    expect(essentials(parseReport(clean))).toEqual(essentials(doc));
  });

  describe('a copy re-wrapped at other page breaks', () => {
    const wrapped = rewrap(raw);
    const reparsed = parseReport(wrapped.text);

    it('really is re-wrapped in many places, including the glossary and the bold paragraph', () => {
      expect(wrapped.cuts).toBeGreaterThanOrEqual(20);
      expect(wrapped.glossaryCuts).toBeGreaterThanOrEqual(1);
      expect(wrapped.emphasisCuts).toBeGreaterThanOrEqual(1);
      expect(wrapped.text).toMatch(/\n\n— \d+ —\n\n/);
      expect(wrapped.text).toMatch(/\n\n第 \d+ 页\n\n/);
      expect(squash(wrapped.text.replace(/— \d+ —|第 \d+ 页/g, ''))).toBe(squash(raw));
    });

    it('has the same blocks, outline, glossary and version', () => {
      expect(reparsed.blocks).toEqual(doc.blocks);
      expect(reparsed.outline).toEqual(doc.outline);
      expect(reparsed.glossary).toEqual(doc.glossary);
      expect(reparsed.version).toBe(doc.version);
      expect(essentials(reparsed)).toEqual(essentials(doc));
    });
  });

  describe('single page breaks at tricky places', () => {
    const clean = joinSeams(raw);
    it.each([
      ['between two quoted terms', '“隐形冠军”“单打冠军”', 6],
      ['just inside an opening quote', '“隐形冠军”“单打冠军”', 1],
      ['before a comma', '，2幢总部', 0],
      ['before a number', '2幢总部', 0],
      ['before a glossary term', '“365”产业投资导向目录', 0],
      ['inside a level-2 lead', '融合发展平稳推进。', 4],
      ['inside a level-3 lead', '强化平台建设。', 3],
      ['inside a glossary term in the appendix', '两强三提高：', 2],
      ['inside a glossary definition, before a digit', '“6”是指', 1],
      ['before a percent sign', '10%以上', 2],
    ])('%s', (_label, needle, offset) => {
      const at = clean.indexOf(needle);
      expect(at).toBeGreaterThan(0);
      const cut = at + offset;
      for (const pageBreak of ['\n\n— 9 —\n\n', '\n\n第 9 页\n\n', '\n\n']) {
        const copy = clean.slice(0, cut) + pageBreak + clean.slice(cut);
        expect(essentials(parseReport(copy))).toEqual(essentials(doc));
      }
    });
  });

  describe('a copy with an 11th glossary entry', () => {
    const entryLine = '11. 最多跑一次：是指……。';
    const addedIn = '扎实推进“两强三提高”，努力建设人民满意政府。';
    const addedOut = '扎实推进“两强三提高”，深化最多跑一次改革，努力建设人民满意政府。';

    const withEntry = (text: string): string => {
      const last = text.split('\n').find((line) => line.startsWith('10. '));
      if (!last) throw new Error('no entry 10');
      return text.replace(last, `${last}\n\n${entryLine}`);
    };

    it('gets 11 entries; the new one is found exactly where the phrase occurs in the body', () => {
      expect(raw).toContain(addedIn);
      const copy = parseReport(withEntry(raw.replace(addedIn, addedOut)));
      expect(copy.glossary).toHaveLength(11);
      expect(copy.glossary.slice(0, 10).map((entry) => entry.terms)).toEqual(
        doc.glossary.map((entry) => entry.terms),
      );
      expect(copy.glossary.slice(0, 10).map((entry) => entry.occurrences)).toEqual(
        doc.glossary.map((entry) => entry.occurrences),
      );

      const entry = copy.glossary[10];
      expect(entry.id).toBe('g11');
      expect(entry.terms).toEqual(['最多跑一次']);
      expect(entry.definition).toBe('是指……。');
      expect(blockById(copy, entry.block).kind).toBe('glossary');

      const host = copy.blocks.find((block) => block.text.includes(addedOut));
      expect(host).toBeDefined();
      const added = {
        block: host!.id,
        start: host!.text.indexOf('最多跑一次'),
        end: host!.text.indexOf('最多跑一次') + 5,
        term: '最多跑一次',
      };
      expect(entry.occurrences).toContainEqual(added);

      // The bundled report already says 最多跑一次 in two body paragraphs, so
      // the exact set is every body occurrence of the phrase, the added one included.
      const expected = copy.blocks
        .slice(
          0,
          copy.blocks.findIndex((block) => block.text.startsWith('附件')),
        )
        .flatMap((block) =>
          [...block.text.matchAll(/最多跑一次/gu)].map((match) => ({
            block: block.id,
            start: match.index,
            end: match.index + 5,
            term: '最多跑一次',
          })),
        );
      expect(expected).toHaveLength(3);
      expect(entry.occurrences).toEqual(expected);

      expect(copy.blocks.at(-2)).toMatchObject({ kind: 'meta', role: 'signature' });
    });

    it('links a term that occurs once in the body to exactly that occurrence', () => {
      const term = '数字孪生城市';
      expect(raw).not.toContain(term);
      const text = withEntry(raw.replace(addedIn, addedOut.replace('最多跑一次', term))).replace(
        entryLine,
        `11. ${term}：是指……。`,
      );
      const copy = parseReport(text);
      expect(copy.glossary).toHaveLength(11);
      const host = copy.blocks.find((block) => block.text.includes(term));
      expect(host?.kind).toBe('paragraph');
      const start = host!.text.indexOf(term);
      expect(copy.glossary[10].occurrences).toEqual([
        { block: host!.id, start, end: start + term.length, term },
      ]);
    });
  });

  it('gets 9 entries from a copy with only 9', () => {
    const lines = raw.split('\n');
    const tenth = lines.findIndex((line) => line.startsWith('10. '));
    expect(tenth).toBeGreaterThan(0);
    lines.splice(tenth, 1);
    const copy = parseReport(lines.join('\n'));
    expect(copy.glossary).toHaveLength(9);
    expect(copy.glossary.map((entry) => entry.terms)).toEqual(
      doc.glossary.slice(0, 9).map((entry) => entry.terms),
    );
    expect(copy.glossary.map((entry) => entry.occurrences)).toEqual(
      doc.glossary.slice(0, 9).map((entry) => entry.occurrences),
    );
    expect(copy.blocks.at(-2)).toMatchObject({
      kind: 'meta',
      role: 'signature',
      text: '区十一届人大二次会议秘书处',
    });
  });

  it('changes the version when the words change, and only then', () => {
    const edited = parseReport(raw.replace('同比增长6.3%', '同比增长6.4%'));
    expect(edited.version).not.toBe(doc.version);
    expect(parseReport(`\n\n${raw}\n\n\n`).version).toBe(doc.version);
  });
});
