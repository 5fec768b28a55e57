/** Routes key presses to commands, except while the user is typing or choosing. */
import { useLayoutEffect } from 'react';
import { IS_MAC } from './keys';
import type { CommandRegistry } from './registry';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Controls that a key such as Enter presses: the key is theirs, not a command's. */
const CONTROLS =
  'a[href], button, summary, [role="button"], [role="tab"], [role="radio"], [role="link"], [role="menuitem"]';

function isControl(element: Element | null): boolean {
  return element instanceof HTMLElement && element.matches(CONTROLS);
}

export function useCommandKeys(registry: CommandRegistry): void {
  // Attached at commit, not after paint: keys work from the moment the
  // interface is on screen (this is what markInteractive() marks).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // A dialog (the 快捷键 sheet) owns the keys while it is open: Esc closes
      // it, and nothing behind it should scroll or change.
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      const focused = document.activeElement !== null && document.activeElement !== document.body;
      const command = registry.forKey(event, {
        isMac: IS_MAC,
        somethingFocused: focused,
        inTextField: isTypingTarget(event.target),
        onControl: isControl(document.activeElement),
      });
      // Asked at key time: a selection made in this same frame counts.
      if (!command?.isEnabled()) return;
      event.preventDefault();
      command.perform();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
}
