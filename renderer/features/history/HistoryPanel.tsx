// Invocations of the selected function, newest first; choosing one shows it in Result and Log output.
import { formatClock, formatMs, statusText } from '../../ui/format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { History, HistoryItem } from './useHistory.ts';

function HistoryEntry({ item, current, onOpen }: { item: HistoryItem; current: boolean; onOpen: (requestId: string) => void }) {
  return (
    <li className="history-item">
      <button
        type="button"
        className="history-button"
        aria-current={current ? 'true' : undefined}
        title={`Request ID ${item.requestId}`}
        onClick={() => onOpen(item.requestId)}
      >
        <span className="history-status">
          <span className={`result-status--${item.status}`}>{statusText(item.status)}</span>
          {item.status === 'error' && item.errorType !== undefined && <span className="history-error-type"> {item.errorType}</span>}
        </span>
        <span className="history-duration">{formatMs(item.durationMs)}</span>
        <time className="history-time" dateTime={item.startedAt}>
          {formatClock(item.startedAt)}
        </time>
        <span className={item.coldStart ? 'badge badge--cold' : 'badge'}>{item.coldStart ? 'Cold' : 'Warm'}</span>
      </button>
    </li>
  );
}

export function HistoryPanel({ functionName, history, currentRequestId, onOpen }: {
  functionName: string | null;
  history: History;
  currentRequestId: string | null;
  onOpen: (requestId: string) => void;
}) {
  const { state } = history;
  return (
    <Panel label="Invocation history" className="history-panel">
      {functionName === null && <EmptyMessage>Choose a function to see its invocations.</EmptyMessage>}
      {functionName !== null && state.status === 'loading' && <LoadingMessage>Loading invocations…</LoadingMessage>}
      {functionName !== null && state.status === 'error' && <ErrorMessage title="Could not load the invocations." message={state.message} onRetry={history.reload} />}
      {functionName !== null && state.status === 'ready' && state.data.length === 0 && <EmptyMessage>No invocations yet.</EmptyMessage>}
      {functionName !== null && state.status === 'ready' && (
        // An explicit role: list styling (list-style: none) makes some browsers drop the list role.
        <ul role="list" className="history-list">
          {state.data.map((item) => (
            <HistoryEntry key={item.requestId} item={item} current={item.requestId === currentRequestId} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
