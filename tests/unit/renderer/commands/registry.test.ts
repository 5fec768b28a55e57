import { describe, expect, it, vi } from 'vitest';
import {
  CommandRegistry,
  keyClashes,
  type Command,
} from '../../../../src/renderer/commands/registry';
import { Store } from '../../../../src/renderer/store';

interface Counter {
  count: number;
  limit: number;
}

/** A store to watch, as a feature's own would be. */
class CounterStore extends Store<Counter> {
  bump() {
    this.set({ count: this.getSnapshot().count + 1 });
  }
}

const command = (id: string, keys: Command<unknown>['keys'] = []): Command<unknown> => ({
  id,
  label: id,
  keys,
  perform: () => {},
});

describe('the command registry', () => {
  it('refuses an id registered twice, in one feature or across two', () => {
    const registry = new CommandRegistry();
    expect(() =>
      registry.register({ commands: [command('a'), command('a')], context: null }),
    ).toThrow(/a is registered twice/);
    registry.register({ commands: [command('a')], context: null });
    expect(() => registry.register({ commands: [command('a')], context: null })).toThrow(
      /a is registered twice/,
    );
  });

  it.each([
    ['the same key', { key: 'd' }, { key: 'd' }],
    [
      'the same key with the same modifiers',
      { key: 'p', mod: true, shift: true },
      { key: 'p', mod: true, shift: true },
    ],
    ['a binding that ignores Shift and one that wants it', { key: '?' }, { key: '?', shift: true }],
    [
      'the same key, whatever has focus',
      { key: 'ArrowDown', unfocused: true },
      { key: 'ArrowDown' },
    ],
  ])('finds a clash of two commands on %s, naming both', (_, first, second) => {
    expect(keyClashes([command('first', [first]), command('second', [second])])).toEqual([
      expect.stringMatching(/^second wants .* which first already has$/),
    ]);
  });

  it.each([
    ['another modifier', { key: 'd' }, { key: 'd', mod: true }],
    ['Shift held and not held', { key: ' ', shift: false }, { key: ' ', shift: true }],
    ['another key', { key: 'h', mod: true, shift: true }, { key: 'H', mod: true, shift: true }],
  ])('finds no clash in the same key with %s', (_, first, second) => {
    expect(keyClashes([command('first', [first]), command('second', [second])])).toEqual([]);
    const registry = new CommandRegistry();
    registry.register({ commands: [command('first', [first])], context: null });
    registry.register({ commands: [command('second', [second])], context: null });
    expect(registry.list().map((registered) => registered.id)).toEqual(['first', 'second']);
  });

  it('finds every clash, each binding against the commands before it', () => {
    expect(
      keyClashes([
        command('a', [{ key: 'x' }]),
        command('b', [{ key: 'y' }, { key: 'x' }]),
        command('c', [{ key: 'y' }]),
      ]),
    ).toEqual(['b wants x, which a already has', 'c wants y, which b already has']);
  });

  it('a refused feature adds none of its commands', () => {
    const registry = new CommandRegistry();
    registry.register({ commands: [command('taken', [{ key: 'x' }])], context: null });
    expect(() =>
      registry.register({
        commands: [command('fine', [{ key: 'y' }]), command('taken', [{ key: 'z' }])],
        context: null,
      }),
    ).toThrow(/taken is registered twice/);
    expect(() => registry.get('fine')).toThrow(/unknown command fine/);
  });

  it('binds each command to its own feature’s context, and runs it only when enabled', () => {
    const store = new CounterStore({ count: 0, limit: 1 });
    const registry = new CommandRegistry();
    registry.register<CounterStore>({
      commands: [
        {
          id: 'bump',
          label: '加一',
          keys: [{ key: '+' }],
          enabled: (counter) => counter.getSnapshot().count < counter.getSnapshot().limit,
          perform: (counter) => counter.bump(),
          checked: (counter) => counter.getSnapshot().count > 0,
          menu: { section: 'edit' },
        },
      ],
      context: store,
      watch: [store],
    });
    const bump = registry.get('bump');
    expect([bump.isEnabled(), bump.isChecked()]).toEqual([true, false]);
    expect(registry.run('bump')).toBe(true);
    expect(registry.run('bump')).toBe(false);
    expect(store.getSnapshot().count).toBe(1);
    expect([bump.isEnabled(), bump.isChecked()]).toEqual([false, true]);
    expect(registry.menu()).toEqual([
      {
        id: 'bump',
        label: '加一',
        section: 'edit',
        shortcut: { key: '+', mod: undefined, shift: undefined },
        enabled: false,
        checked: true,
      },
    ]);
  });

  it('tells subscribers when a watched store changes, until they unsubscribe', () => {
    const store = new CounterStore({ count: 0, limit: 5 });
    const registry = new CommandRegistry();
    registry.register({ commands: [command('a')], context: null, watch: [store] });
    const all = vi.fn();
    const one = vi.fn();
    const stopAll = registry.subscribe(all);
    const stopOne = registry.get('a').subscribe(one);
    store.bump();
    expect([all.mock.calls.length, one.mock.calls.length]).toEqual([1, 1]);
    stopAll();
    stopOne();
    store.bump();
    expect([all.mock.calls.length, one.mock.calls.length]).toEqual([1, 1]);
  });

  it('run and get know nothing of an unknown id', () => {
    const registry = new CommandRegistry();
    expect(registry.run('nope')).toBe(false);
    expect(() => registry.get('nope')).toThrow(/unknown command nope/);
  });
});
