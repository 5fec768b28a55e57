/**
 * A row of a panel's list deleted from its own 删除 button: the button goes
 * with the row, and focus would fall to the page's start (the next Tab at
 * 跳到正文, far from the list). Once the row has gone, focus goes to the row
 * now in its place (the next one, else the one before), else to the first
 * thing to act on in the panel. A deletion that fails leaves the row, and
 * focus, where they are.
 */
import { focusFirstIn } from './useFocusInto';

/** Long enough for the deletion's save to answer; after it the row is taken to be staying. */
const WAIT_MS = 5000;

export function focusAfterRemoval(button: HTMLElement, panel: HTMLElement | null): void {
  const row = button.closest('li');
  const list = row?.parentElement;
  if (!row || !list || !panel) return;
  const at = [...list.children].indexOf(row);
  const done = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const observer = new MutationObserver(() => {
    if (row.isConnected) return;
    done();
    // The reader has gone on elsewhere meanwhile: focus stays where they put it.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const rows = list.isConnected ? [...list.children] : [];
    const next =
      rows[Math.min(at, rows.length - 1)]?.querySelector<HTMLElement>('button:not(:disabled)');
    if (next) next.focus();
    else focusFirstIn(panel);
  });
  const timer = setTimeout(done, WAIT_MS);
  observer.observe(panel, { childList: true, subtree: true });
}
