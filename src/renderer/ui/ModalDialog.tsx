/**
 * A modal question: a native <dialog> shown with showModal(), so the page
 * behind is out of reach and Esc cancels; Tab goes round inside it and focus
 * goes back where it was when it closes (useModalDialog). Focus starts on
 * the element marked `autoFocus` (the default answer).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModalDialog } from './useModalDialog';

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
  useModalDialog(dialog);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[autofocus], [data-autofocus]')?.focus();
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
