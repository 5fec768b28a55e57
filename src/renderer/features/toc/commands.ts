/** 上一节 / 下一节: stepping through the report's outline. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';
import { goToSection } from './toc';

export interface TocContext {
  goToSection(step: 1 | -1): void;
}

export const tocCommands: Command<TocContext>[] = [
  {
    id: 'section.next',
    label: '下一节',
    keys: [{ key: ']' }],
    perform: (context) => context.goToSection(1),
    menu: { section: 'view', group: 'go' },
  },
  {
    id: 'section.previous',
    label: '上一节',
    keys: [{ key: '[' }],
    perform: (context) => context.goToSection(-1),
    menu: { section: 'view', group: 'go' },
  },
];

export function tocBinding({ reading, document, doc }: ReaderStores): CommandBinding<TocContext> {
  return {
    context: { goToSection: (step) => goToSection(reading, document.outline, doc.indexOf, step) },
  };
}
