/**
 * Every feature's commands, registered with the one registry in the order the
 * menu and the 快捷键 sheet show them. A feature adds its commands here once;
 * the registry refuses a clash of ids or keys at start.
 */
import type { Command, CommandBinding, CommandRegistry } from '../commands/registry';
import { undoBinding, undoCommands } from '../commands/undo-commands';
import { annotationBinding, annotationCommands } from '../features/annotations/commands';
import { appearanceBinding, appearanceCommands } from '../features/appearance/commands';
import { bookmarkBinding, bookmarkCommands } from '../features/bookmarks/commands';
import { editionBinding, editionCommands } from '../features/editions/commands';
import { figureBinding, figureCommands } from '../features/figures/commands';
import { glossaryBinding, glossaryCommands } from '../features/glossary/commands';
import { libraryBinding, libraryCommands } from '../features/library/commands';
import { printBinding, printCommands } from '../features/print/commands';
import { readingBinding, readingCommands } from '../features/reading/commands';
import { searchBinding, searchCommands } from '../features/search/commands';
import { shortcutBinding, shortcutCommands } from '../features/shortcuts/commands';
import { sidebarBinding, sidebarCommands } from '../features/sidebar/commands';
import { tocBinding, tocCommands } from '../features/toc/commands';
import type { ReaderStores } from './stores';

export interface FeatureCommands {
  /** The definitions, readable without a running reader (tests, the sheet's row count). */
  readonly commands: readonly Pick<Command<never>, 'id' | 'label' | 'keys' | 'menu'>[];
  register(registry: CommandRegistry, stores: ReaderStores): void;
}

function feature<Context>(
  commands: readonly Command<Context>[],
  bind: (stores: ReaderStores) => CommandBinding<Context>,
): FeatureCommands {
  return {
    commands,
    register: (registry, stores) => registry.register({ commands, ...bind(stores) }),
  };
}

/*
 * The menu keeps this order within each section and group: 文件 (the library,
 * print, then the notes' files), 编辑 (撤销, annotate, then search), 视图 (look, panels, go).
 */
export const FEATURE_COMMANDS: readonly FeatureCommands[] = [
  feature(libraryCommands, libraryBinding),
  feature(printCommands, printBinding),
  // First of 编辑, as 撤销 is in every application's menu.
  feature(undoCommands, undoBinding),
  feature(shortcutCommands, shortcutBinding),
  feature(appearanceCommands, appearanceBinding),
  feature(sidebarCommands, sidebarBinding),
  feature(glossaryCommands, glossaryBinding),
  feature(searchCommands, searchBinding),
  feature(annotationCommands, annotationBinding),
  feature(bookmarkCommands, bookmarkBinding),
  feature(figureCommands, figureBinding),
  feature(editionCommands, editionBinding),
  feature(tocCommands, tocBinding),
  feature(readingCommands, readingBinding),
];

export function registerCommands(registry: CommandRegistry, stores: ReaderStores): void {
  for (const commands of FEATURE_COMMANDS) commands.register(registry, stores);
}
