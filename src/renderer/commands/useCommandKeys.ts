/** Routes key presses to commands, except while the user is typing or choosing. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { commandForKey, isEnabled, type CommandContext } from './commands';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function useCommandKeys(context: CommandContext): void {
  // The listener is installed once; it always sees the latest context.
  const latest = useRef(context);
  useEffect(() => {
    latest.current = context;
  });
  // Attached at commit, not after paint: keys work from the moment the
  // interface is on screen (this is what `reader:interactive` marks).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // A dialog (the 快捷键 sheet) owns the keys while it is open: Esc closes
      // it, and nothing behind it should scroll or change.
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      const focused = document.activeElement !== null && document.activeElement !== document.body;
      const command = commandForKey(event, isMac, focused, isTypingTarget(event.target));
      if (!command || !isEnabled(command, latest.current)) return;
      event.preventDefault();
      command.perform(latest.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
