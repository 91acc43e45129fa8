// "Reset to starter": put the lesson's functions back to the starter code and settings, keeping
// the progress, or start the whole lesson over.
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';

export function ResetLessonDialog({ functionNames, unsaved, onReset, onClose }: {
  functionNames: readonly string[];
  /** Lesson functions with unsaved edits (they are lost). */
  unsaved: readonly string[];
  onReset: (scope: 'code' | 'lesson') => Promise<void>;
  onClose: () => void;
}) {
  const [scope, setScope] = useState<'code' | 'lesson'>('code');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const names = functionNames.map((n) => `“${n}”`).join(', ');
  const submit = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      await onReset(scope);
      onClose();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Reset to starter?"
      onClose={onClose}
      onSubmit={() => void submit()}
      className="dialog--small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={busy} aria-busy={busy}>
            Reset
          </button>
        </>
      }
    >
      <fieldset className="reset-choice">
        <legend className="field-label">What to reset</legend>
        <label className="reset-option">
          <input type="radio" name="reset-scope" value="code" checked={scope === 'code'} onChange={() => setScope('code')} />
          <span>
            <strong>Only the code</strong>
            <span className="reset-detail">
              {names} go{functionNames.length === 1 ? 'es' : ''} back to the starter code and settings. Passed steps stay passed.
            </span>
          </span>
        </label>
        <label className="reset-option">
          <input type="radio" name="reset-scope" value="lesson" checked={scope === 'lesson'} onChange={() => setScope('lesson')} />
          <span>
            <strong>The whole lesson</strong>
            <span className="reset-detail">The code too, and your progress, hints and answers are cleared: the lesson starts over and only invocations from now on count.</span>
          </span>
        </label>
      </fieldset>
      {unsaved.length > 0 && <p className="confirm-text">Unsaved changes to {unsaved.map((n) => `“${n}”`).join(', ')} are lost.</p>}
      {failure !== undefined && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
