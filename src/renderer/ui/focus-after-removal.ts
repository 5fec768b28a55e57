/**
 * A row of a list removed from its own button (a panel's 删除, the 书架's
 * 移除): the button goes with the row, and focus would fall to the page's
 * start (the next Tab at 跳到正文, far from the list). Once the row has gone,
 * focus goes to the row now in its place (the next one, else the one
 * before), else to the list's fallback. A removal that fails leaves the row,
 * and focus, where they are; so does a reader who has put focus elsewhere
 * meanwhile. The rule for the sidebar's panels; the 书架 follows the same
 * rule from its store (library/LibraryView.tsx), since removing the report on
 * screen puts up another reader, and another 书架, before focus can move.
 */

/** Long enough for the removal's save to answer; after it the row is taken to be staying. */
const WAIT_MS = 5000;

export interface AfterRemoval {
  /** What holds the list, watched for the row going (the list itself may go with its last row). */
  within: HTMLElement;
  /** What takes focus in the row now in the removed one's place. */
  pick(row: Element): HTMLElement | null;
  /** Where focus goes when no row is left. */
  fallback(): void;
}

/**
 * The reader has put focus somewhere of their own since a removal began: on
 * an element still in the page, other than the page itself and `start` (a
 * list's own first stop, where it puts focus when it is drawn).
 */
export function focusMovedOn(start?: Element | null): boolean {
  const active = document.activeElement;
  return active !== null && active !== document.body && active !== start && active.isConnected;
}

/** Watches `row` (an `li` of its list) go, then moves focus on as above. */
export function focusAfterRemoval(row: Element, { within, pick, fallback }: AfterRemoval): void {
  const list = row.parentElement;
  if (!list) return;
  const at = [...list.children].indexOf(row);
  const done = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const observer = new MutationObserver(() => {
    if (row.isConnected) return;
    done();
    if (focusMovedOn()) return;
    const rows = list.isConnected ? [...list.children] : [];
    const next = rows[Math.min(at, rows.length - 1)];
    const target = next && pick(next);
    if (target) target.focus();
    else fallback();
  });
  const timer = setTimeout(done, WAIT_MS);
  observer.observe(within, { childList: true, subtree: true });
}
