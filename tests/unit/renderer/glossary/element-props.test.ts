import { describe, expect, it } from 'vitest';
import { bindElementProps } from '../../../../src/renderer/features/glossary/element-props';

/** Just enough of an Element to see what is attached and what is undone. */
class FakeElement extends EventTarget {
  attributes = new Map<string, string>();
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
}

describe('bindElementProps', () => {
  it('calls handlers with an event that has nativeEvent, currentTarget and working methods', () => {
    const element = new FakeElement();
    const seen: unknown[] = [];
    const undo = bindElementProps(element as unknown as Element, {
      onKeyDown: (event: Event & { nativeEvent: Event }) => {
        event.preventDefault();
        seen.push(event.nativeEvent, event.currentTarget, event.type);
      },
    });
    const event = new Event('keydown', { cancelable: true });
    element.dispatchEvent(event);
    expect(seen).toEqual([event, element, 'keydown']);
    expect(event.defaultPrevented).toBe(true);

    undo();
    element.dispatchEvent(new Event('keydown'));
    expect(seen).toHaveLength(3);
  });

  it('sets aria attributes and restores what was there before', () => {
    const element = new FakeElement();
    element.setAttribute('aria-haspopup', 'dialog');
    const undo = bindElementProps(element as unknown as Element, {
      'aria-haspopup': 'dialog',
      'aria-expanded': false,
      'aria-controls': 'popover-1',
      role: 'ignored',
    });
    expect(Object.fromEntries(element.attributes)).toEqual({
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': 'popover-1',
    });
    undo();
    expect(Object.fromEntries(element.attributes)).toEqual({ 'aria-haspopup': 'dialog' });
  });
});
