/**
 * 修订对照's commands: offered only while a comparison is on show, `.` and `,`
 * step through its changes, Shift+R toggles the redline, and stepping shows
 * the list beside the text.
 */
import { describe, expect, it } from 'vitest';
import { fakeStores } from '../commands/fake-stores';
import { COMPARISON } from './comparison';

const IDS = [
  'panel.editions',
  'editions.next',
  'editions.previous',
  'editions.redline',
  'editions.export',
];

const keyFor = (stores: ReturnType<typeof fakeStores>, key: string, shiftKey = false) =>
  stores.registry.forKey(
    { key, shiftKey, ctrlKey: false, metaKey: false, altKey: false },
    { isMac: false },
  )?.id;

describe('without a comparison', () => {
  it('every 修订对照 command is disabled', () => {
    const stores = fakeStores();
    for (const id of IDS) expect(stores.registry.get(id).isEnabled(), id).toBe(false);
    expect(stores.registry.run('editions.next')).toBe(false);
  });
});

describe('with a comparison', () => {
  it('every command is enabled, and the keys are r . , Shift+R', () => {
    const stores = fakeStores({ comparison: COMPARISON });
    for (const id of IDS) expect(stores.registry.get(id).isEnabled(), id).toBe(true);
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
