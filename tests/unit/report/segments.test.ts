import { describe, expect, it } from 'vitest';
import {
  segmentBlock,
  squeezedPunctuation,
  termSpansByBlock,
  underlineStart,
  type Segment,
  type TermSpan,
} from '../../../src/core/report/segments';
import type { Block } from '../../../src/shared/document';
import { reportDocument } from '../renderer/fixtures';

type Marks = Pick<Block, 'text' | 'lead' | 'emphasis'>;

/** Properties every segmentation must have, whatever the marks. */
function expectWellFormed(block: Marks, segments: Segment[]): void {
  expect(segments.map((segment) => segment.text).join('')).toBe(block.text);
  for (const segment of segments) expect(segment.text.length).toBeGreaterThan(0);
  // Neighbours differ in their marks: otherwise they should have been one run.
  for (let i = 1; i < segments.length; i++) {
    const [a, b] = [segments[i - 1], segments[i]];
    expect(a.lead !== b.lead || a.emphasis !== b.emphasis, `runs ${i - 1} and ${i}`).toBe(true);
  }
  // Each character's marks match the block's marks.
  let at = 0;
  for (const segment of segments) {
    for (let i = 0; i < segment.text.length; i++, at++) {
      const lead = block.lead !== undefined && at < block.lead;
      const emphasis = (block.emphasis ?? []).some((span) => span.start <= at && at < span.end);
      expect({ at, lead: segment.lead, emphasis: segment.emphasis }).toEqual({
        at,
        lead,
        emphasis,
      });
    }
  }
}

describe('segmentBlock', () => {
  it('plain text is one unmarked run', () => {
    const block = { text: '各位代表：' };
    expect(segmentBlock(block)).toEqual([{ text: '各位代表：', lead: false, emphasis: false }]);
  });

  it('empty text gives no segments', () => {
    expect(segmentBlock({ text: '' })).toEqual([]);
    expect(segmentBlock({ text: '', lead: 0, emphasis: [{ start: 0, end: 0 }] })).toEqual([]);
  });

  it('a lead splits off the run-in head', () => {
    const block = { text: '强化平台建设。推进园区整合。', lead: 7 };
    expect(segmentBlock(block)).toEqual([
      { text: '强化平台建设。', lead: true, emphasis: false },
      { text: '推进园区整合。', lead: false, emphasis: false },
    ]);
  });

  it('lead and emphasis overlapping give the right marks on every run', () => {
    // lead covers [0, 6); emphasis [3, 10) starts inside the lead and ends after it.
    const block: Marks = {
      text: '（一）融合发展平稳推进。全年实现',
      lead: 6,
      emphasis: [{ start: 3, end: 10 }],
    };
    const segments = segmentBlock(block);
    expect(segments).toEqual([
      { text: '（一）', lead: true, emphasis: false },
      { text: '融合发', lead: true, emphasis: true },
      { text: '展平稳推', lead: false, emphasis: true },
      { text: '进。全年实现', lead: false, emphasis: false },
    ]);
    expectWellFormed(block, segments);
  });

  it('emphasis exactly covering the lead is one run', () => {
    const block: Marks = {
      text: '做大智能产业集群。其余',
      lead: 9,
      emphasis: [{ start: 0, end: 9 }],
    };
    expect(segmentBlock(block)).toEqual([
      { text: '做大智能产业集群。', lead: true, emphasis: true },
      { text: '其余', lead: false, emphasis: false },
    ]);
  });

  it('several and adjacent emphasis spans', () => {
    const block: Marks = {
      text: 'abcdefghij',
      emphasis: [
        { start: 1, end: 3 },
        { start: 3, end: 5 },
        { start: 7, end: 10 },
      ],
    };
    const segments = segmentBlock(block);
    expectWellFormed({ ...block }, mergeRuns(segments));
    expect(segments.map((segment) => segment.text).join('')).toBe(block.text);
    expect(
      segments
        .filter((segment) => segment.emphasis)
        .map((s) => s.text)
        .join(''),
    ).toBe('bcdehij');
  });

  it('a lead of 0 or of the whole text', () => {
    expect(segmentBlock({ text: 'abc', lead: 0 })).toEqual([
      { text: 'abc', lead: false, emphasis: false },
    ]);
    expect(segmentBlock({ text: 'abc', lead: 3 })).toEqual([
      { text: 'abc', lead: true, emphasis: false },
    ]);
  });

  it('out-of-range marks are clipped, not crashing or inventing text', () => {
    const block: Marks = { text: 'abcdef', lead: 99, emphasis: [{ start: 4, end: 50 }] };
    const segments = segmentBlock(block);
    expect(segments.map((segment) => segment.text).join('')).toBe('abcdef');
    expect(segments).toEqual([
      { text: 'abcd', lead: true, emphasis: false },
      { text: 'ef', lead: true, emphasis: true },
    ]);
  });

  it('keeps surrogate pairs whole when marks are on code point boundaries', () => {
    const block: Marks = { text: '😀报告😀', emphasis: [{ start: 2, end: 4 }] };
    expect(segmentBlock(block).map((segment) => segment.text)).toEqual(['😀', '报告', '😀']);
  });

  it('every block of the bundled report segments back to its text, with no empty runs', () => {
    const doc = reportDocument();
    const marked = doc.blocks.filter((block) => block.lead !== undefined || block.emphasis);
    expect(marked.length).toBeGreaterThan(10);
    for (const block of doc.blocks) {
      const segments = segmentBlock(block);
      expect(segments.map((segment) => segment.text).join(''), block.id).toBe(block.text);
      for (const segment of segments) expect(segment.text, block.id).not.toBe('');
    }
    for (const block of marked) expectWellFormed(block, mergeRuns(segmentBlock(block)));
  });
});

describe('segmentBlock with glossary terms', () => {
  it('a term inside plain text is its own run, carrying the occurrence', () => {
    const term: TermSpan = { start: 2, end: 4, entry: 'g2', index: 0 };
    expect(segmentBlock({ text: '推进三品工程' }, [term])).toEqual([
      { text: '推进', lead: false, emphasis: false },
      { text: '三品', lead: false, emphasis: false, term },
      { text: '工程', lead: false, emphasis: false },
    ]);
  });

  it('a term crossing the end of the lead and into emphasis keeps every mark', () => {
    const term: TermSpan = { start: 3, end: 9, entry: 'g7', index: 1 };
    const block: Marks = { text: 'abcdefghijkl', lead: 5, emphasis: [{ start: 7, end: 12 }] };
    const segments = segmentBlock(block, [term]);
    expect(segments.map((s) => [s.text, s.lead, s.emphasis, s.term?.entry])).toEqual([
      ['abc', true, false, undefined],
      ['de', true, false, 'g7'],
      ['fg', false, false, 'g7'],
      ['hi', false, true, 'g7'],
      ['jkl', false, true, undefined],
    ]);
    // Every run of the term points at the very same span, so renderers can group them.
    expect(new Set(segments.filter((s) => s.term).map((s) => s.term)).size).toBe(1);
    expect(segments.map((s) => s.text).join('')).toBe(block.text);
  });

  it('adjacent terms stay apart', () => {
    const a: TermSpan = { start: 1, end: 5, entry: 'g4', index: 0 };
    const b: TermSpan = { start: 7, end: 11, entry: 'g4', index: 1 };
    const segments = segmentBlock({ text: '“隐形冠军”“单打冠军”' }, [a, b]);
    expect(segments.map((s) => [s.text, s.term?.index])).toEqual([
      ['“', undefined],
      ['隐形冠军', 0],
      ['”“', undefined],
      ['单打冠军', 1],
      ['”', undefined],
    ]);
  });

  it('termSpansByBlock numbers each entry’s occurrences in reading order', () => {
    const doc = reportDocument();
    const spans = termSpansByBlock(doc.glossary);
    const all = [...spans.values()].flat();
    expect(all).toHaveLength(11);
    const g4 = all.filter((span) => span.entry === 'g4');
    expect(g4.map((span) => span.index)).toEqual([0, 1]);
    for (const [id, list] of spans) {
      const block = doc.blocks.find((candidate) => candidate.id === id)!;
      const segments = segmentBlock(block, list);
      expect(segments.map((s) => s.text).join('')).toBe(block.text);
      expect(new Set(segments.flatMap((s) => (s.term ? [s.term] : []))).size).toBe(list.length);
    }
  });
});

/** Joins neighbours with equal marks (adjacent spans may legitimately be cut). */
function mergeRuns(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.lead === segment.lead && last.emphasis === segment.emphasis) {
      merged[merged.length - 1] = { ...last, text: last.text + segment.text };
    } else merged.push({ ...segment });
  }
  return merged;
}

describe('squeezedPunctuation and underlineStart', () => {
  it('picks the marks whose blank half faces a character, not another mark or an edge', () => {
    const text = '实施“十三五”规划，“凤凰行动”。镇（乡）街道';
    expect(squeezedPunctuation(text).map((i) => text[i] + i)).toEqual(['“2', '”6', '（18', '）20']);
    expect(squeezedPunctuation('“开头')).toEqual([]);
    expect(squeezedPunctuation('结尾”')).toEqual([]);
    expect(squeezedPunctuation('a “b” c')).toEqual([]);
  });

  it('starts a term’s line after its opening quotes, and never empties it', () => {
    expect(underlineStart('加快“365”产业投资导向目录', { start: 2, end: 12 })).toBe(3);
    expect(underlineStart('三品', { start: 0, end: 2 })).toBe(0);
    expect(underlineStart('“', { start: 0, end: 1 })).toBe(0);
  });

  it('cuts runs where asked, though no mark changes there', () => {
    expect(segmentBlock({ text: '“365”产业' }, [], [1]).map((s) => s.text)).toEqual([
      '“',
      '365”产业',
    ]);
  });
});
