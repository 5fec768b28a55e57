import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  buildOutlineTree,
  entryForBlock,
  neighbourEntry,
  type OutlineNode,
} from '../../../../src/renderer/features/toc/outline-tree';
import type { OutlineEntry } from '../../../../src/shared/document';
import { reportDocument } from '../fixtures';

const doc = reportDocument();
const outline = doc.outline;
const blockOrder = new Map(doc.blocks.map((block, index) => [block.id, index]));

function flatten(nodes: OutlineNode[]): OutlineEntry[] {
  return nodes.flatMap((node) => [node.entry, ...flatten(node.children)]);
}

function countAtLevel(nodes: OutlineNode[], level: number): number {
  return flatten(nodes).filter((entry) => entry.level === level).length;
}

const entry = (level: 1 | 2 | 3, block: string): OutlineEntry => ({ level, block, title: block });

describe('buildOutlineTree on the bundled report', () => {
  const tree = buildOutlineTree(outline);

  it('has 4 roots: the three parts and the appendix', () => {
    expect(tree.map((node) => node.entry.title)).toEqual([
      '一、2017年工作回顾',
      '二、2018年主要目标任务',
      '三、切实加强政府自身建设',
      '附件：名词解释',
    ]);
    expect(tree.every((node) => node.entry.level === 1)).toBe(true);
  });

  it('has 15 level-2 and 17 level-3 entries, each under a parent one level up', () => {
    expect(countAtLevel(tree, 2)).toBe(15);
    expect(countAtLevel(tree, 3)).toBe(17);
    const check = (nodes: OutlineNode[], parentLevel: number) => {
      for (const node of nodes) {
        expect(node.entry.level).toBe(parentLevel + 1);
        check(node.children, node.entry.level);
      }
    };
    check(tree, 0);
  });

  it('puts the children where they belong', () => {
    expect(tree.map((node) => node.children.length)).toEqual([6, 5, 4, 0]);
    const second = tree[1];
    expect(second.children.map((node) => node.children.length)).toEqual([4, 3, 3, 3, 4]);
    expect(second.children[0].children.map((node) => node.entry.title)).toEqual([
      '强化平台建设',
      '强化内外联动',
      '强化主体培育',
      '强化要素保障',
    ]);
    expect(tree[0].children.every((node) => node.children.length === 0)).toBe(true);
  });

  it('keeps every entry exactly once and in reading order', () => {
    expect(flatten(tree)).toEqual(outline);
  });
});

describe('buildOutlineTree on edge cases', () => {
  it('empty outline → no roots', () => {
    expect(buildOutlineTree([])).toEqual([]);
  });

  it('an outline that starts below level 1 or skips a level stays in order', () => {
    const odd = [entry(2, 'a'), entry(3, 'b'), entry(1, 'c'), entry(3, 'd'), entry(2, 'e')];
    const tree = buildOutlineTree(odd);
    expect(tree.map((node) => node.entry.block)).toEqual(['a', 'c']);
    expect(tree[0].children.map((node) => node.entry.block)).toEqual(['b']);
    expect(tree[1].children.map((node) => node.entry.block)).toEqual(['d', 'e']);
    expect(flatten(tree)).toEqual(odd);
  });
});

describe('ancestorsOf', () => {
  it('a level-3 entry has its level-2 and level-1 parents, outermost first', () => {
    const target = outline.find((e) => e.title === '做优现代服务经济');
    expect(target).toBeDefined();
    const ancestors = ancestorsOf(outline, target!.block);
    const titles = ancestors.map((block) => outline.find((e) => e.block === block)?.title);
    expect(titles).toEqual(['二、2018年主要目标任务', '（二）突出创新驱动，着力提升现代产业能级']);
  });

  it('a level-2 entry has its part; a part and unknown blocks have none', () => {
    const target = outline.find((e) => e.title === '（四）坚持从严治政，提高廉政素养')!;
    expect(ancestorsOf(outline, target.block)).toEqual([
      outline.find((e) => e.title === '三、切实加强政府自身建设')!.block,
    ]);
    expect(ancestorsOf(outline, outline[0].block)).toEqual([]);
    expect(ancestorsOf(outline, 'b999999')).toEqual([]);
  });

  it('agrees with the tree for every entry', () => {
    const tree = buildOutlineTree(outline);
    const walk = (nodes: OutlineNode[], path: string[]) => {
      for (const node of nodes) {
        expect(ancestorsOf(outline, node.entry.block)).toEqual(path);
        walk(node.children, [...path, node.entry.block]);
      }
    };
    walk(tree, []);
  });
});

describe('neighbourEntry', () => {
  it('steps forwards and backwards through the flat outline', () => {
    for (let i = 0; i < outline.length; i++) {
      expect(neighbourEntry(outline, outline[i].block, 1)).toBe(outline[i + 1]);
      expect(neighbourEntry(outline, outline[i].block, -1)).toBe(outline[i - 1]);
    }
  });

  it('from nowhere, forward is the first entry and backward is nothing', () => {
    expect(neighbourEntry(outline, null, 1)).toBe(outline[0]);
    expect(neighbourEntry(outline, null, -1)).toBeUndefined();
  });

  it('past either end is undefined', () => {
    expect(neighbourEntry(outline, outline[outline.length - 1].block, 1)).toBeUndefined();
    expect(neighbourEntry(outline, outline[0].block, -1)).toBeUndefined();
  });
});

describe('entryForBlock', () => {
  it('an entry’s own block maps to that entry', () => {
    for (const e of outline) expect(entryForBlock(outline, blockOrder, e.block)).toBe(e);
  });

  it('a paragraph maps to the last entry at or before it', () => {
    for (const block of doc.blocks) {
      const index = blockOrder.get(block.id)!;
      const expected = [...outline].reverse().find((e) => blockOrder.get(e.block)! <= index);
      expect(entryForBlock(outline, blockOrder, block.id), block.id).toBe(expected);
    }
  });

  it('blocks before the first entry, and unknown blocks, map to nothing', () => {
    expect(entryForBlock(outline, blockOrder, doc.blocks[0].id)).toBeUndefined();
    expect(entryForBlock(outline, blockOrder, 'b999999')).toBeUndefined();
  });

  it('the last block of the report is in the appendix', () => {
    const last = doc.blocks[doc.blocks.length - 1];
    expect(entryForBlock(outline, blockOrder, last.id)?.title).toBe('附件：名词解释');
  });
});
