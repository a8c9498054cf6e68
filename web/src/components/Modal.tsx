import { type ReactNode, useEffect, useId, useLayoutEffect, useRef } from 'react';

interface ModalProps {
  open: boolean;
  title: string;
  children: ReactNode;
  actions: ReactNode;
  /** Escape and the backdrop close the dialog through this; ignored while busy. */
  onClose: () => void;
  busy?: boolean;
  testId?: string;
  wide?: boolean;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and puts focus back on
 * the element that opened it.
 */
export function Modal({ open, title, children, actions, onClose, busy = false, testId, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Parents often unmount the dialog instead of closing it. Closing it first, while it is still in
  // the document, lets the browser hand focus back to the button that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
