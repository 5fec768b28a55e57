/**
 * The 修订对照 store under Node: a comparison shown with nothing marked; a
 * jump that marks the change and, where the sidebar covers the text, lands
 * the reader there; stepping in the list's order, round the end; the
 * redline on and off; and a comparison whose new edition is not on screen
 * listed but never marked in the wrong text.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  EditionsStore,
  type EditionNavigation,
} from '../../../../src/renderer/features/editions/editions-store';
import { changeOf, COMPARISON, NEW, OLD } from './comparison';

function navigation(options: { covers?: boolean; found?: boolean } = {}) {
  return {
    mark: vi.fn((change: { newBlock?: string }) =>
      (options.found ?? true) ? (change.newBlock ?? 'b1') : null,
    ),
    unmark: vi.fn(),
    redline: vi.fn(),
    coversText: vi.fn(() => options.covers ?? false),
    landOn: vi.fn(),
  } satisfies EditionNavigation;
}

function made(options: Parameters<typeof navigation>[0] = {}, version = NEW.version) {
  const nav = navigation(options);
  const store = new EditionsStore(version, nav);
  store.show(COMPARISON);
  return { store, nav };
}

describe('showing a comparison', () => {
  it('starts with nothing marked, on the new edition', () => {
    const { store, nav } = made();
    expect(store.getSnapshot()).toMatchObject({ onScreen: true, current: null, redline: false });
    expect(store.navigable).toBe(true);
    expect(store.position()).toEqual({ index: 0, total: 6 });
    expect(nav.mark).not.toHaveBeenCalled();
    expect(nav.redline).toHaveBeenLastCalledWith(null);
  });

  it('is not navigable before there is one, nor when it found no change', () => {
    const store = new EditionsStore(NEW.version, navigation());
    expect(store.navigable).toBe(false);
    store.step(1);
    expect(store.getSnapshot().current).toBeNull();
    store.show({ ...COMPARISON, changes: [], touchedChanges: 0 });
    expect(store.navigable).toBe(false);
  });

  it('on another edition, lists the changes but never marks them in that text', () => {
    const { store, nav } = made({}, OLD.version);
    expect(store.getSnapshot().onScreen).toBe(false);
    expect(store.navigable).toBe(false);
    store.choose(COMPARISON.changes[0].id);
    store.step(1);
    store.toggleRedline();
    expect(nav.mark).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toMatchObject({ current: null, redline: false });
  });

  it('clearing takes every mark away', () => {
    const { store, nav } = made();
    store.toggleRedline();
    store.clear();
    expect(store.getSnapshot()).toMatchObject({ comparison: null, redline: false, current: null });
    expect(nav.unmark).toHaveBeenCalled();
    expect(nav.redline).toHaveBeenLastCalledWith(null);
  });
});

describe('jumping to a change', () => {
  it('marks it and remembers it', () => {
    const { store, nav } = made();
    const figure = changeOf('change', '1164.48');
    store.choose(figure.id);
    expect(nav.mark).toHaveBeenCalledWith(figure);
    expect(store.getSnapshot().current).toBe(figure.id);
    expect(nav.landOn).not.toHaveBeenCalled();
  });

  it('lands the reader on its paragraph where the sidebar covers the text', () => {
    const { store, nav } = made({ covers: true });
    const inserted = changeOf('insert');
    store.choose(inserted.id);
    expect(nav.landOn).toHaveBeenCalledWith(inserted.newBlock);
  });

  it('marks nothing when the change is not in the text on screen', () => {
    const { store, nav } = made({ found: false, covers: true });
    store.choose(COMPARISON.changes[0].id);
    expect(store.getSnapshot().current).toBeNull();
    expect(nav.landOn).not.toHaveBeenCalled();
  });

  it('ignores an id it does not know', () => {
    const { store, nav } = made();
    store.choose('c999');
    expect(nav.mark).not.toHaveBeenCalled();
  });
});

describe('stepping', () => {
  it('goes through the list in its order (touched first), round the end', () => {
    const { store } = made();
    const ids = COMPARISON.changes.map((change) => change.id);
    const seen: string[] = [];
    for (let i = 0; i < ids.length + 1; i++) {
      store.step(1);
      seen.push(store.getSnapshot().current!);
    }
    expect(seen).toEqual([...ids, ids[0]]);
    expect(store.position()).toEqual({ index: 1, total: ids.length });
  });

  it('backwards from nothing starts at the last', () => {
    const { store } = made();
    store.step(-1);
    expect(store.getSnapshot().current).toBe(COMPARISON.changes.at(-1)!.id);
    store.step(-1);
    expect(store.getSnapshot().current).toBe(COMPARISON.changes.at(-2)!.id);
  });
});

describe('the redline', () => {
  it('marks every change while on, none when off, and follows a new comparison', () => {
    const { store, nav } = made();
    store.toggleRedline();
    expect(store.getSnapshot().redline).toBe(true);
    expect(nav.redline).toHaveBeenLastCalledWith(COMPARISON.changes);
    const fewer = { ...COMPARISON, changes: COMPARISON.changes.slice(0, 2), touchedChanges: 2 };
    store.show(fewer);
    expect(nav.redline).toHaveBeenLastCalledWith(fewer.changes);
    store.toggleRedline();
    expect(nav.redline).toHaveBeenLastCalledWith(null);
  });

  it('a new comparison takes the old one’s mark away', () => {
    const { store, nav } = made();
    store.step(1);
    nav.unmark.mockClear();
    store.show(COMPARISON);
    expect(nav.unmark).toHaveBeenCalled();
    expect(store.getSnapshot().current).toBeNull();
  });
});
