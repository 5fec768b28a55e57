/**
 * The reader's stores as the commands see them, faked for Node: real
 * settings and search stores over fake calls, and stand-ins recording what
 * the commands ask of the pane, the sidebar, the notes and the glossary.
 * Every feature's real commands are registered over them, as the app does.
 */
import { vi } from 'vitest';
import { registerCommands } from '../../../../src/renderer/app/commands';
import { SettingsStore } from '../../../../src/renderer/app/settings';
import type { ReaderStores } from '../../../../src/renderer/app/stores';
import { CommandRegistry } from '../../../../src/renderer/commands/registry';
import { UndoStack } from '../../../../src/renderer/commands/undo-stack';
import { EditionsStore } from '../../../../src/renderer/features/editions/editions-store';
import { SearchSession } from '../../../../src/renderer/features/search/search-session';
import type { EditionComparison } from '../../../../src/shared/editions';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/shared/settings';
import type { UserDataView } from '../../../../src/shared/user-data';

const noSubscription = () => () => {};

export interface FakeOptions {
  settings?: Partial<Settings>;
  /** The sidebar is open… */
  sidebarOpen?: boolean;
  /** …beside the text (wide) or over it. */
  wide?: boolean;
  desktop?: boolean;
  readOnly?: boolean;
  /** Report text is selected. */
  selection?: boolean;
  /** The selection is the keyboard's (v): the arrows move it. */
  keyboardSelecting?: boolean;
  /** Changes on the undo stack, oldest first, by what 撤销 would call them (删除批注). */
  undoable?: string[];
  annotations?: number;
  /** Records set aside as unreadable. */
  quarantined?: number;
  /** Two editions compared, the new one on screen. */
  comparison?: EditionComparison;
  /** The report's editions, oldest first; the last is current. One (`on-screen`) unless given. */
  editions?: string[];
  /** The edition on screen: the comparison's new one, else the current one. */
  onScreen?: string;
  /** What main answers when asked to compare. */
  compareAnswer?: EditionComparison;
  /** 目标兑现 tables the 数说报告 panel shows. */
  fulfilment?: number;
}

export function fakeStores(options: FakeOptions = {}) {
  const { sidebarOpen = true, wide = true } = options;
  /** What the settings store saves through the contract. */
  const settingsApi = {
    updateSettings: vi.fn(async (_patch: Partial<Settings>) => ({
      ok: true as const,
      value: DEFAULT_SETTINGS,
    })),
  };
  const settings = new SettingsStore(
    settingsApi,
    { ...DEFAULT_SETTINGS, ...options.settings },
    vi.fn(),
  );
  const search = new SearchSession(
    { search: vi.fn(), searchMatches: vi.fn() } as unknown as ConstructorParameters<
      typeof SearchSession
    >[0],
    new Map(),
  );
  vi.spyOn(search, 'step');
  const data: UserDataView = {
    annotations: Array.from({ length: options.annotations ?? 0 }) as UserDataView['annotations'],
    bookmarks: [],
    terms: [],
    readOnly: options.readOnly ?? false,
    quarantined: options.quarantined ?? 0,
  };
  const editionNavigation = {
    mark: vi.fn(() => 'b1'),
    unmark: vi.fn(),
    redline: vi.fn(),
    coversText: vi.fn(() => false),
    landOn: vi.fn(),
  };
  const editionIds = options.editions ?? [options.comparison?.newVersion ?? 'on-screen'];
  const onScreen = options.onScreen ?? options.comparison?.newVersion ?? editionIds.at(-1)!;
  const entry = {
    id: 'report',
    title: '报告',
    edition: editionIds.at(-1)!,
    editions: editionIds.map((id) => ({
      id,
      format: 'text',
      fileName: `${id}.txt`,
      added: '2026-01-05T08:00:00.000Z',
    })),
  };
  const comparisons = {
    compare: vi.fn(async (_against: string) =>
      options.compareAnswer
        ? { ok: true as const, value: options.compareAnswer }
        : { ok: false as const, error: '没有可对照的' },
    ),
    failed: vi.fn(),
  };
  const editions = new EditionsStore(onScreen, editionNavigation, comparisons);
  const undo = new UndoStack();
  const undone: string[] = [];
  for (const what of options.undoable ?? [])
    undo.push({ what, undo: () => void undone.push(what) });
  if (options.comparison) editions.show(options.comparison);
  const fakes = {
    api: {
      printToPdf: vi.fn(async () => ({ ok: true, value: { path: null } })),
      exportQuarantine: vi.fn(async () => ({ ok: false, error: '测试里不下载' })),
    },
    notices: { add: vi.fn(), inform: vi.fn() },
    settings,
    search,
    desktop: options.desktop ?? true,
    reading: {
      getSnapshot: () => ({ topBlock: null }),
      scrollBy: vi.fn(),
      scrollPage: vi.fn(),
      scrollToEdge: vi.fn(),
      jumpTo: vi.fn(),
      isPastStart: vi.fn(() => false),
    },
    sidebar: {
      getSnapshot: () => ({ open: sidebarOpen, wide, panel: 'toc', focusInto: false }),
      coversText: sidebarOpen && !wide,
      subscribe: noSubscription,
      toggle: vi.fn(),
      show: vi.fn(),
      choose: vi.fn(),
    },
    userData: {
      data,
      getSnapshot: () => ({ data, loaded: true, lastDeleted: null }),
      subscribe: noSubscription,
    },
    annotating: {
      hasSelection: () => options.selection ?? false,
      subscribe: noSubscription,
      highlight: vi.fn(async () => {}),
      startNote: vi.fn(),
    },
    keyboardSelection: {
      active: () => options.keyboardSelecting ?? false,
      subscribe: noSubscription,
      start: vi.fn(),
      moveSentence: vi.fn(),
      resizeBySentence: vi.fn(),
      resizeByCharacter: vi.fn(),
    },
    glossary: { startAdd: vi.fn() },
    editions,
    fulfilment: {
      shown: Array.from({ length: options.fulfilment ?? 0 }, () => ({ rows: [] })),
      subscribe: noSubscription,
    },
    shelf: {
      getSnapshot: () => ({ shown: false, adding: null }),
      subscribe: noSubscription,
      toggle: vi.fn(),
      addFromDialog: vi.fn(async () => {}),
      reports: [entry],
      open: vi.fn(async () => {}),
    },
    report: { id: entry.id, entry },
    shortcuts: { open: vi.fn() },
    document: { outline: [], version: onScreen, title: '报告' },
    doc: { indexOf: new Map() },
    commands: new CommandRegistry(),
    undo,
  };
  const stores = fakes as unknown as ReaderStores;
  registerCommands(stores.commands, stores);
  return {
    ...fakes,
    settingsApi,
    editionNavigation,
    comparisons,
    registry: fakes.commands,
    /** What 撤销 has taken back, latest first. */
    undone,
  };
}
