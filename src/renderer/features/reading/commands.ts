/** Keyboard scrolling of the text: a few lines, a page, the start or the end. */
import type { ReaderStores } from '../../app/stores';
import type { Command, CommandBinding } from '../../commands/registry';

export interface ReadingContext {
  scrollBy(direction: 1 | -1): void;
  scrollPage(direction: 1 | -1): void;
  scrollToEdge(edge: 'start' | 'end'): void;
}

export const readingCommands: Command<ReadingContext>[] = [
  {
    id: 'scroll.down',
    label: '向下滚动',
    keys: [{ key: 'j' }, { key: 'ArrowDown', unfocused: true }],
    perform: (context) => context.scrollBy(1),
  },
  {
    id: 'scroll.up',
    label: '向上滚动',
    keys: [{ key: 'k' }, { key: 'ArrowUp', unfocused: true }],
    perform: (context) => context.scrollBy(-1),
  },
  {
    id: 'scroll.pageDown',
    label: '向下翻页',
    keys: [
      { key: ' ', shift: false, unfocused: true },
      { key: 'PageDown', unfocused: true },
    ],
    perform: (context) => context.scrollPage(1),
  },
  {
    id: 'scroll.pageUp',
    label: '向上翻页',
    keys: [
      { key: ' ', shift: true, unfocused: true },
      { key: 'PageUp', unfocused: true },
    ],
    perform: (context) => context.scrollPage(-1),
  },
  {
    id: 'scroll.start',
    label: '回到开头',
    keys: [{ key: 'Home', unfocused: true }],
    perform: (context) => context.scrollToEdge('start'),
  },
  {
    id: 'scroll.end',
    label: '跳到结尾',
    keys: [{ key: 'End', unfocused: true }],
    perform: (context) => context.scrollToEdge('end'),
  },
];

export function readingBinding({ reading }: ReaderStores): CommandBinding<ReadingContext> {
  return {
    context: {
      scrollBy: (direction) => reading.scrollBy(direction),
      scrollPage: (direction) => reading.scrollPage(direction),
      scrollToEdge: (edge) => reading.scrollToEdge(edge),
    },
  };
}
