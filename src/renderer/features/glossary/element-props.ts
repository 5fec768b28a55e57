/**
 * Floating UI's interaction hooks hand out React props for the reference
 * element. Our terms are pre-rendered HTML, not React elements, so this binds
 * those props to a live element: handlers as native listeners (given an event
 * that also answers `nativeEvent` and `currentTarget` like React's), aria-*
 * values as attributes. The returned function undoes everything.
 */
type Handler = (event: unknown) => void;

function reactLikeEvent(event: Event, element: Element): Event {
  return new Proxy(event, {
    get(target, property) {
      if (property === 'nativeEvent') return target;
      if (property === 'currentTarget') return element;
      const value: unknown = Reflect.get(target, property, target);
      // Native methods such as preventDefault() throw unless called on the real event.
      return typeof value === 'function' ? (value as Handler).bind(target) : value;
    },
  });
}

export function bindElementProps(element: Element, props: Record<string, unknown>): () => void {
  const undo: (() => void)[] = [];
  for (const [name, value] of Object.entries(props)) {
    if (/^on[A-Z]/.test(name) && typeof value === 'function') {
      // onPointerEnter → pointerenter, onKeyDown → keydown, onFocus → focus.
      const type = name.slice(2).toLowerCase();
      const listener = (event: Event) => (value as Handler)(reactLikeEvent(event, element));
      element.addEventListener(type, listener);
      undo.push(() => element.removeEventListener(type, listener));
    } else if (name.startsWith('aria-')) {
      const before = element.getAttribute(name);
      if (value === undefined || value === null) element.removeAttribute(name);
      else element.setAttribute(name, String(value));
      undo.push(() =>
        before === null ? element.removeAttribute(name) : element.setAttribute(name, before),
      );
    }
  }
  return () => undo.forEach((step) => step());
}
