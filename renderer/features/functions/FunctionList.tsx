// Left sidebar: search, the functions (the selected one is aria-current), New function and
// Import. The empty states say what a function is and how to get one.
import { memo, useState } from 'react';
import type { FunctionSummary } from '../../../sandbox/api/index.ts';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { Load } from '../../ui/useLoad.ts';
import { matchesQuery } from './useFunctionList.ts';

function FunctionListView({ state, selected, unsaved, onSelect, onRetry, onNew, onImport }: {
  state: Load<FunctionSummary[]>;
  selected: string | null;
  unsaved: ReadonlySet<string>;
  onSelect: (name: string) => void;
  onRetry: () => void;
  onNew: () => void;
  onImport: (file: File) => void;
}) {
  const [query, setQuery] = useState('');
  const shown = state.status === 'ready' ? state.data.filter((f) => matchesQuery(f, query)) : [];
  return (
    <nav aria-label="Functions" className="function-list">
      <div className="sidebar-head">
        <h2 className="sidebar-title">Functions</h2>
        <button type="button" className="button button--small button--primary" onClick={onNew} aria-keyshortcuts="Alt+N" title="New function (Alt+N)">
          New function
        </button>
      </div>
      <input
        type="search"
        className="text-input search-input"
        aria-label="Search functions"
        placeholder="Search by name or description"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="function-list-body">
        {state.status === 'loading' && <LoadingMessage>Loading functions…</LoadingMessage>}
        {state.status === 'error' && <ErrorMessage title="Could not load the functions." message={state.message} onRetry={onRetry} />}
        {state.status === 'ready' && state.data.length === 0 && (
          <EmptyMessage>
            No functions yet. A function is your code plus its settings; Lambda runs it when an event arrives. Press <strong>New function</strong> and
            start from a blueprint to see one that works.
          </EmptyMessage>
        )}
        {state.status === 'ready' && state.data.length > 0 && shown.length === 0 && <EmptyMessage>No function matches “{query.trim()}”.</EmptyMessage>}
        {shown.length > 0 && (
          <ul className="function-list-items" role="list" aria-label="Function list">
            {shown.map((f) => (
              <li key={f.name}>
                <button
                  type="button"
                  className="function-list-item"
                  aria-label={f.name}
                  aria-current={f.name === selected ? 'true' : undefined}
                  aria-describedby={`function-info-${f.name}`}
                  onClick={() => onSelect(f.name)}
                  title={f.description === '' ? f.name : `${f.name}: ${f.description}`}
                >
                  <span className="function-name">
                    {f.name}
                    {unsaved.has(f.name) && (
                      <span className="dirty-mark" aria-hidden="true" title="Unsaved changes">
                        ●
                      </span>
                    )}
                  </span>
                  <span className="function-runtime" id={`function-info-${f.name}`}>
                    {f.runtime} · {f.memorySizeMB} MB{unsaved.has(f.name) ? ' · unsaved changes' : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="sidebar-foot">
        <FilePicker label="Import function…" accept=".zip,application/zip" onPick={onImport} className="file-picker--wide" />
        <p className="sidebar-hint">A .zip of the code, or a SAM project (.zip with template.yaml).</p>
      </div>
    </nav>
  );
}

export const FunctionList = memo(FunctionListView);
