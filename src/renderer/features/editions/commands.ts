/**
 * 修订对照: its panel, stepping through the changes, the redline in the
 * reading view, and the change list as Markdown. Each is enabled only while
 * a comparison is on show (and the stepping and the redline only while its
 * new edition is the one on screen).
 */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { offerDownload } from '../../ui/download';
import { changesFile } from './edition-files';

export interface EditionsContext {
  /** A comparison is on show. */
  readonly available: boolean;
  /** Its changes can be stepped through and marked in the text on screen. */
  readonly navigable: boolean;
  readonly redline: boolean;
  showPanel(): void;
  step(by: 1 | -1): void;
  toggleRedline(): void;
  exportChanges(): void;
}

const VIEW_EDITIONS = { section: 'view', group: 'editions' } as const;

export const editionCommands: Command<EditionsContext>[] = [
  {
    id: 'panel.editions',
    label: '修订对照',
    // r for revision (修订).
    keys: [{ key: 'r' }],
    menu: { section: 'view', group: 'panels' },
    enabled: (context) => context.available,
    perform: (context) => context.showPanel(),
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
    id: 'editions.export',
    label: '导出修订对照（Markdown）…',
    keys: [],
    menu: { section: 'file', group: 'annotations' },
    enabled: (context) => context.available,
    perform: (context) => context.exportChanges(),
  },
];

export function editionBinding({
  editions,
  sidebar,
  document,
  settings,
}: ReaderStores): CommandBinding<EditionsContext> {
  return {
    context: {
      get available() {
        return editions.comparison !== null;
      },
      get navigable() {
        return editions.navigable;
      },
      get redline() {
        return editions.getSnapshot().redline;
      },
      showPanel: () => sidebar.show('editions'),
      step: (by) => {
        // Stepping shows where it is in the list too, when the sidebar sits beside the text.
        if (sidebar.getSnapshot().wide) sidebar.choose('editions');
        editions.step(by);
      },
      toggleRedline: editions.toggleRedline,
      exportChanges: () => {
        const { comparison } = editions;
        if (comparison === null) return;
        offerDownload(changesFile(comparison, document, settings.getSnapshot().colorNames));
      },
    },
    watch: [editions],
  };
}
