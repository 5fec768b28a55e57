/**
 * A box floating next to a place in the text (a selection, a highlight),
 * positioned by Floating UI: kept in the reading pane (never over the
 * toolbar, whose search box and 第 k/N 处 stay in sight and at hand, nor
 * over the sidebar), flipped rather than covering the words (unless neither
 * side has room), and following them as the pane scrolls.
 */
import {
  autoUpdate,
  flip,
  FloatingPortal,
  hide,
  offset,
  shift,
  size,
  useFloating,
  type Middleware,
  type Placement,
  type Rect,
  type SizeOptions,
} from '@floating-ui/react';
import { useLayoutEffect, type ReactNode } from 'react';

interface Props {
  /** The place, measured afresh on every update. */
  rect(): DOMRect;
  /** The scrolling element the place lives in, so scrolling moves the box; the box stays inside it. */
  within: HTMLElement;
  /** What may lie over `within` at its left (the sidebar on a narrow window): the box keeps beside it. */
  beside?: HTMLElement;
  placement?: Placement;
  className: string;
  children(floating: {
    setFloating(node: HTMLElement | null): void;
    style: React.CSSProperties;
  }): ReactNode;
}

/** Narrower than this beside the sidebar, the box may go over the sidebar rather than be squeezed. */
const MIN_ROOM = 320;

/**
 * Where the box may go, measured at each placing: the pane below the
 * toolbar, less the part a sidebar lying over it covers, when what is left
 * holds a box.
 */
function roomIn(within: HTMLElement, beside: HTMLElement | undefined): Rect {
  const pane = within.getBoundingClientRect();
  let left = pane.left;
  const over = beside?.getBoundingClientRect();
  // Over the pane, not beside it (a wide window's sidebar ends where the pane begins).
  if (over && over.width > 0 && over.left <= pane.left && over.right > pane.left) {
    if (pane.right - over.right >= MIN_ROOM) left = over.right;
  }
  return { x: left, y: pane.top, width: pane.right - left, height: pane.height };
}

interface RoomOptions {
  /** Kept from the room's edges, in px. */
  padding: number;
  /** Shifted along the side it sits on too (see FloatingBox). */
  crossAxis?: boolean;
  /** Sizes the box to the room left (Floating UI's size `apply`). */
  fit: SizeOptions['apply'];
}

/**
 * Floating UI's flip, shift and size, each kept to `roomIn(within, beside)`
 * measured afresh at each placing: the one rule for every box over the text
 * (FloatingBox, the glossary popovers).
 */
export function keptInRoom(
  within: HTMLElement,
  beside: HTMLElement | undefined,
  { padding, crossAxis = false, fit }: RoomOptions,
): Middleware[] {
  const boundary = () => roomIn(within, beside);
  return [
    flip(() => ({ padding, boundary: boundary() })),
    shift(() => ({ padding, crossAxis, boundary: boundary() })),
    size(() => ({ padding, boundary: boundary(), apply: fit })),
  ];
}

export function FloatingBox({
  rect,
  within,
  beside,
  placement = 'top',
  className,
  children,
}: Props) {
  const { refs, floatingStyles, middlewareData } = useFloating({
    placement,
    strategy: 'fixed',
    // Where neither side has room (the note editor under a long selection),
    // shifting on the cross axis too keeps the whole box in the pane, over
    // part of the words, rather than its quote or its 保存 past an edge.
    // The box never goes over the toolbar: its search box and 第 k/N 处
    // stay in sight (at 800 px a long selection's toolbar covered them).
    middleware: [
      offset(8),
      // As wide as the room at most: the selection toolbar wraps its buttons, the editor narrows.
      ...keptInRoom(within, beside, {
        padding: 8,
        crossAxis: true,
        fit: ({ elements, availableWidth }) => {
          elements.floating.style.maxWidth = `${Math.max(0, availableWidth)}px`;
        },
      }),
      hide(),
    ],
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
