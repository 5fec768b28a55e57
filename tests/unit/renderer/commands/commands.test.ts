import { describe, expect, it, vi } from 'vitest';
import { FEATURE_COMMANDS } from '../../../../src/renderer/app/commands';
import { THEME_LABELS } from '../../../../src/renderer/features/appearance/commands';
import type { KeyEventLike } from '../../../../src/renderer/commands/keys';
import { keyClashes } from '../../../../src/renderer/commands/registry';
import { FONT_SIZE, THEMES, type Theme } from '../../../../src/shared/settings';
import { SettingsPatchSchema } from '../../../../src/shared/settings-schema';
import { fakeStores, type FakeOptions } from './fake-stores';

const COMMANDS = FEATURE_COMMANDS.flatMap((feature) => feature.commands);

/** The registry as the app builds it, over fake stores. */
function commandById(id: string, options: FakeOptions = {}) {
  const stores = fakeStores(options);
  return { command: stores.registry.get(id), ...stores };
}

const isEnabled = (id: string, options: FakeOptions = {}) =>
  commandById(id, options).command.isEnabled();

/** The fontSize or theme a command would set, from the settings it starts with. */
function settingAfter(id: string, settings: FakeOptions['settings']) {
  const { command, settings: store } = commandById(id, { settings });
  const before = store.getSnapshot();
  command.perform();
  return { before, after: store.getSnapshot() };
}

function commandForKey(
  event: KeyEventLike,
  isMac: boolean,
  somethingFocused = false,
  inTextField = false,
) {
  return fakeStores().registry.forKey(event, { isMac, somethingFocused, inTextField });
}

const press = (key: string, modifiers: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('the command list', () => {
  it('every command id is unique', () => {
    const ids = COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('no key is bound to two commands', () => {
    const keys = COMMANDS.flatMap((command) =>
      command.keys.map(
        (binding) =>
          `${binding.mod ? 'mod+' : ''}${binding.shift === true ? 'shift+' : ''}${binding.key}`,
      ),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every command has a Chinese label', () => {
    for (const command of COMMANDS) expect(command.label, command.id).toMatch(/\p{Script=Han}/u);
  });

  it('has a theme command and a label for every theme', () => {
    for (const theme of THEMES) {
      expect(THEME_LABELS[theme]).toMatch(/\p{Script=Han}/u);
      expect(commandById(`theme.${theme}`).command.label).toContain(THEME_LABELS[theme]);
    }
  });

  it('the registry finds commands and throws for unknown ids', () => {
    expect(commandById('toc.toggle').command.id).toBe('toc.toggle');
    expect(() => commandById('nope')).toThrow(/nope/);
  });

  // The registry does not check keys at start (registry.ts): this is where a clash is caught.
  it('no two of the app’s commands answer to the same key', () => {
    expect(keyClashes(COMMANDS)).toEqual([]);
  });

  it('the app registers every feature’s commands, in order', () => {
    expect(
      fakeStores()
        .registry.list()
        .map((command) => command.id),
    ).toEqual(COMMANDS.map((command) => command.id));
  });
});

describe('commandForKey', () => {
  it.each([
    ['j', 'scroll.down'],
    ['ArrowDown', 'scroll.down'],
    ['k', 'scroll.up'],
    ['ArrowUp', 'scroll.up'],
    [']', 'section.next'],
    ['[', 'section.previous'],
    ['+', 'font.increase'],
    ['=', 'font.increase'],
    ['-', 'font.decrease'],
    ['0', 'font.reset'],
    ['t', 'theme.cycle'],
    ['o', 'toc.toggle'],
    ['Escape', 'toc.close'],
  ])('%j → %s (mac and elsewhere)', (key, id) => {
    expect(commandForKey(press(key), false)?.id).toBe(id);
    expect(commandForKey(press(key), true)?.id).toBe(id);
  });

  // Space pages the text when nothing has focus: see the focus tests below.
  it.each(['J', 'x', 'Esc', '1', 'Tab', ''])('%j → nothing', (key) => {
    expect(commandForKey(press(key), false)).toBeUndefined();
  });

  it('the arrows ←/→ move a keyboard selection, and are the page’s while there is none', () => {
    const place = { isMac: false, somethingFocused: true };
    const arrows = (stores: ReturnType<typeof fakeStores>) =>
      [
        press('ArrowRight'),
        press('ArrowLeft'),
        press('ArrowRight', { shiftKey: true }),
        press('ArrowLeft', { shiftKey: true, ctrlKey: true }),
      ].map((event) => stores.registry.forKey(event, place));
    expect(arrows(fakeStores()).map((command) => command?.isEnabled())).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const selecting = fakeStores({ keyboardSelecting: true });
    const commands = arrows(selecting);
    expect(commands.map((command) => command?.id)).toEqual([
      'selection.nextSentence',
      'selection.previousSentence',
      'selection.extendCharacter',
      'selection.shrinkSentence',
    ]);
    expect(commands.map((command) => command?.isEnabled())).toEqual([true, true, true, true]);
    commands[3]!.perform();
    expect(selecting.keyboardSelection.resizeBySentence).toHaveBeenCalledWith(-1);
  });

  it('Enter steps through search hits on the text, and is a control’s own key on a control', () => {
    const place = (onControl: boolean) => ({ isMac: false, somethingFocused: true, onControl });
    const { registry } = fakeStores();
    expect(registry.forKey(press('Enter'), place(false))?.id).toBe('search.next');
    expect(registry.forKey(press('Enter', { shiftKey: true }), place(false))?.id).toBe(
      'search.previous',
    );
    expect(registry.forKey(press('Enter'), place(true))).toBeUndefined();
    // In a text field Enter is the field's (the search box steps by itself).
    expect(registry.forKey(press('Enter'), { ...place(false), inTextField: true })).toBeUndefined();
  });

  it('ignores any key with Alt', () => {
    for (const key of ['j', 'k', '+', '0', 't', 'o', '[', ']', 'Escape']) {
      expect(commandForKey(press(key, { altKey: true }), false)).toBeUndefined();
      expect(commandForKey(press(key, { altKey: true }), true)).toBeUndefined();
    }
  });

  it('ignores the modifier of the other platform: Meta off macOS, Ctrl on macOS', () => {
    for (const key of ['j', 'k', '+', '-', '0', 't', 'o']) {
      expect(commandForKey(press(key, { metaKey: true }), false)).toBeUndefined();
      expect(commandForKey(press(key, { ctrlKey: true }), true)).toBeUndefined();
    }
  });

  it('a plain binding does not fire with the platform modifier held (Ctrl+0 is the browser’s)', () => {
    for (const key of ['j', '+', '-', '0', 't']) {
      expect(commandForKey(press(key, { ctrlKey: true }), false)).toBeUndefined();
      expect(commandForKey(press(key, { metaKey: true }), true)).toBeUndefined();
    }
    // o is the 目录; Ctrl/Cmd+O opens a report, as in every reader.
    expect(commandForKey(press('o', { ctrlKey: true }), false)?.id).toBe('library.open');
    expect(commandForKey(press('o', { metaKey: true }), true)?.id).toBe('library.open');
  });
});

describe('font commands', () => {
  it('increase is disabled at the maximum and enabled below it', () => {
    expect(isEnabled('font.increase', { settings: { fontSize: FONT_SIZE.max } })).toBe(false);
    expect(isEnabled('font.increase', { settings: { fontSize: FONT_SIZE.max - 1 } })).toBe(true);
    expect(isEnabled('font.increase')).toBe(true);
  });

  it('decrease is disabled at the minimum', () => {
    expect(isEnabled('font.decrease', { settings: { fontSize: FONT_SIZE.min } })).toBe(false);
    expect(isEnabled('font.decrease', { settings: { fontSize: FONT_SIZE.min + 2 } })).toBe(true);
  });

  it('reset is disabled at the default size', () => {
    expect(isEnabled('font.reset')).toBe(false);
    expect(isEnabled('font.reset', { settings: { fontSize: 24 } })).toBe(true);
  });

  it('increase steps up and clamps at the maximum', () => {
    expect(settingAfter('font.increase', { fontSize: 18 }).after.fontSize).toBe(
      18 + FONT_SIZE.step,
    );
    expect(settingAfter('font.increase', { fontSize: FONT_SIZE.max - 1 }).after.fontSize).toBe(
      FONT_SIZE.max,
    );
    expect(settingAfter('font.increase', { fontSize: FONT_SIZE.max }).after.fontSize).toBe(
      FONT_SIZE.max,
    );
  });

  it('decrease steps down and clamps at the minimum', () => {
    expect(settingAfter('font.decrease', { fontSize: FONT_SIZE.min + 1 }).after.fontSize).toBe(
      FONT_SIZE.min,
    );
  });

  it('reset sets the default', () => {
    expect(settingAfter('font.reset', { fontSize: 26 }).after.fontSize).toBe(FONT_SIZE.default);
  });

  it('stepping from any allowed size always saves a patch the settings schema accepts', () => {
    for (let size = FONT_SIZE.min; size <= FONT_SIZE.max; size += FONT_SIZE.step) {
      for (const id of ['font.increase', 'font.decrease', 'font.reset']) {
        const { command, settingsApi } = commandById(id, { settings: { fontSize: size } });
        command.perform();
        const [patch] = settingsApi.updateSettings.mock.calls[0];
        expect(SettingsPatchSchema.safeParse(patch).success, `${id} at ${size}`).toBe(true);
      }
    }
  });
});

describe('theme commands', () => {
  it('theme.cycle goes through all four themes and back', () => {
    const { command, settings } = commandById('theme.cycle');
    const seen: Theme[] = [settings.getSnapshot().theme];
    for (let i = 0; i < THEMES.length; i++) {
      command.perform();
      seen.push(settings.getSnapshot().theme);
    }
    expect(seen).toEqual([...THEMES, THEMES[0]]);
    expect(new Set(seen.slice(0, THEMES.length)).size).toBe(4);
  });

  it.each(THEMES)('theme.%s sets that theme, and is then the one checked', (theme) => {
    const stores = fakeStores({ settings: { theme: theme === 'dark' ? 'light' : 'dark' } });
    const command = stores.registry.get(`theme.${theme}`);
    expect(command.isChecked()).toBe(false);
    command.perform();
    expect(stores.settings.getSnapshot().theme).toBe(theme);
    expect(command.isChecked()).toBe(true);
    const others = THEMES.filter((other) => other !== theme);
    for (const other of others)
      expect(stores.registry.get(`theme.${other}`).isChecked()).toBe(false);
  });

  it('perform never mutates the settings it started from', () => {
    for (const id of COMMANDS.map((command) => command.id).filter((id) =>
      /^(font|theme)\./.test(id),
    )) {
      const { before } = settingAfter(id, { fontSize: 20, theme: 'dark' });
      expect(before, id).toEqual({ ...before, fontSize: 20, theme: 'dark' });
    }
  });
});

describe('perform asks the right store and nothing else', () => {
  it('the scroll commands call the pane', () => {
    const stores = fakeStores();
    for (const id of [
      'scroll.down',
      'scroll.up',
      'scroll.pageDown',
      'scroll.pageUp',
      'scroll.end',
    ]) {
      stores.registry.get(id).perform();
    }
    expect(stores.reading.scrollBy.mock.calls).toEqual([[1], [-1]]);
    expect(stores.reading.scrollPage.mock.calls).toEqual([[1], [-1]]);
    expect(stores.reading.scrollToEdge.mock.calls).toEqual([['end']]);
    expect(stores.sidebar.toggle).not.toHaveBeenCalled();
  });

  it('toc.toggle toggles the sidebar and is checked while it is open', () => {
    const open = commandById('toc.toggle', { sidebarOpen: true });
    expect(open.command.isChecked()).toBe(true);
    open.command.perform();
    expect(open.sidebar.toggle).toHaveBeenCalledOnce();
    expect(open.reading.scrollBy).not.toHaveBeenCalled();
    expect(commandById('toc.toggle', { sidebarOpen: false }).command.isChecked()).toBe(false);
  });

  it('toc.close is enabled only while the TOC covers the text, and toggles it', () => {
    expect(isEnabled('toc.close', { sidebarOpen: true, wide: true })).toBe(false);
    expect(isEnabled('toc.close', { sidebarOpen: false, wide: false })).toBe(false);
    const covering = commandById('toc.close', { sidebarOpen: true, wide: false });
    expect(covering.command.isEnabled()).toBe(true);
    covering.command.perform();
    expect(covering.sidebar.toggle).toHaveBeenCalledOnce();
  });

  it('the panel commands show their panel', () => {
    const stores = fakeStores();
    for (const id of ['panel.glossary', 'panel.annotations', 'panel.bookmarks']) {
      stores.registry.get(id).perform();
    }
    expect(stores.sidebar.show.mock.calls).toEqual([['glossary'], ['annotations'], ['bookmarks']]);
  });

  it('commands without an enabled rule are always enabled', () => {
    for (const id of ['scroll.down', 'toc.toggle', 'theme.cycle', 'section.next']) {
      expect(isEnabled(id), id).toBe(true);
    }
  });

  it('the 快捷键 command opens the sheet', () => {
    const { command, shortcuts } = commandById('help.shortcuts');
    command.perform();
    expect(shortcuts.open).toHaveBeenCalledOnce();
  });
});

describe('commands that write the reader’s notes', () => {
  it('highlight and note need selected text', () => {
    for (const id of ['annotation.highlight', 'annotation.note']) {
      expect(isEnabled(id, { selection: true }), id).toBe(true);
      expect(isEnabled(id, { selection: false }), id).toBe(false);
    }
  });

  it('on read-only notes (an earlier edition) the keys say why, and nothing is written', () => {
    const stores = fakeStores({ selection: true, readOnly: true });
    expect(stores.registry.run('annotation.highlight')).toBe(true);
    expect(stores.registry.run('annotation.note')).toBe(true);
    expect(stores.annotating.highlight).not.toHaveBeenCalled();
    expect(stores.annotating.startNote).not.toHaveBeenCalled();
    expect(stores.notices.add).toHaveBeenCalledTimes(2);
    expect(stores.notices.add).toHaveBeenCalledWith(expect.stringMatching(/^未能添加批注：/));
  });

  it('highlight and note go to the selection', () => {
    const stores = fakeStores({ selection: true });
    expect(stores.registry.run('annotation.highlight')).toBe(true);
    expect(stores.registry.run('annotation.note')).toBe(true);
    expect(stores.annotating.highlight).toHaveBeenCalledOnce();
    expect(stores.annotating.startNote).toHaveBeenCalledOnce();
  });

  it('撤销 is enabled only with something to undo, and says what it would undo, in the menu too', () => {
    expect(isEnabled('edit.undo')).toBe(false);
    const stores = fakeStores({ undoable: ['删除批注', '移出书架'], desktop: true });
    const undo = stores.registry.get('edit.undo');
    expect(undo.isEnabled()).toBe(true);
    expect(undo.labelNow()).toBe('撤销移出书架');
    expect(stores.registry.menu().find((item) => item.id === 'edit.undo')).toMatchObject({
      section: 'edit',
      label: '撤销移出书架',
      shortcut: { key: 'z', mod: true, shift: false },
      enabled: true,
    });
    // The 快捷键 sheet keeps the plain name.
    expect(undo.label).toBe('撤销');
  });

  it('Ctrl/Cmd+Z takes back the latest change, whichever feature made it, then the one before', () => {
    const stores = fakeStores({ undoable: ['删除批注', '移出书架'] });
    const ctrlZ = press('z', { ctrlKey: true });
    expect(stores.registry.forKey(ctrlZ, { isMac: false })?.id).toBe('edit.undo');
    expect(stores.registry.forKey(press('z', { metaKey: true }), { isMac: true })?.id).toBe(
      'edit.undo',
    );
    // In a text field (the note editor, the search box, a rename) Ctrl+Z is the field's own.
    expect(stores.registry.forKey(ctrlZ, { isMac: false, inTextField: true })).toBeUndefined();
    expect(stores.registry.run('edit.undo')).toBe(true);
    expect(stores.registry.run('edit.undo')).toBe(true);
    expect(stores.registry.run('edit.undo')).toBe(false);
    expect(stores.undone).toEqual(['移出书架', '删除批注']);
  });

  it('export needs something to export; import and a term of one’s own need writable data', () => {
    expect(isEnabled('annotations.exportMarkdown')).toBe(false);
    expect(isEnabled('annotations.exportJson', { annotations: 2 })).toBe(true);
    expect(isEnabled('annotations.import')).toBe(true);
    expect(isEnabled('annotations.import', { readOnly: true })).toBe(false);
    expect(isEnabled('glossary.addTerm')).toBe(true);
    expect(isEnabled('glossary.addTerm', { readOnly: true })).toBe(false);
  });

  it('the unreadable records can be exported only when some were set aside, even read-only', async () => {
    expect(isEnabled('annotations.exportQuarantine')).toBe(false);
    expect(isEnabled('annotations.exportQuarantine', { quarantined: 1, readOnly: true })).toBe(
      true,
    );
    const stores = fakeStores({ quarantined: 1 });
    expect(stores.registry.run('annotations.exportQuarantine')).toBe(true);
    expect(stores.api.exportQuarantine).toHaveBeenCalledOnce();
    // Main's refusal reaches the reader as a notice.
    await vi.waitFor(() =>
      expect(stores.notices.add).toHaveBeenCalledWith('导出失败：测试里不下载'),
    );
  });

  it('run refuses a disabled command', () => {
    const stores = fakeStores({ selection: false });
    expect(stores.registry.run('annotation.highlight')).toBe(false);
    expect(stores.annotating.highlight).not.toHaveBeenCalled();
  });
});

describe('keys that focused elements handle themselves', () => {
  it('Space, PageUp/PageDown, Home/End and arrows page the text only when nothing has focus', () => {
    const table: [string, Partial<KeyEventLike>, string][] = [
      [' ', {}, 'scroll.pageDown'],
      [' ', { shiftKey: true }, 'scroll.pageUp'],
      ['PageDown', {}, 'scroll.pageDown'],
      ['PageUp', {}, 'scroll.pageUp'],
      ['Home', {}, 'scroll.start'],
      ['End', {}, 'scroll.end'],
      ['ArrowDown', {}, 'scroll.down'],
      ['ArrowUp', {}, 'scroll.up'],
    ];
    for (const [key, modifiers, id] of table) {
      expect(commandForKey(press(key, modifiers), false, false)?.id, key).toBe(id);
      // A focused button must get its Space, a focused TOC its arrows.
      expect(commandForKey(press(key, modifiers), false, true), key).toBeUndefined();
    }
  });

  it('j and k work wherever focus is (outside text fields)', () => {
    expect(commandForKey(press('j'), false, true)?.id).toBe('scroll.down');
    expect(commandForKey(press('k'), false, true)?.id).toBe('scroll.up');
  });
});

describe('search keys', () => {
  it('Ctrl+F (Cmd+F on macOS) focuses the search box, even from a text field', () => {
    expect(commandForKey(press('f', { ctrlKey: true }), false, true, true)?.id).toBe(
      'search.focus',
    );
    expect(commandForKey(press('f', { metaKey: true }), true, true, true)?.id).toBe('search.focus');
    expect(commandForKey(press('f', { metaKey: true }), false)).toBeUndefined();
  });

  it('F3 and Shift+F3 step through matches, also from the search box', () => {
    expect(commandForKey(press('F3'), false, true, true)?.id).toBe('search.next');
    expect(commandForKey(press('F3', { shiftKey: true }), false, true, true)?.id).toBe(
      'search.previous',
    );
  });

  it("plain keys are the text field's own", () => {
    for (const key of ['j', 'k', '[', ']', '+', '-', '0', 't', 'o', ' ', 'Escape']) {
      expect(commandForKey(press(key), false, true, true), key).toBeUndefined();
    }
  });

  it('stepping goes through the search session, from where the reader is', () => {
    const stores = fakeStores();
    stores.registry.get('search.next').perform();
    stores.registry.get('search.previous').perform();
    expect(vi.mocked(stores.search.step).mock.calls).toEqual([
      [1, null],
      [-1, null],
    ]);
  });

  it('stepping is offered only while a search has found something', () => {
    const stores = fakeStores();
    const next = stores.registry.get('search.next');
    expect(next.isEnabled()).toBe(false);
    vi.spyOn(stores.search, 'getSnapshot').mockReturnValue({
      ...stores.search.getSnapshot(),
      result: { query: '月湖', hits: [{ block: 'b1', score: 1, count: 1 }], total: 1 },
    });
    expect(next.isEnabled()).toBe(true);
  });
});
