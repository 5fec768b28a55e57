/**
 * 修订对照's commands: offered only while a comparison is on show, `.` and `,`
 * step through its changes, Shift+R toggles the redline, and stepping shows
 * the list beside the text.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeStores } from '../commands/fake-stores';
import { COMPARISON } from './comparison';

const IDS = [
  'panel.editions',
  'editions.choose',
  'editions.next',
  'editions.previous',
  'editions.redline',
  'editions.current',
  'editions.export',
];

const keyFor = (stores: ReturnType<typeof fakeStores>, key: string, shiftKey = false) =>
  stores.registry.forKey(
    { key, shiftKey, ctrlKey: false, metaKey: false, altKey: false },
    { isMac: false },
  )?.id;

describe('without a comparison', () => {
  it('a report of one edition: every 修订对照 command is disabled', () => {
    const stores = fakeStores();
    for (const id of IDS) expect(stores.registry.get(id).isEnabled(), id).toBe(false);
    expect(stores.registry.run('editions.next')).toBe(false);
  });

  it('two editions, the current on screen: r compares it with the one before, then shows the panel', async () => {
    const stores = fakeStores({ editions: ['e1', 'e2'], compareAnswer: COMPARISON });
    expect(stores.registry.get('panel.editions').isEnabled()).toBe(true);
    expect(stores.registry.get('editions.choose').isEnabled()).toBe(true);
    expect(stores.registry.get('editions.current').isEnabled()).toBe(false);
    stores.registry.run('panel.editions');
    expect(stores.comparisons.compare).toHaveBeenCalledWith('e1');
    await vi.waitFor(() => expect(stores.sidebar.show).toHaveBeenCalledWith('editions'));
    expect(stores.editions.comparison).toBe(COMPARISON);
  });

  it('a comparison that fails is said, and no panel opens', async () => {
    const stores = fakeStores({ editions: ['e1', 'e2'] });
    stores.registry.run('panel.editions');
    await vi.waitFor(() =>
      expect(stores.comparisons.failed).toHaveBeenCalledWith('修订对照没能完成：没有可对照的'),
    );
    expect(stores.sidebar.show).not.toHaveBeenCalled();
    expect(stores.editions.getSnapshot().comparing).toBe(false);
  });

  it('the first edition on screen has none before it: r lets the reader choose', () => {
    const stores = fakeStores({ editions: ['e1', 'e2'], onScreen: 'e1' });
    stores.registry.run('panel.editions');
    expect(stores.comparisons.compare).not.toHaveBeenCalled();
    expect(stores.editions.getSnapshot().choosing).toBe(true);
  });

  it('an earlier edition on screen offers the way back to the current one', () => {
    const stores = fakeStores({ editions: ['e1', 'e2'], onScreen: 'e1' });
    expect(stores.registry.get('editions.current').isEnabled()).toBe(true);
    stores.registry.run('editions.current');
    expect(stores.shelf.open).toHaveBeenCalledWith('report');
  });
});

describe('with a comparison', () => {
  it('every command but the way back is enabled, and the keys are r . , Shift+R', () => {
    const editions = [COMPARISON.oldVersion, COMPARISON.newVersion];
    const stores = fakeStores({ comparison: COMPARISON, editions });
    for (const id of IDS) {
      expect(stores.registry.get(id).isEnabled(), id).toBe(id !== 'editions.current');
    }
    expect(keyFor(stores, 'r')).toBe('panel.editions');
    expect(keyFor(stores, '.')).toBe('editions.next');
    expect(keyFor(stores, ',')).toBe('editions.previous');
    expect(keyFor(stores, 'R', true)).toBe('editions.redline');
  });

  it('r shows the panel', () => {
    const stores = fakeStores({ comparison: COMPARISON });
    stores.registry.run('panel.editions');
    expect(stores.sidebar.show).toHaveBeenCalledWith('editions');
  });

  it('. and , step through the changes, showing the list beside the text', () => {
    const stores = fakeStores({ comparison: COMPARISON });
    stores.registry.run('editions.next');
    stores.registry.run('editions.next');
    expect(stores.editions.getSnapshot().current).toBe(COMPARISON.changes[1].id);
    stores.registry.run('editions.previous');
    expect(stores.editions.getSnapshot().current).toBe(COMPARISON.changes[0].id);
    expect(stores.sidebar.choose).toHaveBeenCalledWith('editions');
  });

  it('stepping over the text (narrow window) leaves the sidebar as it is', () => {
    const stores = fakeStores({ comparison: COMPARISON, wide: false, sidebarOpen: false });
    stores.registry.run('editions.next');
    expect(stores.sidebar.choose).not.toHaveBeenCalled();
    expect(stores.editionNavigation.mark).toHaveBeenCalledWith(COMPARISON.changes[0]);
  });

  it('Shift+R turns the redline on and off, and is checked while on', () => {
    const stores = fakeStores({ comparison: COMPARISON });
    const redline = stores.registry.get('editions.redline');
    expect(redline.isChecked()).toBe(false);
    redline.perform();
    expect(redline.isChecked()).toBe(true);
    expect(stores.editionNavigation.redline).toHaveBeenLastCalledWith(COMPARISON.changes);
    redline.perform();
    expect(stores.editionNavigation.redline).toHaveBeenLastCalledWith(null);
  });
});
