// The test event: choose a saved one (any number per function), edit it as JSON with line
// numbers and the error's line marked, save, import and export it, start from a template — and
// the Invoke button.
import { memo, useMemo, useRef, useState, type UIEvent } from 'react';
import { TestEventName } from '../../../sandbox/api/index.ts';
import { LabClientError, errorMessage } from '../../api/client.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { MenuButton } from '../../ui/Menu.tsx';
import { NameDialog } from '../../ui/NameDialog.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { eventProblem } from './eventProblem.ts';
import { SCRATCH, type TestEvents } from './useTestEvents.ts';

type EventDialog = { kind: 'save-as' } | { kind: 'rename' } | { kind: 'delete' } | { kind: 'replace'; fileName: string; content: string; name: string };

/** More lines than this and the line numbers are left out (a 6 MB event has many). */
const MAX_GUTTER_LINES = 5000;

function EventPaneView({ functionName, events, canInvoke, running, onInvoke, onOpenTemplates, shortcutHint, codeWarning }: {
  functionName: string | null;
  events: TestEvents;
  canInvoke: boolean;
  running: boolean;
  onInvoke: () => void;
  onOpenTemplates: () => void;
  shortcutHint: string;
  /** A problem in the code that will make the invocation fail (a syntax error), or null. */
  codeWarning: string | null;
}) {
  const toasts = useToasts();
  const [dialog, setDialog] = useState<EventDialog | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const { text, selected, modified } = events;
  const problem = useMemo(() => eventProblem(text), [text]);
  const lineCount = useMemo(() => {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0 && n <= MAX_GUTTER_LINES; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }, [text]);
  const saved = events.list.status === 'ready' ? events.list.data : [];
  const names = saved.map((e) => e.name);
  const disabled = functionName === null || events.list.status !== 'ready';

  const report = (what: string) => (e: unknown) => toasts.show({ message: what, detail: errorMessage(e), tone: 'error', durationMs: 10_000 });

  const goToProblem = (): void => {
    const el = textarea.current;
    if (el === null || problem === null) return;
    el.focus();
    el.setSelectionRange(problem.offset, Math.min(text.length, problem.offset + 1));
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 17;
    el.scrollTop = Math.max(0, (problem.line - 3) * lineHeight);
  };

  const onScroll = (e: UIEvent<HTMLTextAreaElement>): void => {
    if (gutter.current !== null) gutter.current.scrollTop = e.currentTarget.scrollTop;
  };

  const importFile = async (file: File): Promise<void> => {
    const content = await file.text();
    try {
      const event = await events.importFile(file.name, content, false);
      toasts.show({ message: `Imported ${file.name} as the test event ${event.name}.` });
    } catch (e) {
      if (e instanceof LabClientError && e.code === 'conflict') {
        const details = e.details as { name?: unknown } | undefined;
        setDialog({ kind: 'replace', fileName: file.name, content, name: typeof details?.name === 'string' ? details.name : file.name });
        return;
      }
      report(`Could not import ${file.name}.`)(e);
    }
  };

  return (
    <div className="event-pane">
      <div className="toolbar event-toolbar">
        <label className="toolbar-title" htmlFor="event-json">
          Event JSON
        </label>
        <select
          className="select select--compact"
          aria-label="Saved event"
          value={selected}
          disabled={disabled}
          onChange={(e) => events.choose(e.target.value)}
          title={saved.length === 0 ? 'No saved events yet: Save as… keeps this one' : `${saved.length} saved event${saved.length === 1 ? '' : 's'}`}
        >
          <option value={SCRATCH}>Unsaved event</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n === selected && modified ? `${n} (modified)` : n}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          disabled={disabled || problem !== null || (selected !== SCRATCH && !modified)}
          onClick={() => (selected === SCRATCH ? setDialog({ kind: 'save-as' }) : void events.save().catch(report('Could not save the event.')))}
          title={selected === SCRATCH ? 'Save this event under a name (Ctrl+S in the event)' : `Save the changes to ${selected} (Ctrl+S in the event)`}
        >
          Save event
        </button>
        <button type="button" className="button button--small" disabled={disabled} onClick={onOpenTemplates} title="Start from a sample event of an AWS service">
          Templates…
        </button>
        <MenuButton
          label="Event actions"
          className="button button--small"
          items={[
            { label: 'Save as…', onSelect: () => setDialog({ kind: 'save-as' }), disabled: disabled || problem !== null },
            { label: 'Rename…', onSelect: () => setDialog({ kind: 'rename' }), disabled: disabled || selected === SCRATCH },
            {
              label: 'Export as .json',
              onSelect: () => {
                events.exportSelected().then((fileName) => toasts.show({ message: `Exported ${fileName}.` }), report('Could not export the event.'));
              },
              disabled: disabled || (selected === SCRATCH && problem !== null),
            },
            { label: 'Import .json file…', onSelect: () => importInput.current?.click(), disabled },
            { label: 'Delete…', onSelect: () => setDialog({ kind: 'delete' }), disabled: disabled || selected === SCRATCH, danger: true },
          ]}
        >
          More ▾
        </MenuButton>
        <input
          ref={importInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Import event file"
          tabIndex={-1}
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void importFile(file);
          }}
        />
        <span className="shortcut-hint" aria-hidden="true">
          {shortcutHint}
        </span>
        <button
          type="button"
          className="button button--primary invoke-button"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title="Invoke the function with this event"
          disabled={!canInvoke || running || problem !== null}
          aria-busy={running}
          onClick={onInvoke}
        >
          {running ? 'Invoking…' : 'Invoke'}
        </button>
      </div>
      <div className="event-editor">
        {lineCount <= MAX_GUTTER_LINES && (
          <pre ref={gutter} className="event-gutter" aria-hidden="true">
            {Array.from({ length: lineCount }, (_, i) => (
              <span key={i} className={problem !== null && problem.line === i + 1 ? 'gutter-line gutter-line--error' : 'gutter-line'}>
                {i + 1}
                {'\n'}
              </span>
            ))}
          </pre>
        )}
        <textarea
          ref={textarea}
          id="event-json"
          className="event-text"
          aria-label="Event JSON"
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? 'event-problem' : 'event-hint'}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          wrap="off"
          value={text}
          disabled={functionName === null}
          onScroll={onScroll}
          onChange={(e) => events.setText(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+S here saves the event (elsewhere it saves the code).
            if (e.key.toLowerCase() !== 's' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
            e.preventDefault();
            if (problem !== null) return;
            if (selected === SCRATCH) setDialog({ kind: 'save-as' });
            else if (modified) void events.save().catch(report('Could not save the event.'));
          }}
        />
      </div>
      <div className="event-feedback">
        {events.list.status === 'error' ? (
          <>
            <p role="alert" className="inline-error" title={events.list.message}>
              Could not load the saved events: {events.list.message}
            </p>
            <button type="button" className="link-button" onClick={events.reload}>
              Retry
            </button>
          </>
        ) : problem !== null ? (
          <>
            <p role="alert" id="event-problem" className="inline-error" title={problem.message}>
              {problem.message}
            </p>
            <button type="button" className="link-button" onClick={goToProblem}>
              Go to line {problem.line}
            </button>
          </>
        ) : codeWarning !== null ? (
          <p className="inline-warning" id="event-hint" title={codeWarning}>
            {codeWarning}
          </p>
        ) : (
          <p className="event-hint" id="event-hint">
            Your handler receives this as its <code>event</code> argument.
          </p>
        )}
      </div>

      {dialog?.kind === 'save-as' && (
        <NameDialog
          title="Save event as"
          label="Event name"
          hint="Up to 25 letters, digits, dots, hyphens and underscores. A function may keep any number of events."
          initial={selected === SCRATCH ? '' : `${selected}-copy`.slice(0, 25)}
          submitLabel="Save event"
          validate={(n) => {
            const parsed = TestEventName.safeParse(n);
            if (!parsed.success) return parsed.error.issues[0]?.message;
            return names.includes(n) ? `An event named ${n} already exists: choose it and save, or pick another name` : undefined;
          }}
          onSubmit={(n) => events.saveAs(n)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={`Rename event ${selected}`}
          label="New name"
          initial={selected}
          submitLabel="Rename"
          validate={(n) => {
            const parsed = TestEventName.safeParse(n);
            if (!parsed.success) return parsed.error.issues[0]?.message;
            if (n === selected) return 'Type a new name';
            return names.includes(n) ? `An event named ${n} already exists` : undefined;
          }}
          onSubmit={(n) => events.rename(n)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog title={`Delete event ${selected}?`} confirmLabel="Delete event" onConfirm={() => events.remove()} onClose={() => setDialog(null)}>
          <p>The saved event goes away; its text stays in the editor as an unsaved event.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'replace' && (
        <ConfirmDialog
          title={`Replace event ${dialog.name}?`}
          confirmLabel="Replace"
          onConfirm={async () => {
            const event = await events.importFile(dialog.fileName, dialog.content, true);
            toasts.show({ message: `Imported ${dialog.fileName}, replacing the test event ${event.name}.` });
          }}
          onClose={() => setDialog(null)}
        >
          <p>
            {functionName} already has a test event named {dialog.name}. Replace it with the content of {dialog.fileName}?
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

export const EventPane = memo(EventPaneView);
