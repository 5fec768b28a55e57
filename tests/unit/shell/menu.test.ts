import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { acceleratorFor, buildMenuTemplate } from '../../../src/main/menu';
import { recentMenuItem } from '../../../src/main/recent-menu';
import type { LibraryReport } from '../../../src/shared/library';
import type { MenuCommand } from '../../../src/shared/menu-commands';
import { FONT_SIZE } from '../../../src/shared/settings';
import { requestSchema } from '../../../src/services/validate';
import { fakeStores, type FakeOptions } from '../renderer/commands/fake-stores';

/** What the renderer sends for the menu, from the app's own registry over fake stores. */
function menuCommands(options: FakeOptions = {}): MenuCommand[] {
  return fakeStores(options).registry.menu();
}

const COMMANDS = fakeStores().registry.list();

/** A report on the shelf, opened at `opened` (never when undefined). */
const entry = (id: string, title: string, opened: string | undefined): LibraryReport => ({
  id,
  title,
  added: '2024-01-01T00:00:00.000Z',
  ...(opened !== undefined && { opened }),
  edition: id,
  editions: [{ id, format: 'pdf', fileName: `${id}.pdf`, added: '2024-01-01T00:00:00.000Z' }],
  view: { position: null, collapsed: [] },
  counts: { annotations: 0, bookmarks: 0 },
});

const submenuOf = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => (item.type === 'separator' ? '---' : (item.label ?? item.role)));
const top = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((item) => item.label === label);

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...allItems(submenuOf(item))]);
}

describe('acceleratorFor', () => {
  it.each([
    [{ key: 'f', mod: true }, 'linux', 'CmdOrCtrl+F'],
    [{ key: 'f', mod: true }, 'darwin', 'CmdOrCtrl+F'],
    [{ key: 'p', mod: true, shift: true }, 'win32', 'CmdOrCtrl+Shift+P'],
    [{ key: '+' }, 'linux', 'Plus'],
    [{ key: ' ' }, 'win32', 'Space'],
    [{ key: 'ArrowDown' }, 'linux', 'Down'],
    [{ key: 'F3', shift: true }, 'linux', 'Shift+F3'],
    [{ key: ']' }, 'linux', ']'],
    [{ key: '?' }, 'linux', '?'],
  ] as const)('%j on %s → %s', (shortcut, platform, expected) => {
    expect(acceleratorFor(shortcut, platform)).toBe(expected);
  });

  it('on macOS a bare key gets no menu key equivalent, so typing in a field stays typing', () => {
    expect(acceleratorFor({ key: 't' }, 'darwin')).toBeUndefined();
    expect(acceleratorFor({ key: '?' }, 'darwin')).toBeUndefined();
  });

  it('no shortcut, no accelerator', () => {
    expect(acceleratorFor(undefined, 'linux')).toBeUndefined();
  });

  it('never names Ctrl or Cmd directly: CmdOrCtrl picks per platform', () => {
    for (const command of menuCommands()) {
      for (const platform of ['linux', 'win32', 'darwin'] as const) {
        expect(acceleratorFor(command.shortcut, platform) ?? '').not.toMatch(
          /^(Ctrl|Cmd|Command)\+/,
        );
      }
    }
  });
});

describe('buildMenuTemplate', () => {
  const template = buildMenuTemplate('linux', menuCommands());

  it('has 文件, 编辑, 视图 and 帮助, in that order, in Chinese', () => {
    expect(labels(template)).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const item of allItems(template)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item.role ?? item.id)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('macOS gets the app menu first, and closes the window from 文件', () => {
    const mac = buildMenuTemplate('darwin', menuCommands());
    expect(labels(mac)).toEqual(['报告阅读器', '文件', '编辑', '视图', '帮助']);
    expect(submenuOf(top(mac, '文件')).at(-1)?.role).toBe('close');
    expect(submenuOf(top(template, '文件')).at(-1)?.role).toBe('quit');
  });

  it('文件 has 打开报告…, 书架, 打印…, 导出为 PDF… and the annotation, figure and 修订对照 files from the command list', () => {
    const file = submenuOf(top(template, '文件'));
    expect(labels(file)).toEqual([
      '打开报告…',
      '书架',
      '---',
      '打印…',
      '导出为 PDF…',
      '---',
      '导出发言提纲…',
      '导入批注…',
      '导出批注（JSON）…',
      '导出数字表格（CSV）…',
      '导出目标兑现表格（CSV）…',
      '导出发言提纲（含数据摘录）…',
      '导出修订对照（Markdown）…',
      '---',
      '退出',
    ]);
    expect(file[0]).toMatchObject({ id: 'library.open', accelerator: 'CmdOrCtrl+O' });
    expect(file[3]).toMatchObject({ id: 'print', accelerator: 'CmdOrCtrl+P' });
  });

  it('最近打开 follows 打开报告…: the reports read last, latest first, each opening its report', () => {
    const opened: string[] = [];
    const reports = [
      entry('a', '2018年海曙区政府工作报告', '2024-05-01T08:00:00.000Z'),
      entry('b', '2019年江北区政府工作报告', '2024-05-03T08:00:00.000Z'),
      entry('c', '从没打开过的报告', undefined),
      {
        ...entry('d', '移出书架的报告', '2024-05-04T08:00:00.000Z'),
        removed: '2024-05-05T00:00:00.000Z',
      },
      entry('e', 'R&D 报告', '2024-05-02T08:00:00.000Z'),
    ];
    const withRecent = buildMenuTemplate(
      'linux',
      menuCommands(),
      undefined,
      recentMenuItem(reports, (report) => opened.push(report)),
    );
    const file = submenuOf(top(withRecent, '文件'));
    expect(labels(file).slice(0, 3)).toEqual(['打开报告…', '最近打开', '书架']);
    const recent = submenuOf(file[1]);
    expect(labels(recent)).toEqual([
      '2019年江北区政府工作报告',
      'R&&D 报告',
      '2018年海曙区政府工作报告',
    ]);
    (recent[0].click as () => void)();
    expect(opened).toEqual(['b']);
  });

  it('最近打开 is there but greyed out before any report was opened, and cuts long titles', () => {
    const none = recentMenuItem([entry('a', '报告', undefined)], () => undefined);
    expect(none).toMatchObject({ label: '最近打开', enabled: false, submenu: [] });
    const long = recentMenuItem(
      [entry('a', '很'.repeat(60), '2024-05-01T08:00:00.000Z')],
      () => undefined,
    );
    const [item] = submenuOf(long);
    expect(item.label).toHaveLength(40);
    expect(item.label?.endsWith('…')).toBe(true);
  });

  it('视图 has 字号 and 主题 submenus and the 目录 toggle, ticked when open', () => {
    const view = submenuOf(top(template, '视图'));
    const font = submenuOf(view.find((item) => item.label === '字号'));
    expect(font.map((item) => item.id)).toEqual(['font.increase', 'font.decrease', 'font.reset']);
    const theme = submenuOf(view.find((item) => item.label === '主题'));
    expect(theme.map((item) => item.id)).toEqual(
      expect.arrayContaining(['theme.cycle', 'theme.light', 'theme.dark']),
    );
    expect(theme.find((item) => item.id === 'theme.system')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
    expect(theme.find((item) => item.id === 'theme.dark')).toMatchObject({ checked: false });
    expect(view.find((item) => item.id === 'toc.toggle')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
  });

  it('帮助 has 快捷键 and 关于', () => {
    const help = submenuOf(top(template, '帮助'));
    expect(help.find((item) => item.id === 'help.shortcuts')?.label).toBe('快捷键');
    expect(help.some((item) => item.role === 'about')).toBe(true);
  });

  it('编辑 has 撤销, then cut, copy, paste and select-all for text fields, then the search commands', () => {
    const edit = submenuOf(top(template, '编辑'));
    expect(edit[0]?.id).toBe('edit.undo');
    expect(edit.slice(1, 6).map((item) => item.type ?? item.role)).toEqual([
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    // Shown, not registered: Ctrl+Z in a text field stays the field's own undo.
    expect(edit[0]?.registerAccelerator).toBe(false);
    expect(edit.find((item) => item.id === 'search.focus')?.accelerator).toBe('CmdOrCtrl+F');
  });

  it('shows the enabled state the renderer sent', () => {
    const atMax = buildMenuTemplate(
      'linux',
      menuCommands({ settings: { fontSize: FONT_SIZE.max } }),
    );
    const items = allItems(atMax);
    expect(items.find((item) => item.id === 'font.increase')?.enabled).toBe(false);
    expect(items.find((item) => item.id === 'font.decrease')?.enabled).toBe(true);
    const browserLike = allItems(buildMenuTemplate('linux', menuCommands({ desktop: false })));
    expect(browserLike.find((item) => item.id === 'print.pdf')?.enabled).toBe(false);
  });

  it('a click sends the command id, and registers no accelerator of its own', () => {
    const run = vi.fn();
    const items = allItems(buildMenuTemplate('linux', menuCommands(), run));
    const increase = items.find((item) => item.id === 'font.increase')!;
    expect(increase.registerAccelerator).toBe(false);
    (increase.click as () => void)();
    expect(run).toHaveBeenCalledWith('font.increase');
    for (const item of items.filter((candidate) => candidate.id)) {
      expect(item.registerAccelerator, item.id).toBe(false);
    }
  });

  it('every command with a menu place is in the menu exactly once', () => {
    const ids = allItems(template)
      .map((item) => item.id)
      .filter(Boolean);
    const placed = COMMANDS.filter((command) => command.menu).map((command) => command.id);
    expect(ids.sort()).toEqual(placed.sort());
  });

  it('a new command joins the menu by its placement alone', () => {
    const extra = [
      ...menuCommands(),
      {
        id: 'report.reload',
        label: '重新载入报告',
        section: 'file' as const,
        group: 'report',
        enabled: true,
      },
    ];
    const file = submenuOf(top(buildMenuTemplate('linux', extra), '文件'));
    expect(labels(file).slice(-4)).toEqual(['---', '重新载入报告', '---', '退出']);
  });

  it('without the renderer (before the page loads) the fixed items are still there', () => {
    const bare = buildMenuTemplate('win32');
    expect(labels(bare)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenuOf(top(bare, '文件')))).toEqual(['退出']);
  });
});

describe('menuCommands', () => {
  it('what the renderer sends passes the setMenuCommands schema', () => {
    const sent = menuCommands();
    expect(requestSchema('setMenuCommands').safeParse(sent).success).toBe(true);
    expect(sent.length).toBeGreaterThan(10);
  });

  it('the schema refuses roles, scripts and junk', () => {
    const [first] = menuCommands();
    const bad = [
      [{ ...first, role: 'quit' }],
      [{ ...first, click: 'alert(1)' }],
      [{ ...first, id: 'javascript:alert(1)' }],
      [{ ...first, id: '' }],
      [{ ...first, label: 'x'.repeat(41) }],
      [{ ...first, section: 'window' }],
      [{ ...first, enabled: 'yes' }],
      [{ ...first, shortcut: { key: 'a', alt: true } }],
      Array.from({ length: 201 }, () => first),
      { 0: first },
      'print',
      null,
    ];
    for (const payload of bad) {
      expect(
        requestSchema('setMenuCommands').safeParse(payload).success,
        JSON.stringify(payload).slice(0, 80),
      ).toBe(false);
    }
  });
});
