// A modal dialog on the native <dialog> element: the browser traps focus, makes the rest of the
// page inert and closes it with Escape (reported through onClose). Mount it to open it.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; put the form's submit button here. */
  footer?: ReactNode;
  /** With onSubmit, the body is a <form>: Enter submits. */
  onSubmit?: () => void;
  className?: string;
  /** A sentence under the title, also the dialog's accessible description. */
  description?: ReactNode;
}

export function Dialog({ title, onClose, children, footer, onSubmit, className, description }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element (the Close button): start where the user types instead.
    const start = dialog.querySelector<HTMLElement>(
      '[data-autofocus], .dialog-body input:not([type="hidden"]):not([type="radio"]):not([disabled]), .dialog-body textarea, .dialog-body select, .dialog-body [role="combobox"]',
    );
    start?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to where the user was (if it is still there).
      if (opener !== null && opener.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit?.();
  };

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Escape)" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </header>
      {description !== undefined && (
        <p id={descriptionId} className="dialog-description">
          {description}
        </p>
      )}
      <div className="dialog-body">{children}</div>
      {footer !== undefined && <footer className="dialog-footer">{footer}</footer>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={className === undefined ? 'dialog' : `dialog ${className}`}
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      {onSubmit !== undefined ? (
        <form className="dialog-form" onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        <div className="dialog-form">{body}</div>
      )}
    </dialog>
  );
}
