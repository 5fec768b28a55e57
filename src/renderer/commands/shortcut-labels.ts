/** How a key binding is written for people: in the 快捷键 sheet and in button tooltips. */
import { IS_MAC, type KeyBinding } from './keys';

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

/**
 * `{ key: 'f', mod: true }` → "Ctrl+F" (or "⌘F" on macOS, as Mac menus write
 * it); `{ key: 't' }` → "t". A letter pressed alone is written as typed, in
 * lower case: "T" would read as Shift+T.
 */
export function describeBinding(binding: KeyBinding, isMac: boolean): string {
  const letter = binding.key.length === 1;
  const chord = binding.mod || binding.shift;
  const key =
    KEY_NAMES[binding.key] ??
    (letter ? (chord ? binding.key.toUpperCase() : binding.key.toLowerCase()) : binding.key);
  if (isMac) return `${binding.mod ? '⌘' : ''}${binding.shift ? '⇧' : ''}${key}`;
  return [binding.mod && 'Ctrl', binding.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Each different way to press a command's keys, once (`H` and `h` with Ctrl+Shift are both Ctrl+Shift+H). */
export function describeKeys(keys: readonly KeyBinding[], isMac: boolean): string[] {
  return [...new Set(keys.map((binding) => describeBinding(binding, isMac)))];
}

/** A command's label with its keys, as a tooltip shows it: `显示/隐藏目录（o）`. */
export function titleWithKeys(
  label: string,
  keys: readonly KeyBinding[],
  isMac: boolean,
  prefix = '',
): string {
  const written = describeKeys(keys, isMac).join(' / ');
  return written === '' ? `${prefix}${label}` : `${prefix}${label}（${written}）`;
}

/** A command's first key as the reader types it, for hints in prose: `Ctrl+D`. */
export function keyLabel(command: { keys: readonly KeyBinding[] }, isMac = IS_MAC): string {
  const [binding] = command.keys;
  return binding ? describeBinding(binding, isMac) : '';
}
