// Left sidebar: one button per function; the selected one is marked aria-current.
import type { FunctionSummary } from '../../../sandbox/api/index.ts';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { Load } from '../../ui/useLoad.ts';

export function FunctionList({ state, selected, onSelect, onRetry }: {
  state: Load<FunctionSummary[]>;
  selected: string | null;
  onSelect: (name: string) => void;
  onRetry: () => void;
}) {
  return (
    <nav aria-label="Functions" className="function-list">
      <h2 className="sidebar-title">Functions</h2>
      {state.status === 'loading' && <LoadingMessage>Loading functions…</LoadingMessage>}
      {state.status === 'error' && <ErrorMessage title="Could not load the functions." message={state.message} onRetry={onRetry} />}
      {state.status === 'ready' && state.data.length === 0 && <EmptyMessage>No functions yet.</EmptyMessage>}
      {state.status === 'ready' && state.data.length > 0 && (
        <ul className="function-list-items">
          {state.data.map((f) => (
            <li key={f.name}>
              <button
                type="button"
                className="function-list-item"
                aria-label={f.name}
                aria-current={f.name === selected ? 'true' : undefined}
                aria-describedby={`function-runtime-${f.name}`}
                onClick={() => onSelect(f.name)}
              >
                <span className="function-name">{f.name}</span>
                <span className="function-runtime" id={`function-runtime-${f.name}`}>
                  {f.runtime}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
