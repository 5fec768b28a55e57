/**
 * 撤销 (Ctrl/Cmd+Z, 编辑 → 撤销): takes back the latest change of the app's one
 * undo stack (undo-stack.ts), and says which (撤销删除批注). Not in text
 * fields: there Ctrl+Z is the field's own undo of what was typed.
 */
import type { ReaderStores } from '../app/stores';
import type { Command, CommandBinding } from './registry';
import type { UndoStack } from './undo-stack';

export interface UndoContext {
  readonly stack: UndoStack;
}

export const undoCommands: Command<UndoContext>[] = [
  {
    id: 'edit.undo',
    label: '撤销',
    labelNow: (context) => context.stack.label(),
    keys: [{ key: 'z', mod: true, shift: false }],
    enabled: (context) => context.stack.latest() !== undefined,
    menu: { section: 'edit', group: 'undo' },
    perform: (context) => void context.stack.undoLatest(),
  },
];

export function undoBinding(stores: ReaderStores): CommandBinding<UndoContext> {
  return { context: { stack: stores.undo }, watch: [stores.undo] };
}
