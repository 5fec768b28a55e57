import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../src/shared/document';
import type { UserTerm } from '../../../../src/shared/user-data';
import {
  draftProblem,
  userTermEntries,
} from '../../../../src/renderer/features/glossary/user-terms';
import { reportDocument } from '../fixtures';

const userTerm = (id: string, term: string, definition = '解释'): UserTerm => ({
  id,
  term,
  definition,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
});

describe('userTermEntries', () => {
  const doc = reportDocument();
  const reportOccurrences = doc.glossary.flatMap((entry) => entry.occurrences);
  const textOf = (id: string) => doc.blocks.find((block) => block.id === id)!.text;

  it('finds every place of a reader’s term in the report, in reading order', () => {
    const [entry] = userTermEntries(
      [userTerm('a1', '最多跑一次', '一次办成')],
      doc.blocks,
      reportOccurrences,
    );
    expect(entry).toMatchObject({
      id: 'u:a1',
      source: 'user',
      terms: ['最多跑一次'],
      definition: '一次办成',
    });
    expect(entry.occurrences).toHaveLength(2);
    for (const occurrence of entry.occurrences) {
      expect(textOf(occurrence.block).slice(occurrence.start, occurrence.end)).toBe('最多跑一次');
    }
    const order = doc.blocks.map((block) => block.id);
    const [a, b] = entry.occurrences.map((occurrence) => order.indexOf(occurrence.block));
    expect(a).toBeLessThanOrEqual(b);
  });

  it('leaves places that the report’s own terms explain to them', () => {
    // 创新券 is a report term with one body occurrence; the appendix has the word too.
    const [entry] = userTermEntries([userTerm('x', '创新券')], doc.blocks, reportOccurrences);
    const report = doc.glossary.find((candidate) => candidate.terms.includes('创新券'))!;
    const [taken] = report.occurrences;
    expect(
      entry.occurrences.some(
        (occurrence) => occurrence.block === taken.block && occurrence.start === taken.start,
      ),
    ).toBe(false);
    expect(entry.occurrences.length).toBeGreaterThan(0);
  });

  it('never matches inside a longer number, and skips the title lines', () => {
    const blocks: Block[] = [
      { id: 'b1', kind: 'meta', role: 'title', text: '365工作' },
      { id: 'b2', kind: 'paragraph', text: '13656人，365户' },
    ];
    const [entry] = userTermEntries([userTerm('n', '365')], blocks, []);
    expect(entry.occurrences).toEqual([{ block: 'b2', start: 7, end: 10, term: '365' }]);
  });

  it('a term nowhere in the text is kept, with no occurrences', () => {
    const [entry] = userTermEntries([userTerm('z', '不存在的词')], doc.blocks, []);
    expect(entry.occurrences).toEqual([]);
  });
});

describe('draftProblem', () => {
  const existing = [userTerm('a1', '四换三名')];

  it('accepts a new term with a definition, and an edit of the same term', () => {
    expect(draftProblem({ term: '最多跑一次', definition: '一次办成' }, existing)).toBeNull();
    expect(draftProblem({ id: 'a1', term: '四换三名', definition: '新解释' }, existing)).toBeNull();
  });

  it('refuses empty fields, overlong ones and a second note on the same term', () => {
    expect(draftProblem({ term: '  ', definition: 'x' }, [])).toBe('请填写词语。');
    expect(draftProblem({ term: '词', definition: ' ' }, [])).toBe('请填写解释。');
    expect(draftProblem({ term: '词'.repeat(101), definition: 'x' }, [])).toBe(
      '词语不能超过 100 字。',
    );
    expect(draftProblem({ term: '词', definition: 'x'.repeat(5001) }, [])).toBe(
      '解释不能超过 5000 字。',
    );
    expect(draftProblem({ term: '四换三名', definition: 'x' }, existing)).toBe(
      '“四换三名”已有注释，请编辑原来的那条。',
    );
  });
});
