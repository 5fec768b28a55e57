/** What the 修订对照 list says: the summary, a touched note's title and place now, long text cut. */
import { describe, expect, it } from 'vitest';
import {
  changeLabel,
  comparisonSummary,
  isLong,
  markTitle,
  markWhere,
  shownText,
} from '../../../../src/renderer/features/editions/change-view';
import { changesFile } from '../../../../src/renderer/features/editions/edition-files';
import { DEFAULT_COLOR_NAMES } from '../../../../src/shared/user-data';
import { changeOf, COMPARISON, NEW, UNTOUCHED } from './comparison';

describe('comparisonSummary', () => {
  it('counts the changes by kind and those touching my notes', () => {
    expect(comparisonSummary(COMPARISON)).toBe(
      '共 6 处修改（改动 3、新增段落 1、删除段落 1、段落移动 1），其中 6 处涉及我的批注或书签',
    );
    expect(comparisonSummary(UNTOUCHED)).toMatch(/没有一处涉及我的批注或书签$/);
    expect(comparisonSummary({ ...UNTOUCHED, changes: [], touchedChanges: 0 })).toBe(
      '两版文字相同（版式差异不计）',
    );
  });
});

describe('touched notes', () => {
  const figureNote = changeOf('change', '1164.48').touched[0];
  const bookmark = changeOf('delete').touched.find((mark) => mark.kind === 'bookmark')!;

  it('are titled by kind and colour name, or by the bookmark’s name', () => {
    expect(markTitle(figureNote, DEFAULT_COLOR_NAMES)).toBe(`批注 · ${DEFAULT_COLOR_NAMES.c2}`);
    expect(markTitle(figureNote, { ...DEFAULT_COLOR_NAMES, c2: '核实' })).toBe('批注 · 核实');
    expect(markTitle(bookmark, DEFAULT_COLOR_NAMES)).toBe('书签 · 致谢');
  });

  it('say where they anchor now, or that they can no longer be placed', () => {
    expect(markWhere(figureNote)).toBe('现在位于 一（一）第1段 · 近似定位（文字有改动）');
    expect(markWhere(bookmark)).toBe('新版中已无法定位（已列入未能定位）');
    const moved = changeOf('move').touched[0];
    expect(markWhere(moved)).toMatch(/^现在位于 三（四）第3段 · 原文仍在$/);
  });
});

describe('long text', () => {
  it('a paragraph put in or taken out is cut until expanded; a changed word never is', () => {
    const deleted = changeOf('delete');
    expect(isLong(deleted)).toBe(true);
    expect(shownText(deleted.removed, false)).toHaveLength(89);
    expect(shownText(deleted.removed, false)).toContain('…');
    expect(shownText(deleted.removed, true)).toBe(deleted.removed);
    expect(isLong(changeOf('change', '1164.48'))).toBe(false);
  });

  it('names the whole change for a screen reader', () => {
    expect(changeLabel(changeOf('change', '挂牌'))).toBe(
      '一（二）第1段，删去“挂牌出让”，新增“招标拍卖”，涉及 1 条批注或书签',
    );
  });
});

describe('the Markdown export', () => {
  it('is named for the report on the 书架 and its two editions, and lists touched changes first', () => {
    const edition = (id: string, fileName: string) => ({
      id,
      fileName,
      format: 'text' as const,
      added: '2026-03-01T08:00:00Z',
    });
    const file = changesFile(COMPARISON, NEW, DEFAULT_COLOR_NAMES, {
      now: new Date('2026-03-01T08:00:00Z'),
      editionNames: { old: '征求意见稿.txt', new: '终稿.txt' },
      entry: {
        title: '2018年海曙区政府工作报告',
        editions: [
          edition(COMPARISON.oldVersion, '征求意见稿.txt'),
          edition(COMPARISON.newVersion, '终稿.txt'),
        ],
      },
    });
    expect(file.fileName).toBe('2018年海曙区政府工作报告-修订对照-征求意见稿→终稿.md');
    expect(file.mimeType).toBe('text/markdown;charset=utf-8');
    const touchedAt = file.content.indexOf('## 涉及我的批注和书签');
    expect(touchedAt).toBeGreaterThan(0);
    expect(file.content).toContain('数字变化：地区生产总值 1164.48亿元 → 1164.50亿元');
    expect(file.content).toContain('核对统计公报');
    expect(file.content).toContain('旧版：征求意见稿.txt → 新版：终稿.txt');
  });
});
