// The test event (JSON text, sent exactly as typed) and the Invoke button.
import { useId } from 'react';

/** The Lambda console's hello-world test event. */
export const DEFAULT_EVENT = '{\n  "key1": "value1",\n  "key2": "value2",\n  "key3": "value3"\n}';

export function EventEditor({ value, onChange, problem, canInvoke, running, onInvoke, shortcutHint }: {
  value: string;
  onChange: (text: string) => void;
  /** Why the text is not valid JSON, or null. */
  problem: string | null;
  canInvoke: boolean;
  running: boolean;
  onInvoke: () => void;
  shortcutHint: string;
}) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className="event-pane">
      <div className="toolbar">
        <label className="toolbar-title" htmlFor={`${id}-event`}>
          Event JSON
        </label>
        <span className="shortcut-hint" aria-hidden="true">
          {shortcutHint}
        </span>
        <button
          type="button"
          className="button button--primary invoke-button"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          disabled={!canInvoke || running || problem !== null}
          aria-busy={running}
          onClick={onInvoke}
        >
          {running ? 'Invoking…' : 'Invoke'}
        </button>
      </div>
      <textarea
        id={`${id}-event`}
        className="event-text"
        aria-label="Event JSON"
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="event-feedback">
        {problem !== null ? (
          <p role="alert" id={problemId} className="inline-error" title={problem}>
            {problem}
          </p>
        ) : (
          <p className="event-hint">
            Your handler receives this as its <code>event</code> argument.
          </p>
        )}
      </div>
    </div>
  );
}
