/**
 * Highlighting words already highlighted (core/annotations/highlight-again.ts):
 * the rule on its own, then through the contract handlers, where the app and
 * browser mode make annotations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  outcomeOf,
  planHighlight,
  type HighlightRequest,
} from '../../../src/core/annotations/highlight-again';
import type { Result, ServiceHandlers } from '../../../src/shared/api';
import type { Anchor, Anchored, Annotation } from '../../../src/shared/user-data';
import { bundledHandlers } from '../../support/report-handlers';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { annotation, REPORT, rangeOf } from './helpers';

const TEXT = '一二三四五六七八九十 甲乙丙丁\n戊己庚辛';

const placed = (
  n: number,
  anchor: Anchor,
  changes: Partial<Annotation> = {},
): Anchored<Annotation> => ({ ...annotation(n, { note: '', tags: [], ...changes }), anchor });

const at = (start: number, end: number): Anchor => ({ status: 'exact', start, end });

const plan = (existing: Anchored<Annotation>[], request: HighlightRequest) =>
  planHighlight(TEXT, existing, request);

describe('planHighlight', () => {
  const highlight = placed(1, at(2, 6), { color: 'c1' });

  it('new words are added', () => {
    expect(plan([], { start: 2, end: 6, color: 'c1' })).toEqual({ kind: 'add' });
  });

  it('the same words in the same colour add nothing', () => {
    expect(plan([highlight], { start: 2, end: 6, color: 'c1' })).toEqual({
      kind: 'unchanged',
      id: 'a1',
    });
  });

  it('the same words in another colour recolour the highlight', () => {
    expect(plan([highlight], { start: 2, end: 6, color: 'c3' })).toEqual({
      kind: 'recolour',
      id: 'a1',
    });
  });

  it('an empty note or blank note is no content: still the same highlight', () => {
    expect(plan([highlight], { start: 2, end: 6, color: 'c1', note: '  ', tags: [] })).toEqual({
      kind: 'unchanged',
      id: 'a1',
    });
  });

  it('a note or tags on highlighted words are added: notes are content of their own', () => {
    expect(plan([highlight], { start: 2, end: 6, color: 'c1', note: '问进度' })).toEqual({
      kind: 'add',
    });
    expect(plan([highlight], { start: 2, end: 6, color: 'c1', tags: ['城建'] })).toEqual({
      kind: 'add',
    });
  });

  it('a selection that only overlaps, contains or sits inside a highlight is a highlight of its own', () => {
    for (const [start, end] of [
      [3, 6],
      [2, 7],
      [1, 6],
      [4, 5],
      [6, 9],
    ]) {
      expect(plan([highlight], { start, end, color: 'c1' })).toEqual({ kind: 'add' });
    }
  });

  it('blanks at either end do not make another passage (a drag that took in the space or line break)', () => {
    const words = placed(2, at(11, 15), { color: 'c2' });
    expect(plan([words], { start: 10, end: 16, color: 'c2' })).toEqual({
      kind: 'unchanged',
      id: 'a2',
    });
    const withBlanks = placed(3, at(10, 16), { color: 'c2' });
    expect(plan([withBlanks], { start: 11, end: 15, color: 'c2' })).toEqual({
      kind: 'unchanged',
      id: 'a3',
    });
  });

  it('an orphan (its words gone from this text) is never taken for these words', () => {
    const orphan = placed(4, { status: 'orphan' }, { color: 'c1' });
    expect(plan([orphan], { start: 2, end: 6, color: 'c1' })).toEqual({ kind: 'add' });
  });

  it('a fuzzy anchor on exactly these words counts: it is shown on them', () => {
    const fuzzy = placed(5, { status: 'fuzzy', start: 2, end: 6 }, { color: 'c1' });
    expect(plan([fuzzy], { start: 2, end: 6, color: 'c1' })).toEqual({
      kind: 'unchanged',
      id: 'a5',
    });
  });

  it('a note and a highlight on the same words: a colour either has changes nothing; another recolours the plain highlight', () => {
    const note = placed(6, at(2, 6), { color: 'c2', note: '会上问' });
    const plain = placed(7, at(2, 6), { color: 'c1' });
    expect(plan([note, plain], { start: 2, end: 6, color: 'c2' })).toEqual({
      kind: 'unchanged',
      id: 'a6',
    });
    expect(plan([note, plain], { start: 2, end: 6, color: 'c4' })).toEqual({
      kind: 'recolour',
      id: 'a7',
    });
    expect(plan([note], { start: 2, end: 6, color: 'c4' })).toEqual({ kind: 'recolour', id: 'a6' });
  });
});

describe('outcomeOf', () => {
  const before = [{ id: 'a1', color: 'c1' as const }];
  it('tells a new annotation, an unchanged one and a recoloured one apart', () => {
    expect(outcomeOf(before, { id: 'a2', color: 'c1' })).toBe('added');
    expect(outcomeOf(before, { id: 'a1', color: 'c1' })).toBe('unchanged');
    expect(outcomeOf(before, { id: 'a1', color: 'c5' })).toBe('recoloured');
  });
});

describe('through the contract handlers', () => {
  let dir: string;
  let handlers: ServiceHandlers;
  const ok = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
    return result.value;
  };
  const stored = async () => ok(await handlers.getUserData(undefined)).annotations;

  beforeEach(async () => {
    dir = await makeTempDir('highlight-again');
    handlers = await bundledHandlers(dir, REPORT);
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it('highlighting the same words twice keeps one annotation, also after a restart and in the 发言提纲', async () => {
    const range = rangeOf('污水零直排区');
    const first = ok(await handlers.createAnnotation({ ...range, color: 'c1' }));
    const again = ok(await handlers.createAnnotation({ ...range, color: 'c1' }));
    expect(again).toEqual(first);
    handlers = await bundledHandlers(dir, REPORT);
    expect(await stored()).toEqual([first]);
    const notes = ok(await handlers.exportAnnotations({ format: 'md' })).content;
    expect(notes.split('污水零直排区').length - 1).toBe(1);
  });

  it('another colour recolours the one highlight; a note on it is added beside it', async () => {
    const range = rangeOf('民生实事');
    const first = ok(await handlers.createAnnotation({ ...range, color: 'c1' }));
    const recoloured = ok(await handlers.createAnnotation({ ...range, color: 'c4' }));
    expect(recoloured).toMatchObject({ id: first.id, color: 'c4', created: first.created });
    const note = ok(await handlers.createAnnotation({ ...range, color: 'c4', note: '问进度' }));
    expect(note.id).not.toBe(first.id);
    handlers = await bundledHandlers(dir, REPORT);
    expect((await stored()).map((a) => [a.id, a.color, a.note])).toEqual([
      [first.id, 'c4', ''],
      [note.id, 'c4', '问进度'],
    ]);
  });

  it('a selection one character longer than a highlight is a highlight of its own', async () => {
    const range = rangeOf('民生实事');
    ok(await handlers.createAnnotation({ ...range, color: 'c1' }));
    ok(await handlers.createAnnotation({ ...range, end: range.end + 1, color: 'c1' }));
    expect(await stored()).toHaveLength(2);
  });
});
