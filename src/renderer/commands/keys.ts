/** Key bindings: what a command's keys are, and whether a key press or another binding matches them. */

export interface KeyBinding {
  /** `KeyboardEvent.key` */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  /** When set, Shift must be (true) or must not be (false) held; otherwise it is ignored. */
  shift?: boolean;
  /**
   * Only when nothing has focus. A focused pane, link or button handles these
   * keys itself (Space presses a button, arrows scroll the TOC), and must.
   */
  unfocused?: boolean;
  /** Also while typing in a text field (Ctrl+F, F3); other keys are the field's. */
  inTextFields?: boolean;
  /**
   * Not while focus is on a control (a button, a link, a term): there the
   * key (Enter) presses the control. On the text, the pane or the page, it
   * is the command's.
   */
  notOnControls?: boolean;
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/** Where the key press happened. */
export interface KeyPlace {
  isMac: boolean;
  /** False when focus is on the page itself (the body). */
  somethingFocused?: boolean;
  inTextField?: boolean;
  /** Focus is on a control that Enter presses (a button, a link, a term of the glossary). */
  onControl?: boolean;
}

export const IS_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether a key press means this binding, honouring Cmd on macOS and Ctrl elsewhere. */
export function bindingMatches(binding: KeyBinding, event: KeyEventLike, place: KeyPlace): boolean {
  const mod = place.isMac ? event.metaKey : event.ctrlKey;
  const otherMod = place.isMac ? event.ctrlKey : event.metaKey;
  if (event.altKey || otherMod) return false;
  return (
    binding.key === event.key &&
    Boolean(binding.mod) === mod &&
    (binding.shift === undefined || binding.shift === Boolean(event.shiftKey)) &&
    !(binding.unfocused && place.somethingFocused) &&
    !(binding.notOnControls && place.onControl) &&
    (!place.inTextField || binding.inTextFields === true)
  );
}

/**
 * Whether one key press could mean both bindings: the same key and modifier,
 * and Shift states that overlap (unset overlaps both). Where focus is does
 * not separate them: the same key would then do two things by accident.
 */
export function bindingsClash(a: KeyBinding, b: KeyBinding): boolean {
  return (
    a.key === b.key &&
    Boolean(a.mod) === Boolean(b.mod) &&
    (a.shift === undefined || b.shift === undefined || a.shift === b.shift)
  );
}
