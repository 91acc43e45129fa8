// Every sample event of the SAM CLI (`sam local generate-event`), by service: pick one, fill in
// its parameters, see it rendered (with fresh ids and timestamps, or exactly as SAM writes it),
// then use it as the event or save it as a test event.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { TestEventName, type EventTemplateInfo, type RenderedEvent } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { ComboList, filterItems, type ComboItem } from '../../ui/ComboList.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { useLoad } from '../../ui/useLoad.ts';

const templateId = (t: Pick<EventTemplateInfo, 'service' | 'type'>): string => `${t.service}/${t.type}`;

type Preview = { status: 'idle' } | { status: 'rendering'; previous?: RenderedEvent } | { status: 'ready'; rendered: RenderedEvent } | { status: 'error'; message: string };

let cachedTemplates: Promise<EventTemplateInfo[]> | undefined;

export function TemplatePickerDialog({ existingNames, onUse, onSave, onClose }: {
  existingNames: readonly string[];
  /** Use the rendered JSON as the (unsaved) event. */
  onUse: (content: string) => void;
  /** Save the rendered JSON as a test event with this name. */
  onSave: (name: string, content: string) => Promise<void>;
  onClose: () => void;
}) {
  const { api } = useLab();
  const loadTemplates = useCallback(() => {
    cachedTemplates ??= api['event-templates:list']({}).catch((e: unknown) => {
      cachedTemplates = undefined;
      throw e;
    });
    return cachedTemplates;
  }, [api]);
  const templates = useLoad('event-templates', loadTemplates);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | undefined>();
  const [chosenId, setChosenId] = useState<string | undefined>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [fresh, setFresh] = useState(true);
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const [saveName, setSaveName] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const all = useMemo(() => (templates.state.status === 'ready' ? templates.state.data : []), [templates.state]);
  const items: (ComboItem & { template: EventTemplateInfo })[] = useMemo(
    () => all.map((t) => ({ id: templateId(t), label: `${t.service} ${t.type}`, detail: t.help, group: t.service, template: t })),
    [all],
  );
  const shown = useMemo(() => filterItems(items, query, (i) => i.template.help), [items, query]);
  const chosen = all.find((t) => templateId(t) === chosenId);

  // Render the chosen template whenever it or its parameters change (a little after typing stops).
  useEffect(() => {
    if (chosen === undefined) return;
    let live = true;
    setPreview((prev) => ({ status: 'rendering', ...(prev.status === 'ready' ? { previous: prev.rendered } : {}) }));
    const timer = setTimeout(() => {
      api['event-templates:render']({ service: chosen.service, type: chosen.type, values, fresh }).then(
        (rendered) => live && setPreview({ status: 'ready', rendered }),
        (e: unknown) => live && setPreview({ status: 'error', message: errorMessage(e) }),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, chosen, values, fresh]);

  const choose = (id: string): void => {
    setActiveId(id);
    if (id === chosenId) return;
    setChosenId(id);
    setValues({});
  };

  const rendered = preview.status === 'ready' ? preview.rendered : preview.status === 'rendering' ? preview.previous : undefined;
  const nameProblem = ((): string | undefined => {
    if (saveName === '') return undefined;
    const parsed = TestEventName.safeParse(saveName);
    if (!parsed.success) return parsed.error.issues[0]?.message;
    return existingNames.includes(saveName) ? `An event named ${saveName} already exists` : undefined;
  })();

  const use = async (): Promise<void> => {
    if (rendered === undefined || preview.status !== 'ready' || busy || nameProblem !== undefined) return;
    if (saveName === '') {
      onUse(rendered.content);
      onClose();
      return;
    }
    setBusy(true);
    try {
      await onSave(saveName, rendered.content);
      onClose();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Event templates"
      onClose={onClose}
      onSubmit={() => void use()}
      className="dialog--huge template-dialog"
      description="The sample events of the AWS SAM CLI, as sam local generate-event writes them. Fill in the parameters; ids and timestamps can be fresh for each event."
      footer={
        <>
          {failure !== undefined && (
            <p className="field-error dialog-failure" role="alert">
              {failure}
            </p>
          )}
          <Field label="Save as test event (optional)" error={nameProblem} className="field--inline">
            <input className="text-input" value={saveName} placeholder="e.g. s3-put" spellCheck={false} onChange={(e) => setSaveName(e.target.value)} />
          </Field>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={preview.status !== 'ready' || busy || nameProblem !== undefined} aria-busy={busy}>
            {saveName === '' ? 'Use event' : 'Save and use event'}
          </button>
        </>
      }
    >
      <div className="template-layout">
        <div className="template-list">
          {templates.state.status === 'loading' && <LoadingMessage>Loading the templates…</LoadingMessage>}
          {templates.state.status === 'error' && <ErrorMessage title="Could not load the templates." message={templates.state.message} onRetry={templates.reload} />}
          {templates.state.status === 'ready' && (
            <ComboList
              inputLabel="Search templates"
              listLabel="Event templates"
              placeholder={`Search ${all.length} templates: s3 put, sqs, apigateway…`}
              query={query}
              onQuery={setQuery}
              items={shown}
              activeId={activeId}
              onActive={setActiveId}
              onChoose={choose}
              emptyText="No template matches."
            />
          )}
        </div>
        <div className="template-detail">
          {chosen === undefined ? (
            <p className="state-message">Choose a template on the left (Enter picks the highlighted one).</p>
          ) : (
            <>
              <h3 className="template-title">
                {chosen.service} {chosen.type}
              </h3>
              <p className="field-hint">{chosen.help}</p>
              {chosen.parameters.length > 0 && (
                <div className="template-params">
                  {chosen.parameters.map((p) => (
                    <Field key={p.name} label={p.name} hint={p.note}>
                      <input
                        className="text-input"
                        value={values[p.name] ?? p.default}
                        spellCheck={false}
                        onChange={(e) => setValues((prev) => ({ ...prev, [p.name]: e.target.value }))}
                      />
                    </Field>
                  ))}
                </div>
              )}
              <label className="checkbox-label">
                <input type="checkbox" checked={fresh} onChange={(e) => setFresh(e.target.checked)} />
                Fresh ids and timestamps{chosen.freshFields.length > 0 ? ` (${chosen.freshFields.length} field${chosen.freshFields.length === 1 ? '' : 's'})` : ''}
              </label>
              <div className="template-preview-head">
                <span className="field-label">Preview</span>
                <span className="field-hint" role="status">
                  {preview.status === 'rendering' ? 'Rendering…' : preview.status === 'ready' && preview.rendered.stamped.length > 0 ? `Fresh: ${preview.rendered.stamped.join(', ')}` : ''}
                </span>
              </div>
              {preview.status === 'error' ? (
                <ErrorMessage title="Could not render the template." message={preview.message} />
              ) : (
                <pre className="code-block template-preview" aria-label="Event preview" tabIndex={0}>
                  {rendered?.content ?? ''}
                </pre>
              )}
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
