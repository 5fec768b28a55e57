/**
 * Scrolling a list so one of its items shows, without Element.scrollIntoView:
 * in Chromium 150 that call also moves the sequential focus navigation
 * starting point to the element, so the page's first Tab went into the 目录
 * (to its current entry) instead of to 跳到正文. Setting scrollTop moves no
 * starting point in any browser.
 */

/** The nearest ancestor of `element` that scrolls vertically, or null. */
export function scrollingAncestor(element: Element): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** Scrolls `container` the least that shows all of `element` (its top, when it is taller). */
export function revealWithin(container: HTMLElement, element: Element): void {
  const box = element.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  if (box.top < view.top) container.scrollTop -= view.top - box.top;
  else if (box.bottom > view.bottom) {
    container.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
  }
}

/** Shows `element` in whatever list scrolls it. */
export function revealInList(element: Element | null | undefined): void {
  const container = element && scrollingAncestor(element);
  if (element && container) revealWithin(container, element);
}

/** Scrolls `container` sideways the least that shows all of `element`. */
export function revealSideways(container: HTMLElement, element: Element): void {
  const box = element.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  if (box.left < view.left) container.scrollLeft -= view.left - box.left;
  else if (box.right > view.right) container.scrollLeft += box.right - view.right;
}
