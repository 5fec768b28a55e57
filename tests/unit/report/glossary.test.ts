import { describe, it, expect } from 'vitest';
import type { Block, ReportDocument } from '../../../src/shared/document';
import { findOccurrences, parseGlossaryText } from '../../../src/core/report/glossary';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { reportBytes, reportText } from './helpers';

const QUOTES = /[“”‘’"'「」『』]/gu;
const unquote = (text: string): string => text.replace(QUOTES, '');

const para = (id: string, text: string): Block => ({ id, kind: 'paragraph', text });

describe('parseGlossaryText', () => {
  it('splits several terms and keeps the definition', () => {
    expect(parseGlossaryText('4. 隐形冠军、单打冠军：“隐形冠军”是指……的企业。')).toEqual({
      number: 4,
      terms: ['隐形冠军', '单打冠军'],
      definition: '“隐形冠军”是指……的企业。',
    });
  });

  it('keeps quotes that are part of a term', () => {
    expect(parseGlossaryText('1. “365”产业投资导向：“3”是指……')?.terms).toEqual([
      '“365”产业投资导向',
    ]);
    expect(parseGlossaryText('9. “六医”统筹：是指统筹医保……')?.terms).toEqual(['“六医”统筹']);
  });

  it('accepts other number separators and a half-width colon', () => {
    expect(parseGlossaryText('12、城市双修: 是指……')).toEqual({
      number: 12,
      terms: ['城市双修'],
      definition: '是指……',
    });
    expect(parseGlossaryText('3．三品：是指……')?.number).toBe(3);
  });

  it('returns null for text that is not an entry', () => {
    expect(parseGlossaryText('区十一届人大二次会议秘书处')).toBeNull();
    expect(parseGlossaryText('三品：是指……')).toBeNull();
  });
});

describe('findOccurrences', () => {
  it('matches terms while ignoring quotes and widens to keep quote pairs whole', () => {
    const block = para('b1', '政策全市率先出台，“365”产业投资导向目录及时发布。');
    const [[hit]] = findOccurrences([{ terms: ['“365”产业投资导向'] }], [block]);
    expect(hit).toMatchObject({ block: 'b1', term: '“365”产业投资导向' });
    expect(block.text.slice(hit.start, hit.end)).toBe('“365”产业投资导向');
  });

  it('finds a term written with quotes in the body but without in the appendix', () => {
    const block = para('b1', '培育一批“隐形冠军”“单打冠军”。');
    const [hits] = findOccurrences([{ terms: ['隐形冠军', '单打冠军'] }], [block]);
    expect(hits.map((hit) => block.text.slice(hit.start, hit.end))).toEqual([
      '隐形冠军',
      '单打冠军',
    ]);
    expect(hits.map((hit) => hit.term)).toEqual(['隐形冠军', '单打冠军']);
  });

  it('does not match a number inside a longer number', () => {
    const block = para('b1', '实现城镇失业人员再就业13656人，3650户，365户。');
    const [hits] = findOccurrences([{ terms: ['365'] }], [block]);
    expect(hits).toHaveLength(1);
    expect(block.text.slice(hits[0].start, hits[0].end)).toBe('365');
    expect(hits[0].start).toBe(block.text.indexOf('，365户') + 1);
  });

  it('prefers the longer of two overlapping matches', () => {
    const block = para('b1', '推进三区块六项目建设。');
    const result = findOccurrences([{ terms: ['三区块'] }, { terms: ['三区块六项目'] }], [block]);
    expect(result[0]).toEqual([]);
    expect(result[1]).toEqual([{ block: 'b1', start: 2, end: 8, term: '三区块六项目' }]);
  });

  it('returns occurrences in reading order across blocks', () => {
    const blocks = [para('b1', '创新券甲创新券'), para('b2', '乙创新券')];
    const [hits] = findOccurrences([{ terms: ['创新券'] }], blocks);
    expect(hits.map((hit) => [hit.block, hit.start])).toEqual([
      ['b1', 0],
      ['b1', 4],
      ['b2', 1],
    ]);
  });
});

describe('glossary of the bundled report', () => {
  const doc: ReportDocument = parseReportBytes(reportBytes());
  const blockIndex = new Map(doc.blocks.map((block, index) => [block.id, index]));
  const textOf = (id: string): string => {
    const block = doc.blocks.find((candidate) => candidate.id === id);
    if (!block) throw new Error(`no block ${id}`);
    return block.text;
  };
  const appendixAt = doc.blocks.findIndex(
    (block) => block.kind === 'heading' && block.text.startsWith('附件'),
  );
  const occurrences = doc.glossary.flatMap((entry) => entry.occurrences);

  it('has 10 entries with ids g1…g10, each defined by a glossary block after the appendix heading', () => {
    expect(doc.glossary).toHaveLength(10);
    expect(doc.glossary.map((entry) => entry.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `g${i + 1}`),
    );
    expect(appendixAt).toBeGreaterThan(0);
    for (const entry of doc.glossary) {
      const index = blockIndex.get(entry.block);
      expect(index).toBeDefined();
      expect(index!).toBeGreaterThan(appendixAt);
      expect(doc.blocks[index!].kind).toBe('glossary');
      expect(entry.definition.length).toBeGreaterThan(0);
      expect(textOf(entry.block).endsWith(entry.definition)).toBe(true);
    }
  });

  it('reads the terms of each entry', () => {
    expect(doc.glossary.map((entry) => entry.terms)).toEqual([
      ['“365”产业投资导向'],
      ['三品'],
      ['“凤凰行动”计划'],
      ['隐形冠军', '单打冠军'],
      ['创新券'],
      ['城市双修'],
      ['三区块六项目'],
      ['生活垃圾分类“五大专项行动”'],
      ['“六医”统筹'],
      ['两强三提高'],
    ]);
  });

  it('finds exactly 11 occurrences in the body', () => {
    expect(occurrences).toHaveLength(11);
    expect(doc.glossary.map((entry) => entry.occurrences.length)).toEqual([
      1, 1, 1, 2, 1, 1, 1, 1, 1, 1,
    ]);
  });

  it('links only body blocks, before the appendix heading', () => {
    for (const occurrence of occurrences) {
      const index = blockIndex.get(occurrence.block);
      expect(index).toBeDefined();
      expect(index!).toBeLessThan(appendixAt);
      expect(['paragraph', 'heading']).toContain(doc.blocks[index!].kind);
    }
  });

  it('gives ranges that hold the term (quotes aside)', () => {
    for (const entry of doc.glossary) {
      for (const occurrence of entry.occurrences) {
        expect(entry.terms).toContain(occurrence.term);
        const slice = textOf(occurrence.block).slice(occurrence.start, occurrence.end);
        expect(occurrence.start).toBeLessThan(occurrence.end);
        expect(unquote(slice)).toContain(unquote(occurrence.term));
      }
    }
  });

  it('gives entry 4 one occurrence of each of its two terms', () => {
    const entry = doc.glossary[3];
    expect(entry.terms).toEqual(['隐形冠军', '单打冠军']);
    expect(entry.occurrences.map((occurrence) => occurrence.term)).toEqual([
      '隐形冠军',
      '单打冠军',
    ]);
    const [first, second] = entry.occurrences;
    expect(first.block).toBe(second.block);
    expect(textOf(first.block)).toContain('培育一批“隐形冠军”“单打冠军”');
  });

  it('finds “365”产业投资导向 with its quotes, but nothing inside 13656人', () => {
    const [hit] = doc.glossary[0].occurrences;
    expect(textOf(hit.block).slice(hit.start, hit.end)).toBe('“365”产业投资导向');

    const host = doc.blocks.find((block) => block.text.includes('13656人'));
    expect(host).toBeDefined();
    const from = host!.text.indexOf('13656人');
    const to = from + '13656人'.length;
    const inside = occurrences.filter(
      (occurrence) =>
        occurrence.block === host!.id && occurrence.start < to && from < occurrence.end,
    );
    expect(inside).toEqual([]);
  });
});

describe('glossary of a report copy with an 11th appendix entry', () => {
  // The same report, with one more entry appended after 10.: nothing in the
  // parser knows the entries, so the new one must be found like the others.
  const EXTRA = '11. 最多跑一次：是指群众和企业到政府办理一件事情，在材料齐全时一次上门或零上门。';
  const text = reportText().replace(/^(10\. 两强三提高：.*)$/mu, `$1\n\n${EXTRA}`);
  const doc = parseReportBytes(new TextEncoder().encode(text));

  it('has 11 entries, the last one read from the added line', () => {
    expect(text).toContain(EXTRA);
    expect(doc.glossary.map((entry) => entry.id)).toEqual(
      Array.from({ length: 11 }, (_, i) => `g${i + 1}`),
    );
    expect(doc.glossary[10]).toMatchObject({
      terms: ['最多跑一次'],
      definition: '是指群众和企业到政府办理一件事情，在材料齐全时一次上门或零上门。',
    });
  });

  it('finds the new term at both of its places in the body and keeps the other 11', () => {
    const hits = doc.glossary[10].occurrences;
    const body = reportText().slice(0, reportText().indexOf('附件'));
    expect(body.split('最多跑一次').length - 1).toBe(2);
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      const block = doc.blocks.find((candidate) => candidate.id === hit.block)!;
      expect(block.text.slice(hit.start, hit.end)).toBe('最多跑一次');
    }
    expect(doc.glossary.slice(0, 10).flatMap((entry) => entry.occurrences)).toHaveLength(11);
  });
});

describe('glossary of a report copy with only 9 appendix entries', () => {
  const text = reportText().replace(/^10\. 两强三提高：.*$/mu, '');
  const doc = parseReportBytes(new TextEncoder().encode(text));

  it('has 9 entries and no link for the removed term', () => {
    expect(doc.glossary).toHaveLength(9);
    expect(doc.glossary.flatMap((entry) => entry.terms)).not.toContain('两强三提高');
    expect(doc.glossary.flatMap((entry) => entry.occurrences)).toHaveLength(10);
  });
});
