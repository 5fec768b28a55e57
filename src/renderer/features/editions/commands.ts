/**
 * 修订对照: its panel (comparing the edition on screen with the one before
 * it when nothing is on show yet), choosing any two editions, stepping
 * through the changes, the redline in the reading view, the change list as
 * Markdown, and going back to the current edition from an earlier one.
 * Stepping and the redline are enabled only while the comparison's new
 * edition is the one on screen.
 */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { offerDownload } from '../../ui/download';
import type { LibraryReport } from '../../../shared/library';
import { changesFile } from './edition-files';
import { labelOf, previousEdition } from './edition-names';

export interface EditionsContext {
  /** A comparison is on show. */
  readonly available: boolean;
  /** The report has two editions or more: there is something to compare. */
  readonly comparable: boolean;
  /** Its changes can be stepped through and marked in the text on screen. */
  readonly navigable: boolean;
  readonly redline: boolean;
  /** The edition on screen is an earlier one (read-only). */
  readonly earlier: boolean;
  showPanel(): void;
  chooseEditions(): void;
  step(by: 1 | -1): void;
  toggleRedline(): void;
  exportChanges(): void;
  openCurrent(): void;
}

const VIEW_EDITIONS = { section: 'view', group: 'editions' } as const;

export const editionCommands: Command<EditionsContext>[] = [
  {
    id: 'panel.editions',
    label: '修订对照',
    // r for revision (修订).
    keys: [{ key: 'r' }],
    menu: { section: 'view', group: 'panels' },
    enabled: (context) => context.available || context.comparable,
    perform: (context) => context.showPanel(),
  },
  {
    id: 'editions.choose',
    label: '选择对照的版本…',
    keys: [],
    menu: VIEW_EDITIONS,
    enabled: (context) => context.comparable,
    perform: (context) => context.chooseEditions(),
  },
  {
    id: 'editions.next',
    label: '下一处修订',
    // The keys that read as > and <, next to each other.
    keys: [{ key: '.' }],
    menu: VIEW_EDITIONS,
    enabled: (context) => context.navigable,
    perform: (context) => context.step(1),
  },
  {
    id: 'editions.previous',
    label: '上一处修订',
    keys: [{ key: ',' }],
    menu: VIEW_EDITIONS,
    enabled: (context) => context.navigable,
    perform: (context) => context.step(-1),
  },
  {
    id: 'editions.redline',
    label: '在正文中标出修订',
    keys: [{ key: 'R', shift: true }],
    menu: VIEW_EDITIONS,
    enabled: (context) => context.navigable || context.redline,
    checked: (context) => context.redline,
    perform: (context) => context.toggleRedline(),
  },
  {
    id: 'editions.current',
    label: '回到当前版本',
    keys: [],
    menu: VIEW_EDITIONS,
    enabled: (context) => context.earlier,
    perform: (context) => context.openCurrent(),
  },
  {
    id: 'editions.export',
    label: '导出修订对照（Markdown）…',
    keys: [],
    menu: { section: 'file', group: 'annotations' },
    enabled: (context) => context.available,
    perform: (context) => context.exportChanges(),
  },
];

/** The report's entry as the shelf has it now (an edition may have been added since it was opened). */
export function shelfEntry({
  shelf,
  report,
}: Pick<ReaderStores, 'shelf' | 'report'>): LibraryReport {
  return shelf.reports.find((entry) => entry.id === report.id) ?? report.entry;
}

export function editionBinding(stores: ReaderStores): CommandBinding<EditionsContext> {
  const { editions, sidebar, document, settings, shelf, report } = stores;
  const onScreen = document.version;
  return {
    context: {
      get available() {
        return editions.comparison !== null;
      },
      get comparable() {
        return shelfEntry(stores).editions.length > 1;
      },
      get navigable() {
        return editions.navigable;
      },
      get redline() {
        return editions.getSnapshot().redline;
      },
      get earlier() {
        return shelfEntry(stores).edition !== onScreen;
      },
      showPanel: () => {
        if (editions.comparison !== null) return sidebar.show('editions');
        // Nothing on show yet: the edition on screen against the one before it, or the reader chooses.
        const before = previousEdition(shelfEntry(stores), onScreen);
        if (before === undefined) return editions.openChooser();
        void editions.compareWith(before).then((shown) => shown && sidebar.show('editions'));
      },
      chooseEditions: editions.openChooser,
      step: (by) => {
        // Stepping shows where it is in the list too, when the sidebar sits beside the text.
        if (sidebar.getSnapshot().wide) sidebar.choose('editions');
        editions.step(by);
      },
      toggleRedline: editions.toggleRedline,
      exportChanges: () => {
        const { comparison } = editions;
        if (comparison === null) return;
        const entry = shelfEntry(stores);
        const editionNames = {
          old: labelOf(entry, comparison.oldVersion),
          new: labelOf(entry, comparison.newVersion),
        };
        const colors = settings.getSnapshot().colorNames;
        offerDownload(changesFile(comparison, document, colors, { editionNames, entry }));
      },
      openCurrent: () => void shelf.open(report.id),
    },
    watch: [editions, shelf],
  };
}
