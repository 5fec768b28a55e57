/**
 * A box floating next to a place in the text (a selection, a highlight),
 * positioned by Floating UI: kept in the viewport, flipped rather than
 * covering the words (unless neither side has room), and following them as
 * the pane scrolls.
 */
import {
  autoUpdate,
  flip,
  FloatingPortal,
  hide,
  offset,
  shift,
  useFloating,
  type Placement,
} from '@floating-ui/react';
import { useLayoutEffect, type ReactNode } from 'react';

interface Props {
  /** The place, measured afresh on every update. */
  rect(): DOMRect;
  /** The scrolling element the place lives in, so scrolling moves the box. */
  within: HTMLElement;
  placement?: Placement;
  className: string;
  children(floating: {
    setFloating(node: HTMLElement | null): void;
    style: React.CSSProperties;
  }): ReactNode;
}

export function FloatingBox({ rect, within, placement = 'top', className, children }: Props) {
  const { refs, floatingStyles, middlewareData } = useFloating({
    placement,
    strategy: 'fixed',
    // Where neither side has room (the note editor under a long selection),
    // shifting on the cross axis too keeps the whole box in the window, over
    // part of the words, rather than its quote or its 保存 past an edge.
    middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8, crossAxis: true }), hide()],
    whileElementsMounted: autoUpdate,
  });
  // Scrolled out of view, the words take their box with them rather than leave it stranded.
  const style: React.CSSProperties = middlewareData.hide?.referenceHidden
    ? { ...floatingStyles, visibility: 'hidden' }
    : floatingStyles;
  useLayoutEffect(() => {
    refs.setPositionReference({
      getBoundingClientRect: rect,
      getClientRects: () => [rect()] as unknown as DOMRectList,
      contextElement: within,
    });
  }, [refs, rect, within]);
  return (
    <FloatingPortal>
      <div className={className}>{children({ setFloating: refs.setFloating, style })}</div>
    </FloatingPortal>
  );
}
