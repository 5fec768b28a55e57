/** How a key binding is written for people: in the 快捷键 sheet and in button tooltips. */
import type { KeyBinding } from './commands';

const KEY_NAMES: Record<string, string> = {
  ' ': '空格',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
};

/** `{ key: 'f', mod: true }` → "Ctrl+F" (or "⌘F" on macOS, as Mac menus write it). */
export function describeBinding(binding: KeyBinding, isMac: boolean): string {
  const key =
    KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  if (isMac) return `${binding.mod ? '⌘' : ''}${binding.shift ? '⇧' : ''}${key}`;
  return [binding.mod && 'Ctrl', binding.shift && 'Shift', key].filter(Boolean).join('+');
}
