/**
 * Where each change is in the new edition's text: the words put in, the
 * place words were taken from (the characters on each side), the paragraph
 * after a deleted one; and the redline's marks for all of them.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../../src/core/report/doc-text';
import {
  changePlace,
  redlineOf,
  removedText,
  REMOVED_PARAGRAPH_SHOWN,
  REMOVED_WORDS_SHOWN,
  type Removal,
} from '../../../../src/renderer/features/editions/redline';
import {
  DELETED_PARAGRAPH,
  DELETED_SENTENCE,
  FIGURE,
  INSERTED,
  MOVED_PARAGRAPH,
} from '../../editions/fixtures';
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
    const redline = redlineOf([change], doc);
    expect(redline.blocks.get('p2')).toEqual(new Set(['deleted-after']));
    expect(redline.removals).toEqual([
      { block: 'p2', where: 'after', at: 0, text: change.removed },
    ]);
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

  /** The block's text with each of its words taken out put back, as [-words-], where it says. */
  const withRemovals = (block: string, removals: readonly Removal[]) => {
    let text = textOf(block);
    for (const removal of [...removals].reverse()) {
      if (removal.block !== block || removal.where !== 'words') continue;
      text = `${text.slice(0, removal.at)}[-${removal.text}-]${text.slice(removal.at)}`;
    }
    return text;
  };

  it('puts every word taken out where it was, before the words put in for it', () => {
    const sentence = changeOf('change', DELETED_SENTENCE);
    expect(withRemovals(sentence.newBlock!, redline.removals)).toContain(
      `新增停车位5000个。[-${DELETED_SENTENCE}-]实施西片电网`,
    );
    // A figure goes whole, before the figure that replaces it.
    const figure = changeOf('change', '1164.48');
    expect(withRemovals(figure.newBlock!, redline.removals)).toContain(
      `地区生产总值[-1164.48-]${FIGURE.to}`,
    );
    const reworded = changeOf('change', '挂牌');
    expect(withRemovals(reworded.newBlock!, redline.removals)).toContain(
      `完成[-${reworded.removed}-]${reworded.added}`,
    );
  });

  it('puts a paragraph taken out before the paragraph that now follows it', () => {
    const deleted = changeOf('delete');
    const paragraphs = redline.removals.filter((removal) => removal.where !== 'words');
    expect(paragraphs).toEqual([
      {
        block: changePlace(deleted, NEW_DOC)!.block,
        where: 'before',
        at: 0,
        text: DELETED_PARAGRAPH,
      },
    ]);
  });

  it('shows nothing taken out for a paragraph put in or moved, one removal a change otherwise', () => {
    expect(redline.removals).toHaveLength(4);
    const removedBy = COMPARISON.changes
      .filter((change) => change.removed !== '')
      .map((change) => change.removed);
    expect(redline.removals.map((removal) => removal.text)).toEqual(removedBy);
  });

  it('keeps the text order of words taken out at one place', () => {
    const doc = documentText([{ id: 'p1', kind: 'paragraph', text: '甲乙丙。' }]);
    const change = (id: string, removed: string) => ({
      ...changeOf('change'),
      id,
      removed,
      added: '',
      newAt: { start: 1, end: 1 },
    });
    expect(redlineOf([change('c1', '一'), change('c2', '二')], doc).removals).toEqual([
      { block: 'p1', where: 'words', at: 1, text: '一' },
      { block: 'p1', where: 'words', at: 1, text: '二' },
    ]);
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

describe('removedText', () => {
  it('shows words taken out whole up to a long sentence, and a paragraph up to some four lines', () => {
    const words = '删'.repeat(REMOVED_WORDS_SHOWN);
    expect(removedText({ where: 'words', text: words })).toEqual({ shown: words, cut: false });
    const paragraph = '段'.repeat(REMOVED_PARAGRAPH_SHOWN);
    expect(removedText({ where: 'before', text: paragraph })).toEqual({
      shown: paragraph,
      cut: false,
    });
  });

  it('shows a longer one as its start … its end, no longer than the limit', () => {
    const text = `${'始'.repeat(200)}${'末'.repeat(100)}`;
    const { shown, cut } = removedText({ where: 'before', text });
    expect(cut).toBe(true);
    expect([...shown]).toHaveLength(REMOVED_PARAGRAPH_SHOWN);
    expect(shown).toMatch(/^始+…末+$/);
    expect(shown.split('…')[0].length).toBeGreaterThan(shown.split('…')[1].length);
    const words = removedText({ where: 'words', text });
    expect([...words.shown]).toHaveLength(REMOVED_WORDS_SHOWN);
  });

  it('never cuts a character of two UTF-16 units in half', () => {
    const text = '𠀀'.repeat(REMOVED_WORDS_SHOWN + 1);
    const { shown } = removedText({ where: 'words', text });
    expect(shown.replace('…', '')).toMatch(/^(𠀀)+$/u);
  });
});
