/**
 * The "done when": a revised edition made from the bundled report
 * (a figure corrected, a paragraph inserted, a sentence deleted, a paragraph
 * deleted, a phrase reworded across a page break, a paragraph moved) shows
 * each change once and nothing else, with the notes each one touches; a copy
 * that differs only in layout shows nothing.
 */
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../../src/core/editions/diff-editions';
import { reviewChanges } from '../../../src/core/editions/touched';
import type { EditionChange } from '../../../src/core/editions/types';
import { parseReport } from '../../../src/core/report/parse-report';
import {
  blockWith,
  BOOKMARKS,
  hardWrap,
  DELETED_SENTENCE,
  EXPECTED_IN_ORDER as EXPECTED,
  MOVED_PARAGRAPH,
  NEW,
  NEW_TEXT,
  NOTES,
  OLD,
  OLD_TEXT,
  RAW,
  relayout,
  revise,
} from './fixtures';

/** A change as the reader is told it: kind, blocks, and the words. */
const told = (change: EditionChange) => ({
  kind: change.kind,
  oldBlock: change.oldBlock,
  newBlock: change.newBlock,
  removed: change.removed,
  added: change.added,
});

/** The expected changes for a copy laid out anew: its block ids are its own, the words the same. */
const ANY_NEW_BLOCK = EXPECTED.map((change) =>
  'newBlock' in change ? { ...change, newBlock: expect.stringMatching(/^b\d+$/) } : change,
);

describe('a revised edition of the bundled report', () => {
  const diff = diffEditions(OLD, NEW);

  it('finds each of the six edits once, in the order of the new edition, and nothing else', () => {
    expect(diff.changes.map(told)).toEqual(EXPECTED);
    expect(diff.changes.map((change) => change.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(diff.stats).toEqual({ insert: 1, delete: 1, change: 3, move: 1, relaid: 0 });
  });

  it('points at the changed text in both editions', () => {
    for (const change of diff.changes) {
      const oldSlice = OLD_TEXT.text.slice(change.oldAt.start, change.oldAt.end);
      const newSlice = NEW_TEXT.text.slice(change.newAt.start, change.newAt.end);
      if (change.kind === 'move') {
        expect(oldSlice).toBe(OLD.blocks.find((b) => b.id === change.oldBlock)!.text);
        expect(newSlice).toBe(oldSlice);
      } else {
        expect(oldSlice).toBe(change.removed);
        expect(newSlice).toBe(change.added);
      }
      if (change.old) {
        const block = OLD.blocks.find((b) => b.id === change.old!.block)!;
        expect(block.text.slice(change.old.start, change.old.end)).toBe(
          change.kind === 'move' ? block.text : change.removed,
        );
      }
      if (change.new) {
        const block = NEW.blocks.find((b) => b.id === change.new!.block)!;
        expect(block.text.slice(change.new.start, change.new.end)).toBe(
          change.kind === 'move' ? block.text : change.added,
        );
      }
    }
  });

  it('names the corrected figure', () => {
    expect(diff.changes[0].figure).toEqual({
      label: '地区生产总值',
      before: '1164.48亿元',
      after: '1164.50亿元',
    });
    expect(diff.changes.slice(1).every((change) => change.figure === undefined)).toBe(true);
  });

  it('asks a figure namer passed in (the figures feature) about every change with both sides', () => {
    const asked: string[] = [];
    const named = diffEditions(OLD, NEW, {
      nameFigure: ({ oldText, newText, old, new: now }) => {
        asked.push(`${oldText.slice(old.start, old.end)}→${newText.slice(now.start, now.end)}`);
        return { label: '指标', before: 'x', after: 'y' };
      },
    });
    expect(asked).toEqual(['1164.48→1164.50', '挂牌出让→招标拍卖']);
    expect(named.changes.filter((change) => change.figure).map((change) => change.removed)).toEqual(
      ['1164.48', '挂牌出让'],
    );
  });

  it('the same edits on a re-laid copy are found the same way', () => {
    const relaid = parseReport(relayout(revise(RAW)));
    expect(diffEditions(OLD, relaid).changes.map(told)).toEqual(ANY_NEW_BLOCK);
  });
});

describe('a copy that differs only in layout', () => {
  const copy = relayout(RAW);

  it('really is laid out differently: new page breaks, page numbers, spacing', () => {
    expect(copy).not.toBe(RAW);
    expect(copy).toMatch(/\n— \d+ — \n/u);
    expect(copy).toMatch(/\n第 \d+ 页 \n/u);
    expect(copy).toContain('2017 年');
    // The original page breaks are gone: `完成挂牌` now runs on into `出让` on its line.
    expect(copy).toContain('完成挂牌出让');
  });

  it('shows no change, either way round', () => {
    const relaid = parseReport(copy);
    expect(diffEditions(OLD, relaid).changes).toEqual([]);
    expect(diffEditions(relaid, OLD).changes).toEqual([]);
  });

  it.each([23, 37, 40, 60])('hard-wrapped every %i characters: no change', (width) => {
    const wrapped = parseReport(hardWrap(RAW, width));
    // The wrap really cut some paragraphs into several blocks.
    expect(wrapped.blocks.length).toBeGreaterThan(OLD.blocks.length);
    const diff = diffEditions(OLD, wrapped);
    expect(diff.changes).toEqual([]);
    expect(diff.stats.relaid).toBeGreaterThan(0);
  });

  it.each([23, 37, 40])('hard-wrapped every %i characters and revised: the six edits', (width) => {
    const wrapped = parseReport(hardWrap(revise(RAW), width));
    expect(diffEditions(OLD, wrapped).changes.map(told)).toEqual(ANY_NEW_BLOCK);
  });

  it('a paragraph cut by a page break right after a sentence end (two blocks now) is not a change', () => {
    const at = '地区生产总值增长 7%左右；一般公共预算收入增长';
    const split = parseReport(RAW.replace(at, at.replace('；', '；\n\n— 9 —\n\n')));
    // The parser cannot tell this page break from a paragraph end: two blocks.
    expect(split.blocks.length).toBe(OLD.blocks.length + 1);
    const forward = diffEditions(OLD, split);
    expect(forward.changes).toEqual([]);
    expect(forward.stats.relaid).toBe(1);
    const backward = diffEditions(split, OLD);
    expect(backward.changes).toEqual([]);
    expect(backward.stats.relaid).toBe(1);
  });
});

describe('the notes each change touches', () => {
  const diff = diffEditions(OLD, NEW);
  const review = reviewChanges(diff, OLD, NEW, {
    annotations: Object.values(NOTES),
    bookmarks: Object.values(BOOKMARKS),
  });
  const byKind = (kind: string, removed?: string) =>
    review.changes.find(
      (change) => change.kind === kind && (removed === undefined || change.removed === removed),
    )!;
  const ids = (change: { touched: { id: string }[] }) => change.touched.map((mark) => mark.id);

  it('lists each annotation on a changed passage with its change, and no other', () => {
    expect(ids(byKind('change', '1164.48'))).toEqual(['a-figure']);
    expect(ids(byKind('change', '挂牌出让'))).toEqual(['a-reworded']);
    expect(ids(byKind('delete'))).toEqual(['a-paragraph', 'b-paragraph']);
    expect(ids(byKind('insert'))).toEqual(['a-across']);
    expect(ids(byKind('change', DELETED_SENTENCE))).toEqual(['a-sentence']);
    expect(ids(byKind('move'))).toEqual(['a-moved']);
    const listed = review.changes.flatMap(ids);
    expect(listed).not.toContain('a-beside');
    expect(listed).not.toContain('a-kept');
    expect(listed).not.toContain('b-kept');
  });

  it('says where each touched note anchors in the new edition', () => {
    const now = (id: string) =>
      review.changes.flatMap((change) => change.touched).find((mark) => mark.id === id)!;
    expect(now('a-figure').now.status).toBe('fuzzy');
    expect(now('a-figure').nowBlock).toBe(blockWith(NEW, '1164.50亿元'));
    expect(now('a-moved').now).toMatchObject({ status: 'exact' });
    expect(now('a-moved').nowBlock).toBe(blockWith(NEW, MOVED_PARAGRAPH));
    const moved = now('a-moved').now;
    if (moved.status === 'orphan') throw new Error('moved note lost');
    expect(NEW_TEXT.text.slice(moved.start, moved.end)).toBe('新时代、新思想、新使命');
    expect(now('a-paragraph').now.status).toBe('orphan');
    expect(now('a-paragraph').nowBlock).toBeUndefined();
    expect(now('a-sentence').now.status).toBe('orphan');
    expect(now('a-figure').note).toBe('核对统计公报');
    expect(now('b-paragraph')).toMatchObject({ kind: 'bookmark', note: '致谢' });
  });

  it('puts the changes that touch notes first, each group in the order of the new edition', () => {
    const extra = reviewChanges(diff, OLD, NEW, {
      annotations: [NOTES.moved, NOTES.sentence],
      bookmarks: [],
    });
    expect(extra.touchedChanges).toBe(2);
    expect(extra.changes.map(told)).toEqual([EXPECTED[4], EXPECTED[5], ...EXPECTED.slice(0, 4)]);
  });

  it('takes the anchors a caller already holds for the new edition, asked once per note', () => {
    const asked: string[] = [];
    const held = reviewChanges(
      diff,
      OLD,
      NEW,
      { annotations: [NOTES.moved, NOTES.figure], bookmarks: [] },
      {
        anchorNow: (mark, kind) => {
          asked.push(`${kind}:${mark.id}`);
          return { status: 'exact', start: 1, end: 2 };
        },
      },
    );
    expect(asked.sort()).toEqual(['annotation:a-figure', 'annotation:a-moved']);
    const marks = held.changes.flatMap((change) => change.touched);
    expect(marks.map((mark) => [mark.id, mark.now, mark.nowBlock])).toEqual([
      ['a-figure', { status: 'exact', start: 1, end: 2 }, NEW.blocks[0].id],
      ['a-moved', { status: 'exact', start: 1, end: 2 }, NEW.blocks[0].id],
    ]);
  });

  it('anchors afresh a note the caller holds no anchor for', () => {
    const held = reviewChanges(
      diff,
      OLD,
      NEW,
      { annotations: [NOTES.moved, NOTES.figure], bookmarks: [] },
      {
        anchorNow: (mark) =>
          mark.id === 'a-moved' ? { status: 'exact', start: 1, end: 2 } : undefined,
      },
    );
    const marks = held.changes.flatMap((change) => change.touched);
    expect(marks.find((mark) => mark.id === 'a-moved')!.now).toEqual({
      status: 'exact',
      start: 1,
      end: 2,
    });
    const figure = marks.find((mark) => mark.id === 'a-figure')!.now;
    if (figure.status === 'orphan') throw new Error('the corrected figure’s note was lost');
    expect(figure.status).toBe('fuzzy');
    expect(NEW_TEXT.text.slice(figure.start, figure.end)).toBe('地区生产总值1164.50亿元');
  });

  it('with no notes, the order is the new edition’s', () => {
    const bare = reviewChanges(diff, OLD, NEW, { annotations: [], bookmarks: [] });
    expect(bare.touchedChanges).toBe(0);
    expect(bare.changes.map((change) => change.id)).toEqual(
      diff.changes.map((change) => change.id),
    );
  });
});
