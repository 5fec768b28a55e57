/**
 * A row of a panel's list deleted from its own 删除 button: focus goes to
 * the row now in its place, on its first button, else to the first thing to
 * act on in the panel (ui/focus-after-removal.ts has the rule).
 */
import { focusAfterRemoval } from '../../ui/focus-after-removal';
import { focusFirstIn } from './useFocusInto';

export function focusAfterDeletion(button: HTMLElement, panel: HTMLElement | null): void {
  const row = button.closest('li');
  if (!row || !panel) return;
  focusAfterRemoval(row, {
    within: panel,
    pick: (next) => next.querySelector<HTMLElement>('button:not(:disabled)'),
    fallback: () => focusFirstIn(panel),
  });
}
