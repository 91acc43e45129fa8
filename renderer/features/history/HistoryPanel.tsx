// Invocations of the selected function, newest first, filtered by status, cold/warm and time.
// A virtual list: only the rows in view exist in the page, so 100,000 rows scroll smoothly.
// Choosing a row shows it in Result and Log output (with its event, and Re-run).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { formatClock, formatCount, formatMs } from '../../ui/format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { invocationOutcome, outcomeLabel } from '../invoke/outcome.ts';
import { hasFilters, NO_FILTERS, rangeProblem, type HistoryFilters, type TimeRange } from './historyFilter.ts';
import type { History, HistoryRow } from './useHistory.ts';

export const HISTORY_ROW_HEIGHT = 28;

function HistoryEntry({ item, current, index, size, start, onOpen }: {
  item: HistoryRow;
  current: boolean;
  index: number;
  size: number;
  start: number;
  onOpen: (requestId: string) => void;
}) {
  const kind = invocationOutcome(item);
  return (
    <li role="listitem" aria-posinset={index + 1} aria-setsize={size} className="history-item" style={{ transform: `translateY(${start}px)` }}>
      <button
        type="button"
        className="history-button"
        data-index={index}
        aria-current={current ? 'true' : undefined}
        title={`Request ID ${item.requestId}`}
        onClick={() => onOpen(item.requestId)}
      >
        <span className="history-status">
          <span className={`result-status--${kind}`}>{outcomeLabel(kind)}</span>
          {kind === 'function-error' && item.errorType !== undefined && <span className="history-error-type"> {item.errorType}</span>}
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

function FilterBar({ filters, onChange }: { filters: HistoryFilters; onChange: (f: HistoryFilters) => void }) {
  const set = <K extends keyof HistoryFilters>(key: K, value: HistoryFilters[K]): void => onChange({ ...filters, [key]: value });
  const problem = rangeProblem(filters);
  return (
    <div className="history-filters" role="group" aria-label="History filters">
      <select className="select select--compact" aria-label="Status filter" value={filters.status} onChange={(e) => set('status', e.target.value as HistoryFilters['status'])}>
        <option value="any">All statuses</option>
        <option value="success">Succeeded</option>
        <option value="error">Failed</option>
        <option value="timeout">Timed out</option>
      </select>
      <select className="select select--compact" aria-label="Start filter" value={filters.start} onChange={(e) => set('start', e.target.value as HistoryFilters['start'])}>
        <option value="any">Cold and warm</option>
        <option value="cold">Cold starts</option>
        <option value="warm">Warm starts</option>
      </select>
      <select className="select select--compact" aria-label="Time range" value={filters.range} onChange={(e) => set('range', e.target.value as TimeRange)}>
        <option value="any">Any time</option>
        <option value="15m">Last 15 minutes</option>
        <option value="1h">Last hour</option>
        <option value="24h">Last 24 hours</option>
        <option value="custom">Between…</option>
      </select>
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          Clear
        </button>
      )}
      {filters.range === 'custom' && (
        <div className="history-range">
          <input type="datetime-local" className="text-input" aria-label="From" step={1} value={filters.from} onChange={(e) => set('from', e.target.value)} />
          <input type="datetime-local" className="text-input" aria-label="To" step={1} value={filters.to} onChange={(e) => set('to', e.target.value)} />
          {problem !== undefined && (
            <span className="inline-error" role="alert">
              {problem}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

function HistoryPanelView({ functionName, history, filters, onFilters, currentRequestId, onOpen }: {
  functionName: string | null;
  history: History;
  filters: HistoryFilters;
  onFilters: (f: HistoryFilters) => void;
  currentRequestId: string | null;
  onOpen: (requestId: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const { size, show, freshCount } = history;
  const virtualizer = useVirtualizer({
    count: size,
    getScrollElement: () => scroller.current,
    estimateSize: () => HISTORY_ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (size > 0) show(first, last);
  }, [show, first, last, size]);

  // New rows arrive on top: when scrolled down, keep the rows in view where they are.
  const seenFresh = useRef(freshCount);
  useLayoutEffect(() => {
    const added = freshCount - seenFresh.current;
    seenFresh.current = freshCount;
    const el = scroller.current;
    if (added > 0 && el !== null && el.scrollTop > 0) el.scrollTop += added * HISTORY_ROW_HEIGHT;
  }, [freshCount]);

  // Back to the top for another function or other filters.
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    seenFresh.current = 0;
  }, [functionName, filters]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    const index = Number(target.dataset['index']);
    if (!Number.isInteger(index)) return;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= size) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"]`)?.focus());
  };

  const filtered = hasFilters(filters);
  return (
    <Panel
      label="Invocation history"
      className="history-panel"
      actions={
        functionName !== null && history.status === 'ready' ? (
          <span className="history-count">
            {formatCount(size)} {size === 1 ? 'invocation' : 'invocations'}
          </span>
        ) : undefined
      }
    >
      {functionName !== null && <FilterBar filters={filters} onChange={onFilters} />}
      {functionName === null && <EmptyMessage>Choose a function to see its invocations.</EmptyMessage>}
      {functionName !== null && history.status === 'loading' && <LoadingMessage>Loading invocations…</LoadingMessage>}
      {functionName !== null && history.status === 'error' && <ErrorMessage title="Could not load the invocations." message={history.message ?? ''} onRetry={history.reload} />}
      {functionName !== null && history.status === 'ready' && size === 0 && (
        <EmptyMessage>
          {filtered ? 'No invocation matches these filters.' : 'No invocations yet. Every invocation is kept here with its event, response and log, so you can compare runs and re-run any of them.'}
        </EmptyMessage>
      )}
      <div ref={scroller} className="history-scroller" onKeyDown={onKeyDown} hidden={functionName === null || history.status !== 'ready' || size === 0}>
        {/* An explicit role: list styling (list-style: none) makes some browsers drop the list role. */}
        <ul role="list" className="history-list" style={{ height: virtualizer.getTotalSize() }} aria-label={`${functionName ?? ''} invocations, newest first`}>
          {items.map((v) => {
            const item = history.row(v.index);
            return item === undefined ? (
              <li key={v.key} role="presentation" aria-hidden="true" className="history-item history-placeholder" style={{ transform: `translateY(${v.start}px)` }}>
                <span className="placeholder-bar" />
              </li>
            ) : (
              <HistoryEntry key={v.key} item={item} index={v.index} size={size} start={v.start} current={item.requestId === currentRequestId} onOpen={onOpen} />
            );
          })}
        </ul>
      </div>
    </Panel>
  );
}

export const HistoryPanel = memo(HistoryPanelView);
