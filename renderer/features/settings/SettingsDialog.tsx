// The function's settings with Lambda's ranges: checked as the user types (the contract's
// schemas), saved with functions:update-config, and the engine's answer shown at the field.
import { useMemo, useState, type ReactNode } from 'react';
import { ARCHITECTURES, LOG_FORMATS, LOG_LEVELS, MEMORY_MB, RUNTIMES, type FunctionDetail } from '../../../sandbox/api/index.ts';
import { LabClientError, errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { EnvironmentVariablesEditor } from './EnvironmentVariablesEditor.tsx';
import { checkSettings, fieldErrorsFromDetails, formFromDetail, type FieldErrors, type SettingsForm } from './settingsForm.ts';

export function SettingsDialog({ fn, memoryCapMB, onSaved, onClose }: {
  fn: FunctionDetail;
  memoryCapMB: number | undefined;
  onSaved: (fn: FunctionDetail, configChanged: boolean) => void;
  onClose: () => void;
}) {
  const { api } = useLab();
  const [form, setForm] = useState<SettingsForm>(() => formFromDetail(fn));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [engineErrors, setEngineErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const checked = useMemo(() => checkSettings(form, fn), [form, fn]);

  const set = <K extends keyof SettingsForm>(field: K, value: SettingsForm[K]): void => {
    setForm((prev) => ({ ...prev, [field]: value }));
    setTouched((prev) => new Set(prev).add(field));
    setEngineErrors((prev) => {
      const { [field]: _gone, ...rest } = prev;
      return rest;
    });
  };
  const errorOf = (field: keyof SettingsForm): string | undefined =>
    engineErrors[field] ?? (submitted || touched.has(field) ? checked.errors[field] : undefined);

  const save = async (): Promise<void> => {
    setSubmitted(true);
    if (Object.keys(checked.errors).length > 0 || busy) return;
    const configChanged = Object.keys(checked.changes).length > 0;
    if (!configChanged && checked.description === undefined) {
      onClose();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await api['functions:update-config']({
        name: fn.name,
        config: checked.changes,
        ...(checked.description !== undefined ? { description: checked.description } : {}),
      });
      onSaved(saved, configChanged);
      onClose();
    } catch (e) {
      const fields = e instanceof LabClientError && e.code === 'bad-request' ? fieldErrorsFromDetails(e.details, e.message) : undefined;
      if (fields !== undefined) setEngineErrors(fields);
      else setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  const memory = Number(form.memorySizeMB);
  const jsonLogs = form.logFormat === 'JSON';
  const capNote: ReactNode =
    memoryCapMB !== undefined && Number.isFinite(memory) && memory > memoryCapMB ? (
      <span className="field-warning">The sandbox gives this function at most {memoryCapMB} MB of heap on this machine.</span>
    ) : undefined;

  return (
    <Dialog
      title={`Settings of ${fn.name}`}
      onClose={onClose}
      onSubmit={() => void save()}
      className="dialog--wide settings-dialog"
      description="A change of settings starts new execution environments: the next invocation is a cold start."
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
            Save settings
          </button>
        </>
      }
    >
      <Field label="Description" error={errorOf('description')} hint="Up to 256 characters.">
        <textarea className="text-input" rows={2} value={form.description} onChange={(e) => set('description', e.target.value)} />
      </Field>
      <div className="form-grid">
        <Field label="Runtime" hint="nodejs24.x removed callback handlers; 20 and 22 still accept them.">
          <select className="select" value={form.runtime} onChange={(e) => set('runtime', e.target.value as SettingsForm['runtime'])}>
            {RUNTIMES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Field>
        <Field label="Handler" error={errorOf('handler')} hint="file.export: index.handler calls the export handler of index.mjs (or .js, .cjs, .ts).">
          <input className="text-input" value={form.handler} spellCheck={false} onChange={(e) => set('handler', e.target.value)} />
        </Field>
        <Field
          label="Memory (MB)"
          error={errorOf('memorySizeMB')}
          hint={
            <>
              {MEMORY_MB.min}–{MEMORY_MB.max.toLocaleString('en-US')} MB. Lambda gives CPU in proportion to memory, and bills memory × time. {capNote}
            </>
          }
        >
          <input className="text-input" type="number" inputMode="numeric" min={128} max={10240} step={1} value={form.memorySizeMB} onChange={(e) => set('memorySizeMB', e.target.value)} />
        </Field>
        <Field label="Timeout (seconds)" error={errorOf('timeoutSeconds')} hint="1–900 seconds (15 minutes). After it, Lambda stops the handler and discards the environment.">
          <input className="text-input" type="number" inputMode="numeric" min={1} max={900} step={1} value={form.timeoutSeconds} onChange={(e) => set('timeoutSeconds', e.target.value)} />
        </Field>
        <Field label="Ephemeral storage (MB)" error={errorOf('ephemeralStorageMB')} hint="512–10,240 MB of /tmp; above 512 MB it is billed per GB-second.">
          <input
            className="text-input"
            type="number"
            inputMode="numeric"
            min={512}
            max={10240}
            step={1}
            value={form.ephemeralStorageMB}
            onChange={(e) => set('ephemeralStorageMB', e.target.value)}
          />
        </Field>
        <fieldset className="field radio-field">
          <legend className="field-label">Architecture</legend>
          <div className="radio-row">
            {ARCHITECTURES.map((a) => (
              <label key={a} className="radio-label">
                <input type="radio" name="architecture" value={a} checked={form.architecture === a} onChange={() => set('architecture', a)} />
                {a}
              </label>
            ))}
          </div>
          <p className="field-hint">arm64 (AWS Graviton) costs about 20% less per GB-second than x86_64; your JavaScript runs the same on both.</p>
        </fieldset>
      </div>
      <EnvironmentVariablesEditor rows={form.environment} onChange={(rows) => set('environment', rows)} error={errorOf('environment')} />
      <div className="form-grid">
        <Field label="Log format" hint="JSON writes each log line as a JSON object (and lets you filter by level).">
          <select className="select" value={form.logFormat} onChange={(e) => set('logFormat', e.target.value as SettingsForm['logFormat'])}>
            {LOG_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </Field>
        <Field label="Application log level" hint={jsonLogs ? 'Lines below this level are dropped.' : 'Applies only with the JSON log format, as on Lambda.'}>
          <select
            className="select"
            value={form.applicationLogLevel}
            disabled={!jsonLogs}
            onChange={(e) => set('applicationLogLevel', e.target.value as SettingsForm['applicationLogLevel'])}
          >
            {LOG_LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </Field>
        <Field label="System log level" hint={jsonLogs ? 'Which of Lambda’s own lines (START, END, REPORT) are written.' : 'Applies only with the JSON log format.'}>
          <select className="select" value={form.systemLogLevel} disabled={!jsonLogs} onChange={(e) => set('systemLogLevel', e.target.value as SettingsForm['systemLogLevel'])}>
            {(['DEBUG', 'INFO', 'WARN'] as const).map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </Field>
      </div>
    </Dialog>
  );
}
