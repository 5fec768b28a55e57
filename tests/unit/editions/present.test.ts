/**
 * A comparison made readable without either edition at hand: each change's
 * place as a delegate cites it, the words around a change inside a
 * paragraph, and where each touched note is now; the Markdown made from it.
 */
import { describe, expect, it } from 'vitest';
import { comparisonMarkdown } from '../../../src/core/editions/changes-markdown';
import { compareEditions } from '../../../src/core/editions/compare';
import { contextAround } from '../../../src/core/editions/present';
import { BOOKMARKS, EXPECTED, MOVED_PARAGRAPH, NEW, NOTES, OLD } from './fixtures';

const comparison = compareEditions(OLD, NEW, {
  annotations: Object.values(NOTES),
  bookmarks: Object.values(BOOKMARKS),
});
const byKind = (kind: string, removed = '') =>
  comparison.changes.find((change) => change.kind === kind && change.removed.includes(removed))!;

describe('presentReview', () => {
  it('says where each change is, as a delegate cites it', () => {
    expect(byKind('change', '1164.48').place).toBe('一（一）第1段');
    expect(byKind('delete').place).toBe('原一（六）第2段');
    expect(byKind('insert').place).toBe('二第2段');
    expect(byKind('move').place).toBe('由原三第1段移至三（四）第3段');
  });

  it('gives the words around a change inside a paragraph, from the new text', () => {
    const figure = byKind('change', '1164.48');
    expect(figure.before).toMatch(/地区生产总值$/);
    expect(figure.before.startsWith('…')).toBe(true);
    expect(figure.after).toMatch(/^亿元，同比增长6\.3%/);
    const text = NEW.blocks.find((block) => block.id === EXPECTED.figure.newBlock)!.text;
    expect(text).toContain(figure.before.slice(1) + figure.added + figure.after.replace(/…$/, ''));
    for (const kind of ['insert', 'delete']) {
      expect(byKind(kind)).toMatchObject({ before: '', after: '' });
    }
    expect(byKind('move')).toMatchObject({ before: '', after: `${MOVED_PARAGRAPH.slice(0, 24)}…` });
  });

  it('gives each touched note its place now, and none to an orphan', () => {
    const moved = byKind('move').touched[0];
    expect(moved.id).toBe('a-moved');
    expect(moved.nowPlace).toBe(byKind('move').place.replace(/^.*移至/, ''));
    const orphan = byKind('delete').touched.find((mark) => mark.id === 'a-paragraph')!;
    expect(orphan.now.status).toBe('orphan');
    expect(orphan.nowPlace).toBeUndefined();
  });

  it('cuts the context with … only where the text goes on', () => {
    expect(contextAround('一二三四五六', 2, 3, 2)).toEqual({ before: '一二', after: '四五…' });
    expect(contextAround('一二三四五六', 1, 2, 4)).toEqual({ before: '一', after: '三四五六' });
    expect(contextAround('一二三四五六七八', 6, 6, 3)).toEqual({
      before: '…四五六',
      after: '七八',
    });
  });
});

describe('comparisonMarkdown', () => {
  it('needs neither edition: the places come with the comparison', () => {
    const markdown = comparisonMarkdown(comparison, NEW, { now: new Date(0) });
    expect(markdown).toContain('## 涉及我的批注和书签');
    expect(markdown).toContain('数字变化：地区生产总值 1164.48亿元 → 1164.50亿元');
    expect(markdown).toContain(`### 3. 删除段落 · 原一（六）第2段`);
    expect(markdown).toContain(`现在位于 ${byKind('move').touched[0].nowPlace}，原文仍在`);
  });
});
