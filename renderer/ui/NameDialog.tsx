// A dialog that asks for one name (new file, rename, duplicate, save event as…), checks it as
// the user types and shows what the engine answered when the action fails.
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';

export interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** Why the name cannot be used, or undefined when it can. */
  validate: (name: string) => string | undefined;
  /** Does the work; a rejection is shown in the dialog, which stays open. */
  onSubmit: (name: string) => Promise<void> | void;
  onClose: () => void;
  hint?: ReactNode;
  description?: ReactNode;
}

export function NameDialog({ title, label, initial, submitLabel, validate, onSubmit, onClose, hint, description }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const problem = validate(name.trim());

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (problem !== undefined || busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(name.trim());
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
      onSubmit={() => void submit()}
      className="dialog--small"
      {...(description !== undefined ? { description } : {})}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-busy={busy} disabled={busy}>
            {submitLabel}
          </button>
        </>
      }
    >
      <Field label={label} hint={hint} error={(touched || name !== initial) && problem !== undefined ? problem : failure}>
        <input
          className="text-input"
          value={name}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setName(e.target.value);
            setFailure(undefined);
          }}
          onFocus={(e) => {
            // Select the name without its extension, as editors do when renaming a file.
            const dot = e.target.value.lastIndexOf('.');
            const slash = e.target.value.lastIndexOf('/');
            e.target.setSelectionRange(slash + 1, dot > slash + 1 ? dot : e.target.value.length);
          }}
        />
      </Field>
    </Dialog>
  );
}
