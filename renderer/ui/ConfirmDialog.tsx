// "Are you sure?" for actions that lose something (delete a function, a file, an event).
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { Dialog } from './Dialog.tsx';

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger = true }: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
  danger?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const confirm = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void confirm()}
      className="dialog--small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="submit" className={danger ? 'button button--danger' : 'button button--primary'} aria-busy={busy} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="confirm-text">{children}</div>
      {failure !== undefined && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
