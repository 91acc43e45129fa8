// Create a function: a name, and where its code comes from (the console's starter code, or a
// blueprint with a working handler and a matching test event).
import { useCallback, useId, useState } from 'react';
import { FunctionName, RUNTIMES, type Blueprint, type BlueprintId, type FunctionDetail, type RuntimeId } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { useLoad } from '../../ui/useLoad.ts';

type Start = 'blank' | BlueprintId;

/** A free name like `s3-object`, `s3-object-2`, ... */
export function suggestName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function functionNameProblem(name: string, taken: ReadonlySet<string>): string | undefined {
  const parsed = FunctionName.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message;
  return taken.has(name) ? `A function named ${name} already exists` : undefined;
}

export function NewFunctionDialog({ taken, onCreated, onClose }: {
  taken: ReadonlySet<string>;
  onCreated: (fn: FunctionDetail) => void;
  onClose: () => void;
}) {
  const { api } = useLab();
  const id = useId();
  const loadBlueprints = useCallback(() => api['blueprints:list']({}), [api]);
  const blueprints = useLoad('blueprints', loadBlueprints);
  const [start, setStart] = useState<Start>('hello-world');
  const [name, setName] = useState(() => suggestName('hello-world', taken));
  const [nameEdited, setNameEdited] = useState(false);
  const [runtime, setRuntime] = useState<RuntimeId>('nodejs24.x');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [submitted, setSubmitted] = useState(false);
  const problem = functionNameProblem(name.trim(), taken);

  const choose = (next: Start): void => {
    setStart(next);
    if (!nameEdited) setName(suggestName(next === 'blank' ? 'my-function' : next, taken));
  };

  const create = async (): Promise<void> => {
    setSubmitted(true);
    if (problem !== undefined || busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await api['functions:create']({
        name: name.trim(),
        config: { runtime },
        ...(start === 'blank' ? {} : { blueprint: start }),
      });
      onCreated(created);
      onClose();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  const options: { id: Start; title: string; description: string }[] = [
    ...(blueprints.state.status === 'ready' ? blueprints.state.data.map((b: Blueprint) => ({ id: b.id, title: b.title, description: b.description })) : []),
    { id: 'blank', title: 'Author from scratch', description: 'The Lambda console’s starter code: a handler that answers “Hello from Lambda!”. No test event yet.' },
  ];

  return (
    <Dialog
      title="New function"
      onClose={onClose}
      onSubmit={() => void create()}
      className="dialog--wide"
      footer={
        <>
          {failure !== undefined && (
            <p className="field-error dialog-failure" role="alert">
              {failure}
            </p>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            Create function
          </button>
        </>
      }
    >
      <div className="form-row">
        <Field label="Function name" hint="1–64 letters, digits, hyphens (-) and underscores (_)." error={submitted || name !== '' ? problem : undefined} className="field--grow">
          <input
            className="text-input"
            value={name}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setNameEdited(true);
            }}
          />
        </Field>
        <Field label="Runtime" hint="Node.js 24 is the newest; 20 and 22 still take callback handlers.">
          <select className="select" value={runtime} onChange={(e) => setRuntime(e.target.value as RuntimeId)}>
            {RUNTIMES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="blueprint-choice">
        <legend className="field-label">Start from</legend>
        {blueprints.state.status === 'loading' && <LoadingMessage>Loading blueprints…</LoadingMessage>}
        {blueprints.state.status === 'error' && <ErrorMessage title="Could not load the blueprints." message={blueprints.state.message} onRetry={blueprints.reload} />}
        <div className="blueprint-grid" role="radiogroup" aria-label="Start from">
          {options.map((o) => (
            <label key={o.id} className={start === o.id ? 'blueprint blueprint--chosen' : 'blueprint'}>
              <input
                type="radio"
                name={`${id}-start`}
                value={o.id}
                checked={start === o.id}
                onChange={() => choose(o.id)}
                aria-labelledby={`${id}-${o.id}-title`}
                aria-describedby={`${id}-${o.id}`}
              />
              <span className="blueprint-title" id={`${id}-${o.id}-title`}>
                {o.title}
              </span>
              <span className="blueprint-description" id={`${id}-${o.id}`}>
                {o.description}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </Dialog>
  );
}
