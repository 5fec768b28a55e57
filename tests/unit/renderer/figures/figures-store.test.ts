/**
 * The 数说报告 panel's store under Node: figures extracted once, on the first
 * opening; the filter and order as the controls set them; a jump that marks
 * the figure and, where the sidebar covers the text, lands the reader there.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseReport } from '../../../../src/core/report/parse-report';
import {
  FiguresStore,
  type FigureNavigation,
} from '../../../../src/renderer/features/figures/figures-store';
import { reportDocument } from '../fixtures';
import { fakeStores } from '../commands/fake-stores';

function navigation(options: { covers?: boolean; found?: boolean } = {}) {
  return {
    mark: vi.fn(() => options.found ?? true),
    unmark: vi.fn(),
    coversText: vi.fn(() => options.covers ?? false),
    landOn: vi.fn(),
  } satisfies FigureNavigation;
}

/** A store with its extraction code loaded, as the panel has it once it shows. */
async function loaded(store: FiguresStore): Promise<FiguresStore> {
  await store.load();
  return store;
}

const made = async () => {
  const nav = navigation();
  return { store: await loaded(new FiguresStore(reportDocument(), nav)), nav };
};

describe('the table', () => {
  it('is extracted on the first opening only, and kept', async () => {
    const store = new FiguresStore(reportDocument(), navigation());
    expect(store.extracted).toBe(false);
    // The extraction code is not in before the panel asks for it.
    expect(() => store.table()).toThrow('数说报告尚未载入');
    const opening = store.load();
    expect(store.load()).toBe(opening);
    const table = await opening;
    expect(store.extracted).toBe(true);
    expect(store.table()).toBe(table);
    expect(await store.load()).toBe(table);
    expect(table.rows).toHaveLength(109);
  });

  it('is the open report’s, not the bundled one’s', async () => {
    const other = parseReport(
      '某区政府工作报告\n一、2017年工作回顾\n全年完成地区生产总值580.5亿元，增长6.8%。\n' +
        '二、2018年工作安排\n地区生产总值增长6.5%左右。\n',
    );
    const store = await loaded(new FiguresStore(other, navigation()));
    expect(store.table().rows.map((row) => row.quantity)).toEqual(['580.5亿元', '6.8%', '6.5%']);
    expect(store.table().comparison.rows.map((row) => row.indicator)).toEqual(['地区生产总值增长']);
  });
});

describe('the rows shown', () => {
  it('are the same array until the filter or the order changes', async () => {
    const { store } = await made();
    const all = store.visibleRows();
    expect(all).toHaveLength(109);
    expect(store.visibleRows()).toBe(all);
    store.select({ period: 'target' });
    const targets = store.visibleRows();
    expect(targets).toHaveLength(55);
    expect(store.visibleRows()).toBe(targets);
    store.sortBy('quantity');
    expect(store.visibleRows()).not.toBe(targets);
    expect(store.visibleRows()).toHaveLength(55);
  });

  it('follow each part of the filter, and an emptied part lets every figure through again', async () => {
    const { store } = await made();
    store.select({ period: 'result', kind: 'money' });
    store.select({ query: '收入' });
    expect(store.getSnapshot().selection).toEqual({
      period: 'result',
      kind: 'money',
      query: '收入',
    });
    expect(store.visibleRows()).toHaveLength(4);
    store.select({ query: '', kind: undefined });
    expect(store.getSnapshot().selection).toEqual({ period: 'result' });
    expect(store.visibleRows()).toHaveLength(54);
  });

  it('sort by a column, then the other way round', async () => {
    const { store } = await made();
    store.sortBy('indicator');
    expect(store.getSnapshot().sort).toEqual({ column: 'indicator', descending: false });
    store.sortBy('indicator');
    expect(store.getSnapshot().sort).toEqual({ column: 'indicator', descending: true });
  });

  it('tell subscribers of a change, and only of a change', async () => {
    const { store } = await made();
    const listener = vi.fn();
    store.subscribe(listener);
    store.select({ period: 'target' });
    expect(listener).toHaveBeenCalledOnce();
    store.select({ period: 'target' });
    expect(listener).toHaveBeenCalledTimes(2); // a new selection object, the same rows
    expect(store.visibleRows()).toHaveLength(55);
  });
});

describe('choosing a figure', () => {
  it('marks its number and unit in its block, and remembers it', async () => {
    const { store, nav } = await made();
    const row = store.table().rows.find((r) => r.quantity === '1164.48亿元')!;
    store.choose(row.figure);
    expect(nav.mark).toHaveBeenCalledWith({ block: 'b8', start: 423, end: 432 });
    expect(
      reportDocument()
        .blocks.find((b) => b.id === 'b8')!
        .text.slice(423, 432),
    ).toBe('1164.48亿元');
    expect(store.getSnapshot().current).toBe(row.id);
    expect(nav.landOn).not.toHaveBeenCalled();
  });

  it('lands the reader in the text where the sidebar covers it', async () => {
    const nav = navigation({ covers: true });
    const store = await loaded(new FiguresStore(reportDocument(), nav));
    store.choose(store.table().rows[0].figure);
    expect(nav.landOn).toHaveBeenCalledWith('b8');
  });

  it('marks nothing when the figure is not in the text on screen', async () => {
    const nav = navigation({ found: false, covers: true });
    const store = await loaded(new FiguresStore(reportDocument(), nav));
    store.choose(store.table().rows[0].figure);
    expect(store.getSnapshot().current).toBeNull();
    expect(nav.landOn).not.toHaveBeenCalled();
  });

  it('clears the mark', async () => {
    const { store, nav } = await made();
    store.choose(store.table().rows[3].figure);
    store.clearMark();
    expect(nav.unmark).toHaveBeenCalledOnce();
    expect(store.getSnapshot().current).toBeNull();
  });
});

describe('the commands', () => {
  it('n opens the 数说报告 panel', () => {
    const stores = fakeStores();
    const command = stores.registry.forKey(
      { key: 'n', ctrlKey: false, metaKey: false, altKey: false },
      { isMac: false, somethingFocused: false, inTextField: false },
    );
    expect(command?.id).toBe('panel.figures');
    command!.perform();
    expect(stores.sidebar.show).toHaveBeenCalledWith('figures');
  });

  it('the exports sit in the 文件 menu', () => {
    const ids = fakeStores()
      .registry.menu()
      .filter((entry) => entry.section === 'file')
      .map((entry) => entry.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'figures.exportCsv',
        'figures.exportFulfilment',
        'figures.exportNotes',
      ]),
    );
  });

  it('目标兑现 exports only while the panel shows a 目标兑现 table', () => {
    const isEnabled = (fulfilment: number) =>
      fakeStores({ fulfilment }).registry.get('figures.exportFulfilment').isEnabled();
    expect(isEnabled(0)).toBe(false);
    expect(isEnabled(1)).toBe(true);
  });
});
