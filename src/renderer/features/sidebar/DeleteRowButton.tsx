/**
 * A panel row's 删除 (a note's, a bookmark's): once the row has gone, focus
 * goes to the row now in its place, on its first button, else to the first
 * thing to act on in the panel (ui/focus-after-removal.ts has the rule).
 */
import { focusAfterRemoval } from '../../ui/focus-after-removal';
import { focusFirstIn } from './useFocusInto';

interface Props {
  /** The selector of the panel holding the list (`.annotations-panel`). */
  panel: string;
  disabled: boolean;
  onDelete(): void;
}

export function DeleteRowButton({ panel, disabled, onDelete }: Props) {
  return (
    <button
      type="button"
      className="link-button"
      disabled={disabled}
      onClick={(event) => {
        const row = event.currentTarget.closest('li');
        const within = event.currentTarget.closest<HTMLElement>(panel);
        if (row && within) {
          focusAfterRemoval(row, {
            within,
            pick: (next) => next.querySelector<HTMLElement>('button:not(:disabled)'),
            fallback: () => focusFirstIn(within),
          });
        }
        onDelete();
      }}
    >
      删除
    </button>
  );
}
