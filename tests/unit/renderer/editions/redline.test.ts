/**
 * Where each change is in the new edition's text: the words put in, the
 * place words were taken from (the characters on each side), the paragraph
 * after a deleted one; and the redline's marks for all of them.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../../src/core/report/doc-text';
import { changePlace, redlineOf } from '../../../../src/renderer/features/editions/redline';
import { DELETED_SENTENCE, INSERTED, MOVED_PARAGRAPH } from '../../editions/fixtures';
import { changeOf, COMPARISON, NEW, NEW_DOC } from './comparison';

const textOf = (block: string) => NEW.blocks.find((candidate) => candidate.id === block)!.text;
const marked = (span: { block: string; start: number; end: number }) =>
  textOf(span.block).slice(span.start, span.end);

describe('changePlace', () => {
  it('marks the words put in where they are', () => {
    const place = changePlace(changeOf('change', '1164.48'), NEW_DOC)!;
    expect(place.added).toBe(true);
    expect(place.spans.map(marked)).toEqual(['1164.50']);
  });

  it('marks a whole paragraph put in', () => {
    const place = changePlace(changeOf('insert'), NEW_DOC)!;
    expect(place.spans.map(marked)).toEqual([INSERTED]);
    expect(place.block).toBe(changeOf('insert').newBlock);
  });

  it('marks the characters on each side of where a sentence was taken out', () => {
    const change = changeOf('change', DELETED_SENTENCE);
    const place = changePlace(change, NEW_DOC)!;
    expect(place.added).toBe(false);
    expect(place.spans.map(marked)).toEqual(['。实']);
    expect(textOf(place.block)).toContain('新增停车位5000个。实施西片电网');
  });

  it('marks the start of the paragraph that now follows a deleted one', () => {
    const change = changeOf('delete');
    const place = changePlace(change, NEW_DOC)!;
    expect(place.spans).toEqual([{ block: place.block, start: 0, end: 1 }]);
    const index = NEW_DOC.indexOf.get(place.block)!;
    expect(NEW_DOC.starts[index]).toBe(change.newAt.start);
  });

  it('marks a moved paragraph where it is now', () => {
    const place = changePlace(changeOf('move'), NEW_DOC)!;
    expect(place.spans.map(marked)[0].startsWith(MOVED_PARAGRAPH)).toBe(true);
  });

  it('a paragraph deleted at the very end marks the end of the last one', () => {
    const doc = documentText([
      { id: 'p1', kind: 'paragraph', text: '第一段。' },
      { id: 'p2', kind: 'paragraph', text: '第二段。' },
    ]);
    const change = {
      ...changeOf('delete'),
      newAt: { start: doc.text.length, end: doc.text.length },
    };
    expect(changePlace(change, doc)).toEqual({
      spans: [{ block: 'p2', start: 3, end: 4 }],
      block: 'p2',
      added: false,
    });
    expect(redlineOf([change], doc).blocks.get('p2')).toEqual(new Set(['deleted-after']));
  });

  it('answers null for a change that is not in this text (another edition on screen)', () => {
    const tiny = documentText([{ id: 'p1', kind: 'paragraph', text: '短。' }]);
    expect(changePlace(changeOf('insert'), tiny)).toBeNull();
  });
});

describe('redlineOf', () => {
  const redline = redlineOf(COMPARISON.changes, NEW_DOC);

  it('underlines every word put in, and nothing taken out', () => {
    expect(redline.added.map(marked)).toEqual(
      expect.arrayContaining(['1164.50', '招标拍卖', INSERTED]),
    );
    expect(redline.added).toHaveLength(3);
  });

  it('marks where words were taken out of a paragraph', () => {
    expect(redline.removed.map(marked)).toEqual(['。实']);
  });

  it('puts a mark in the margin of each paragraph, by what happened to it', () => {
    const byMark = (mark: string) =>
      [...redline.blocks].filter(([, marks]) => marks.has(mark as never)).map(([block]) => block);
    expect(byMark('inserted')).toEqual([changeOf('insert').newBlock]);
    expect(byMark('moved')).toEqual([changeOf('move').newBlock]);
    expect(byMark('changed').sort()).toEqual(
      [
        changeOf('change', '1164.48').newBlock,
        changeOf('change', '挂牌').newBlock,
        changeOf('change', DELETED_SENTENCE).newBlock,
      ].sort(),
    );
    expect(byMark('deleted-before')).toHaveLength(1);
  });
});
