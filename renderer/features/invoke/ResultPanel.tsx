// The outcome of one invocation: status, cold/warm, durations, memory, and the response (or the
// error object Lambda returns).
import type { InvocationRecord } from '../../../sandbox/api/index.ts';
import { formatMs, formatWholeMs, prettyJson, statusLine } from '../../ui/format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { ShownInvocation } from './shown.ts';

/** What the caller received: the response JSON, or `{errorType, errorMessage, trace}`. */
export function responseText(record: InvocationRecord): string {
  if (record.status === 'success') return prettyJson(record.response ?? 'null');
  if (record.error !== undefined) return JSON.stringify(record.error, null, 2);
  return prettyJson(record.response ?? 'null');
}

function InvocationResult({ record }: { record: InvocationRecord }) {
  const errorType = record.errorType ?? record.error?.errorType;
  return (
    <div className="result">
      <div className="result-summary">
        <p className={`result-status result-status--${record.status}`}>{statusLine({ status: record.status, errorType })}</p>
        <span className={record.coldStart ? 'badge badge--cold' : 'badge'}>{record.coldStart ? 'Cold start' : 'Warm start'}</span>
      </div>
      <dl className="metrics">
        <div>
          <dt>Duration</dt>
          <dd>{formatMs(record.durationMs)}</dd>
        </div>
        <div>
          <dt>Billed duration</dt>
          <dd>{formatWholeMs(record.billedDurationMs)}</dd>
        </div>
        {record.initDurationMs !== undefined && (
          <div>
            <dt>Init duration</dt>
            <dd>{formatMs(record.initDurationMs)}</dd>
          </div>
        )}
        <div>
          <dt>Max memory used</dt>
          <dd>
            {record.maxMemoryUsedMB} MB / {record.memorySizeMB} MB
          </dd>
        </div>
      </dl>
      <p className="request-id">
        Request ID <code>{record.requestId}</code>
      </p>
      <pre aria-label="Response" className="code-block response">
        {responseText(record)}
      </pre>
    </div>
  );
}

export function ResultPanel({ shown }: { shown: ShownInvocation }) {
  return (
    <Panel label="Result" className="result-panel">
      {shown.kind === 'empty' && <EmptyMessage>Press Invoke to run your handler with the event below.</EmptyMessage>}
      {shown.kind === 'running' && <LoadingMessage>Invoking {shown.functionName}…</LoadingMessage>}
      {shown.kind === 'loading' && <LoadingMessage>Loading invocation {shown.requestId}…</LoadingMessage>}
      {shown.kind === 'error' && <ErrorMessage title={shown.title} message={shown.message} {...(shown.retry === undefined ? {} : { onRetry: shown.retry })} />}
      {shown.kind === 'record' && <InvocationResult record={shown.record} />}
    </Panel>
  );
}
