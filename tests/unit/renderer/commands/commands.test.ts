import { describe, expect, it, vi } from 'vitest';
import {
  COMMANDS,
  THEME_LABELS,
  commandById,
  commandForKey,
  isEnabled,
  type CommandContext,
  type KeyEventLike,
} from '../../../../src/renderer/commands/commands';
import {
  DEFAULT_SETTINGS,
  FONT_SIZE,
  THEMES,
  type Settings,
  type Theme,
} from '../../../../src/shared/settings';
import { SettingsPatchSchema } from '../../../../src/shared/settings-schema';

function fakeContext(settings: Partial<Settings> = {}, tocCoversText = false) {
  const context = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    update: vi.fn<CommandContext['update']>(),
    scrollBy: vi.fn<CommandContext['scrollBy']>(),
    scrollPage: vi.fn<CommandContext['scrollPage']>(),
    scrollToEdge: vi.fn<CommandContext['scrollToEdge']>(),
    focusSearch: vi.fn<CommandContext['focusSearch']>(),
    stepSearch: vi.fn<CommandContext['stepSearch']>(),
    goToSection: vi.fn<CommandContext['goToSection']>(),
    toggleToc: vi.fn<CommandContext['toggleToc']>(),
    addUserTerm: vi.fn<CommandContext['addUserTerm']>(),
    tocCoversText,
    showPanel: vi.fn<CommandContext['showPanel']>(),
    canAnnotate: false,
    highlightSelection: vi.fn<CommandContext['highlightSelection']>(),
    toggleBookmark: vi.fn<CommandContext['toggleBookmark']>(),
    canUndo: false,
    undoDelete: vi.fn<CommandContext['undoDelete']>(),
    exportAnnotations: vi.fn<CommandContext['exportAnnotations']>(),
    importAnnotations: vi.fn<CommandContext['importAnnotations']>(),
    canImport: true,
    tocOpen: tocCoversText,
    openShortcuts: vi.fn<CommandContext['openShortcuts']>(),
    print: vi.fn<CommandContext['print']>(),
    savePdf: vi.fn<CommandContext['savePdf']>(),
    canSavePdf: true,
  };
  return context satisfies CommandContext;
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
      expect(commandById(`theme.${theme}`).label).toContain(THEME_LABELS[theme]);
    }
  });

  it('commandById finds commands and throws for unknown ids', () => {
    expect(commandById('toc.toggle').id).toBe('toc.toggle');
    expect(() => commandById('nope')).toThrow(/nope/);
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
  it.each(['J', 'x', 'Enter', 'Esc', 'ArrowLeft', '1', 'Tab', ''])('%j → nothing', (key) => {
    expect(commandForKey(press(key), false)).toBeUndefined();
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
    for (const key of ['j', '+', '-', '0', 't', 'o']) {
      expect(commandForKey(press(key, { ctrlKey: true }), false)).toBeUndefined();
      expect(commandForKey(press(key, { metaKey: true }), true)).toBeUndefined();
    }
  });
});

describe('font commands', () => {
  const increase = commandById('font.increase');
  const decrease = commandById('font.decrease');
  const reset = commandById('font.reset');

  it('increase is disabled at the maximum and enabled below it', () => {
    expect(isEnabled(increase, fakeContext({ fontSize: FONT_SIZE.max }))).toBe(false);
    expect(isEnabled(increase, fakeContext({ fontSize: FONT_SIZE.max - 1 }))).toBe(true);
    expect(isEnabled(increase, fakeContext())).toBe(true);
  });

  it('decrease is disabled at the minimum', () => {
    expect(isEnabled(decrease, fakeContext({ fontSize: FONT_SIZE.min }))).toBe(false);
    expect(isEnabled(decrease, fakeContext({ fontSize: FONT_SIZE.min + 2 }))).toBe(true);
  });

  it('reset is disabled at the default size', () => {
    expect(isEnabled(reset, fakeContext())).toBe(false);
    expect(isEnabled(reset, fakeContext({ fontSize: 24 }))).toBe(true);
  });

  it('increase steps up and clamps at the maximum', () => {
    const context = fakeContext({ fontSize: 18 });
    increase.perform(context);
    expect(context.update).toHaveBeenCalledExactlyOnceWith({ fontSize: 18 + FONT_SIZE.step });

    const nearMax = fakeContext({ fontSize: FONT_SIZE.max - 1 });
    increase.perform(nearMax);
    expect(nearMax.update).toHaveBeenCalledWith({ fontSize: FONT_SIZE.max });

    const atMax = fakeContext({ fontSize: FONT_SIZE.max });
    increase.perform(atMax);
    expect(atMax.update).toHaveBeenCalledWith({ fontSize: FONT_SIZE.max });
  });

  it('decrease steps down and clamps at the minimum', () => {
    const context = fakeContext({ fontSize: FONT_SIZE.min + 1 });
    decrease.perform(context);
    expect(context.update).toHaveBeenCalledExactlyOnceWith({ fontSize: FONT_SIZE.min });
  });

  it('reset sets the default', () => {
    const context = fakeContext({ fontSize: 26 });
    reset.perform(context);
    expect(context.update).toHaveBeenCalledExactlyOnceWith({ fontSize: FONT_SIZE.default });
  });

  it('stepping from any allowed size always produces a patch the settings schema accepts', () => {
    for (let size = FONT_SIZE.min; size <= FONT_SIZE.max; size += FONT_SIZE.step) {
      for (const command of [increase, decrease, reset]) {
        const context = fakeContext({ fontSize: size });
        command.perform(context);
        const [patch] = context.update.mock.calls[0];
        expect(SettingsPatchSchema.safeParse(patch).success, `${command.id} at ${size}`).toBe(true);
      }
    }
  });
});

describe('theme commands', () => {
  it('theme.cycle goes through all four themes and back', () => {
    const cycle = commandById('theme.cycle');
    let theme: Theme = THEMES[0];
    const seen: Theme[] = [theme];
    for (let i = 0; i < THEMES.length; i++) {
      const context = fakeContext({ theme });
      cycle.perform(context);
      expect(context.update).toHaveBeenCalledOnce();
      theme = context.update.mock.calls[0][0].theme as Theme;
      seen.push(theme);
    }
    expect(seen).toEqual([...THEMES, THEMES[0]]);
    expect(new Set(seen.slice(0, THEMES.length)).size).toBe(4);
  });

  it.each(THEMES)('theme.%s sets that theme', (theme) => {
    const context = fakeContext();
    commandById(`theme.${theme}`).perform(context);
    expect(context.update).toHaveBeenCalledExactlyOnceWith({ theme });
  });
});

describe('perform calls the right context function and nothing else', () => {
  it.each([
    ['scroll.down', 'scrollBy', [1]],
    ['scroll.up', 'scrollBy', [-1]],
    ['section.next', 'goToSection', [1]],
    ['section.previous', 'goToSection', [-1]],
    ['toc.toggle', 'toggleToc', []],
  ] as const)('%s → %s(%j)', (id, method, args) => {
    const context = fakeContext();
    commandById(id).perform(context);
    expect(context[method]).toHaveBeenCalledExactlyOnceWith(...args);
    for (const other of ['update', 'scrollBy', 'goToSection', 'toggleToc'] as const) {
      if (other !== method) expect(context[other], other).not.toHaveBeenCalled();
    }
  });

  it('toc.close is enabled only while the TOC covers the text, and toggles it', () => {
    const close = commandById('toc.close');
    expect(isEnabled(close, fakeContext({}, false))).toBe(false);
    const covering = fakeContext({}, true);
    expect(isEnabled(close, covering)).toBe(true);
    close.perform(covering);
    expect(covering.toggleToc).toHaveBeenCalledOnce();
    expect(covering.update).not.toHaveBeenCalled();
  });

  it('commands without an enabled rule are always enabled', () => {
    for (const id of ['scroll.down', 'toc.toggle', 'theme.cycle', 'section.next']) {
      expect(isEnabled(commandById(id), fakeContext())).toBe(true);
    }
  });

  it('perform never mutates the settings it was given', () => {
    for (const command of COMMANDS) {
      const context = fakeContext({ fontSize: 20, theme: 'dark' });
      const before = structuredClone(context.settings);
      command.perform(context);
      expect(context.settings, command.id).toEqual(before);
    }
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

  it('the page commands call the pane', () => {
    const context = fakeContext();
    commandById('scroll.pageDown').perform(context);
    commandById('scroll.pageUp').perform(context);
    commandById('scroll.end').perform(context);
    expect(context.scrollPage.mock.calls).toEqual([[1], [-1]]);
    expect(context.scrollToEdge.mock.calls).toEqual([['end']]);
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

  it('the search commands call the context', () => {
    const context = fakeContext();
    commandById('search.focus').perform(context);
    commandById('search.next').perform(context);
    commandById('search.previous').perform(context);
    expect(context.focusSearch).toHaveBeenCalledOnce();
    expect(context.stepSearch.mock.calls).toEqual([[1], [-1]]);
  });
});
