/**
 * The toolbar folds progressively as the window narrows, so nothing in it
 * ever overlaps or runs off the edge: first the theme picker goes into the
 * 更多 menu, then the font size and 快捷键, then the search scope (本报告 /
 * 全部报告), then the title, and last the
 * 目录 button's word (its icon stays). Measured, not guessed from
 * breakpoints: whatever the toolbar holds (a longer title, a wider search
 * box), the fewest parts are folded that let the rest fit.
 */

/** What folds, in order. Each part carries `data-fold="<name>"` inline and in the menu. */
export const FOLDS = ['theme', 'font', 'help', 'scope', 'title', 'label'] as const;

/**
 * Whether everything shown fits: nothing runs past the toolbar, and the
 * title, which shrinks rather than overflows, is not cut to an ellipsis
 * (a title cut to 「2018年海曙区政府工…」 reads as another report's).
 */
function fits(toolbar: HTMLElement): boolean {
  if (toolbar.scrollWidth > toolbar.clientWidth) return false;
  const title = toolbar.querySelector<HTMLElement>(':scope > .toolbar-title');
  return !title || title.offsetWidth === 0 || title.scrollWidth <= title.clientWidth;
}

/** Folds the fewest parts that let the toolbar's contents fit its width; answers how many. */
export function fitToolbar(toolbar: HTMLElement): number {
  for (let count = 0; count <= FOLDS.length; count++) {
    const folded = FOLDS.slice(0, count).join(' ');
    if (toolbar.dataset.folded !== folded) toolbar.dataset.folded = folded;
    if (fits(toolbar)) return count;
  }
  return FOLDS.length;
}

/**
 * Fits the toolbar in the frame it first appears in, and again whenever its
 * width or its contents change; answers the stop. The first fit is the
 * ResizeObserver's first notification, which comes in that frame after its
 * layout and before its paint: no forced layout while the interface is being
 * committed (measuring right away would lay the page out twice, the first
 * time with the UI font's first use, before the key handler is attached).
 */
export function keepToolbarFitted(toolbar: HTMLElement): () => void {
  let width: number | null = null;
  const resized = new ResizeObserver(() => {
    // Folding changes no width of the toolbar itself: only a new window width refits.
    if (toolbar.clientWidth === width) return;
    width = toolbar.clientWidth;
    fitToolbar(toolbar);
  });
  // A longer status (第 12/345 处), a control added: contents, not attributes (folding's own).
  const changed = new MutationObserver(() => fitToolbar(toolbar));
  resized.observe(toolbar);
  changed.observe(toolbar, { childList: true, subtree: true, characterData: true });
  return () => {
    resized.disconnect();
    changed.disconnect();
  };
}
