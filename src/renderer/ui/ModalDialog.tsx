/**
 * A modal question: a native <dialog> shown with showModal(), so focus stays
 * inside it, the page behind is out of reach and Esc cancels. Focus starts
 * on the element marked `autoFocus` (the default answer) and goes back where
 * it was when the dialog closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  title: string;
  /** Esc, or the dialog closed by anything but an answer. */
  onCancel(): void;
  children: ReactNode;
  className?: string;
}

export function ModalDialog({ title, onCancel, children, className }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    const returnTo = document.activeElement;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('[autofocus], [data-autofocus]')?.focus();
    return () => {
      if (element?.open) element.close();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    };
  }, []);
  return createPortal(
    <dialog
      ref={dialog}
      className={`modal-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="modal-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>,
    document.body,
  );
}
