/**
 * What every modal dialog of the app does with focus, after the WAI-ARIA APG
 * dialog pattern: the <dialog> is shown with showModal() (the page behind is
 * inert, and Esc cancels: each dialog says what its cancel does), Tab from
 * the last control wraps to the first and Shift+Tab from the first to the
 * last (a native modal dialog lets Tab out of the page, to the browser or
 * to nothing), and focus goes back where it came from when it closes.
 * Which control takes focus first is each dialog's own (its default answer).
 */
import { useLayoutEffect, type RefObject } from 'react';
import { tabbable, type FocusableElement } from 'tabbable';

/** Moves focus round within `dialog` for a Tab press at its ends; answers whether it did. */
export function wrapTab(dialog: HTMLElement, event: KeyboardEvent): boolean {
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return false;
  const stops = tabbable(dialog);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) {
    // Nothing to go to: focus stays on the dialog rather than leave it.
    event.preventDefault();
    return true;
  }
  const active = document.activeElement;
  const outside = !active || active === dialog || !dialog.contains(active);
  let target: FocusableElement | null = null;
  if (event.shiftKey && (active === first || outside)) target = last;
  else if (!event.shiftKey && active === last) target = first;
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}

export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement;
    if (!element.open) element.showModal();
    const onKeyDown = (event: KeyboardEvent) => void wrapTab(element, event);
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      if (element.open) element.close();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    };
  }, [dialog]);
}
