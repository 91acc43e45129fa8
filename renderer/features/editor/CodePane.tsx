// The code area: file tabs (when there are several files), save status, Save, and the editor.
import { useEffect, useState } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { Tabs, tabId } from '../../ui/Tabs.tsx';
import { CodeEditor, type EditorShortcuts } from './CodeEditor.tsx';
import { handlerFile } from './language.ts';
import type { FunctionCode } from './useFunctionCode.ts';

const PANEL_ID = 'code-editor-panel';
const TAB_PREFIX = 'code-file';

export function CodePane({ functionName, listLoading, code, shortcuts }: {
  functionName: string | null;
  /** The function list is still loading (so no function is chosen yet). */
  listLoading: boolean;
  code: FunctionCode;
  shortcuts: EditorShortcuts;
}) {
  const { detail, files } = code;
  const [activeByFunction, setActiveByFunction] = useState<Readonly<Record<string, string>>>({});

  const loaded = detail.status === 'ready' ? detail.data : undefined;
  const chosen = loaded === undefined ? undefined : activeByFunction[loaded.name];
  const activePath =
    loaded === undefined
      ? undefined
      : chosen !== undefined && files.some((f) => f.path === chosen)
        ? chosen
        : handlerFile(loaded.config.handler, files);
  const activeFile = files.find((f) => f.path === activePath);
  const select = (path: string): void => {
    if (loaded !== undefined) setActiveByFunction((prev) => ({ ...prev, [loaded.name]: path }));
  };

  // Keep the tab selection on file removal etc. simple: forget choices for files that left.
  useEffect(() => {
    if (loaded === undefined) return;
    const remembered = activeByFunction[loaded.name];
    if (remembered !== undefined && !loaded.files.some((f) => f.path === remembered)) {
      setActiveByFunction((prev) => {
        const { [loaded.name]: _gone, ...rest } = prev;
        return rest;
      });
    }
  }, [loaded, activeByFunction]);

  const multiple = files.length > 1;
  const activeIndex = files.findIndex((f) => f.path === activePath);

  return (
    <div className="code-pane">
      <div className="toolbar code-toolbar">
        <div className="code-files">
          {loaded !== undefined && multiple && activePath !== undefined && (
            <Tabs label="Files" items={files.map((f) => f.path)} active={activePath} onSelect={select} idPrefix={TAB_PREFIX} panelId={PANEL_ID} />
          )}
          {loaded !== undefined && !multiple && activePath !== undefined && <span className="file-name">{activePath}</span>}
          {loaded === undefined && functionName !== null && <span className="file-name file-name--muted">{functionName}</span>}
        </div>
        {code.saveError !== null && (
          <p className="inline-error" role="alert" title={code.saveError}>
            {code.saveError}
          </p>
        )}
        {loaded !== undefined && (
          <span role="status" className={code.dirty ? 'save-status save-status--dirty' : 'save-status'}>
            {code.dirty ? 'Unsaved changes' : 'Saved'}
          </span>
        )}
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Control+S Meta+S"
          aria-busy={code.saving}
          disabled={loaded === undefined || !code.dirty || code.saving}
          onClick={() => {
            code.save().catch(() => undefined); // the error is shown next to the button
          }}
        >
          Save
        </button>
      </div>
      <div
        className="code-editor-area"
        id={PANEL_ID}
        role={multiple ? 'tabpanel' : undefined}
        aria-labelledby={multiple && activeIndex >= 0 ? tabId(TAB_PREFIX, activeIndex) : undefined}
      >
        {functionName === null && (listLoading ? <LoadingMessage>Loading…</LoadingMessage> : <EmptyMessage>Choose a function on the left to see its code.</EmptyMessage>)}
        {functionName !== null && detail.status === 'loading' && <LoadingMessage>Loading {functionName}…</LoadingMessage>}
        {functionName !== null && detail.status === 'error' && (
          <ErrorMessage title={`Could not load ${functionName}.`} message={detail.message} onRetry={code.reload} />
        )}
        {loaded !== undefined && activeFile !== undefined && (
          <CodeEditor functionName={loaded.name} path={activeFile.path} value={activeFile.content} onEdit={code.edit} shortcuts={shortcuts} />
        )}
        {loaded !== undefined && activeFile === undefined && <LoadingMessage>This function has no files.</LoadingMessage>}
      </div>
    </div>
  );
}
