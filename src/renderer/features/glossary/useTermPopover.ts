/**
 * Positioning and interactions for one marked term's popover, by Floating UI:
 * below the term (above when there is no room), shifted and shrunk to stay in
 * the reading pane (never over the toolbar, nor over a sidebar lying over the
 * text in a narrow window: FloatingBox's keptInRoom, as the selection toolbar
 * keeps), following the term as the pane scrolls, hidden while the term
 * is scrolled out of sight. Hover (after a delay, with a safe path into the
 * popover), keyboard focus and click open it; Esc and outside presses close it.
 */
import {
  autoUpdate,
  hide,
  offset,
  safePolygon,
  useClick,
  useDismiss,
  useFloating,
  useFocus,
  useHover,
  useInteractions,
  useRole,
  type OpenChangeReason,
} from '@floating-ui/react';
import { useCallback, useEffect, useRef } from 'react';
import { keptInRoom } from '../../ui/FloatingBox';
import { bindElementProps } from './element-props';

/** Long enough that moving the mouse across the text does not flash popovers. */
const HOVER_DELAY = { open: 350, close: 150 };
/** Gap between term and popover, and the least distance kept from the window's edges. */
const GAP = 6;
const EDGE = 8;
const TABBABLE = 'button:not(:disabled), a[href], [tabindex="0"]';

const PAGE_TABBABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * The first element Tab would reach after `after` in the page, skipping the
 * popover. After the last term nothing follows: Tab goes round to the page's
 * first control, as it does at the end of any page. (Before, Tab went to a
 * focus guard after the term, which sent it to the toolbar, from where Tab
 * came back into the popover: a loop a keyboard user could not leave.)
 */
function nextTabbable(after: HTMLElement, skip: HTMLElement): HTMLElement | undefined {
  const candidates = [...document.querySelectorAll<HTMLElement>(PAGE_TABBABLE)].filter(
    (candidate) =>
      !skip.contains(candidate) &&
      !after.contains(candidate) &&
      // Floating UI's focus guards, beside the popover at the page's end, only hand focus on.
      !candidate.hasAttribute('data-floating-ui-focus-guard') &&
      candidate.getClientRects().length > 0,
  );
  return (
    candidates.find(
      (candidate) => after.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING,
    ) ?? candidates[0]
  );
}

/** Where the popover lives: the reading pane, and what may lie over it (the sidebar). */
export interface PopoverRoom {
  within: HTMLElement;
  beside: HTMLElement;
}

export function useTermPopover(
  element: HTMLElement,
  open: boolean,
  onOpenChange: (open: boolean, reason?: OpenChangeReason) => void,
  { within, beside }: PopoverRoom,
) {
  // One stable callback for Floating UI, calling the latest handler: a new
  // handler each render would rebuild the interactions and rebind the term.
  const latest = useRef(onOpenChange);
  useEffect(() => {
    latest.current = onOpenChange;
  });
  const changeOpen = useCallback(
    (next: boolean, _event?: Event, reason?: OpenChangeReason) => latest.current(next, reason),
    [],
  );
  const { refs, floatingStyles, context, middlewareData } = useFloating({
    open,
    onOpenChange: changeOpen,
    elements: { reference: element },
    placement: 'bottom',
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(GAP),
      ...keptInRoom(within, beside, {
        padding: EDGE,
        // Shrinks (and scrolls) a long definition rather than let it run off screen or over the
        // term; narrows it to the room beside a sidebar. The room is a ceiling under
        // glossary.css's own width (a max-width set here would replace it: a definition
        // ran as one line across a wide window).
        fit({ availableHeight, availableWidth, elements }) {
          elements.floating.style.maxHeight = `${Math.max(96, Math.floor(availableHeight))}px`;
          elements.floating.style.setProperty(
            '--room-width',
            `${Math.max(0, Math.floor(availableWidth))}px`,
          );
        },
      }),
      hide(),
    ],
  });

  const { getReferenceProps, getFloatingProps } = useInteractions([
    useHover(context, { delay: HOVER_DELAY, handleClose: safePolygon() }),
    useFocus(context),
    useClick(context),
    useDismiss(context),
    useRole(context, { role: 'dialog' }),
  ]);

  // The term is pre-rendered HTML, not a React element: bind the props to it directly.
  useEffect(
    () => bindElementProps(element, getReferenceProps() as Record<string, unknown>),
    [element, getReferenceProps],
  );

  // The popover lives in a portal at the end of the page; Tab order runs as if
  // it followed its term in the text: term → popover → what comes after the term.
  const floating = context.elements.floating;
  useEffect(() => {
    if (!open || !floating) return;
    const onTermKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.shiftKey || event.defaultPrevented) return;
      const first = floating.querySelector<HTMLElement>(TABBABLE);
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    const onPopoverKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented) return;
      const inside = [...floating.querySelectorAll<HTMLElement>(TABBABLE)];
      if (event.shiftKey && event.target === inside[0]) {
        event.preventDefault();
        element.focus();
      } else if (!event.shiftKey && event.target === inside[inside.length - 1]) {
        event.preventDefault();
        nextTabbable(element, floating)?.focus();
        // Focus has left it: it closes, as it would on Esc (another term opening stays open).
        changeOpen(false);
      }
    };
    element.addEventListener('keydown', onTermKey);
    floating.addEventListener('keydown', onPopoverKey);
    return () => {
      element.removeEventListener('keydown', onTermKey);
      floating.removeEventListener('keydown', onPopoverKey);
    };
  }, [open, floating, element, changeOpen]);

  const hidden = middlewareData.hide?.referenceHidden === true;
  return { setFloating: refs.setFloating, floatingStyles, context, getFloatingProps, hidden };
}
