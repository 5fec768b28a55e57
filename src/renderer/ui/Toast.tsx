/**
 * A toast: a short word at the bottom of the window (撤销 after a deletion or
 * a removal, a file's progress while it is added). Every toast goes into one
 * column (#toast-slot in index.html), so two at once stack instead of one
 * covering the other.
 */
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

export const TOAST_SLOT_ID = 'toast-slot';

interface Props {
  className?: string;
  children: ReactNode;
}

export function Toast({ className, children }: Props) {
  const toast = (
    <div className={className ? `toast ${className}` : 'toast'} role="status">
      {children}
    </div>
  );
  const slot = document.getElementById(TOAST_SLOT_ID);
  return slot ? createPortal(toast, slot) : toast;
}
