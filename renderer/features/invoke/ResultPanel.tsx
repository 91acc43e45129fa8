// The outcome of one invocation: its status and cold/warm badge, what happened (for a learner),
// durations, memory and cost, the response (or the error object Lambda returns) and, for an
// invocation from the history, the event it was given — with Re-run.
import { memo } from 'react';
import type { InvocationRecord } from '../../../sandbox/api/index.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { formatDateTime, formatMs, formatUsd, formatWholeMs, prettyJson } from '../../ui/format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import { explainInvocation, type ExplainConfig } from './explain.ts';
import { invocationOutcome, statusLine } from './outcome.ts';
import type { ShownInvocation } from './shown.ts';

/** What the caller received: the response JSON, or `{errorType, errorMessage, trace}`. */
export function responseText(record: InvocationRecord): string {
  if (record.status === 'success') return prettyJson(record.response ?? 'null');
  if (record.error !== undefined) return JSON.stringify(record.error, null, 2);
  return prettyJson(record.response ?? 'null');
}

export function InvocationStatusLine({ status, errorType }: { status: string; errorType?: string | undefined }) {
  const kind = invocationOutcome({ status, errorType });
  return <p className={`result-status result-status--${kind}`}>{statusLine({ status, errorType })}</p>;
}

function InvocationResult({ record, config, memoryCapMB, fromHistory, onRerun, onUseEvent, rerunning }: {
  record: InvocationRecord;
  config: ExplainConfig | undefined;
  memoryCapMB: number | undefined;
  fromHistory: boolean;
  onRerun: (requestId: string) => void;
  onUseEvent: (event: string) => void;
  rerunning: boolean;
}) {
  const errorType = record.errorType ?? record.error?.errorType;
  const lines = explainInvocation(record, config ?? { handler: 'index.handler', timeoutSeconds: 3, memorySizeMB: record.memorySizeMB, runtime: record.runtime });
  // How the billed duration came about reads best under the numbers it explains.
  const story = lines.filter((l) => l.kind !== 'billing');
  const billing = lines.find((l) => l.kind === 'billing');
  const response = responseText(record);
  return (
    <div className="result">
      <div className="result-summary">
        <InvocationStatusLine status={record.status} errorType={errorType} />
        <span className={record.coldStart ? 'badge badge--cold' : 'badge'}>{record.coldStart ? 'Cold start' : 'Warm start'}</span>
        <time className="result-time" dateTime={record.startedAt}>
          {formatDateTime(record.startedAt)}
        </time>
      </div>
      <section aria-label="What happened" className="explain">
        {story.map((line, i) => (
          <p key={i} className={`explain-line explain-line--${line.kind}`}>
            {line.text}
          </p>
        ))}
      </section>
      <dl className="metrics">
        <div>
          <dt>Duration</dt>
          <dd>{formatMs(record.durationMs)}</dd>
        </div>
        <div>
          <dt>Billed</dt>
          <dd>{formatWholeMs(record.billedDurationMs)}</dd>
        </div>
        {record.initDurationMs !== undefined && (
          <div>
            <dt>Init</dt>
            <dd>{formatMs(record.initDurationMs)}</dd>
          </div>
        )}
        <div>
          <dt>Memory</dt>
          <dd>
            {record.maxMemoryUsedMB} of {record.memorySizeMB} MB
            {memoryCapMB !== undefined && record.memorySizeMB > memoryCapMB && (
              <span className="metric-aside"> (the sandbox gives this function at most {memoryCapMB} MB of heap on this machine)</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd title="US East prices, first tier; the free tier is not deducted">
            {formatUsd(record.costUsd)} <span className="metric-aside">(per 1M invocations like this: {formatUsd(record.costUsd * 1_000_000)})</span>
          </dd>
        </div>
      </dl>
      {billing !== undefined && <p className="metric-note">{billing.text}</p>}
      <div className="block-head">
        <span className="field-label">{record.status === 'success' ? 'Response' : 'Error returned to the caller'}</span>
        <CopyButton text={response} label="Copy the response JSON" />
      </div>
      <pre aria-label="Response" className="code-block response">
        {response}
      </pre>
      <p className="request-id">
        Request ID <code>{record.requestId}</code>
      </p>
      <details className="event-details" open={fromHistory}>
        <summary>Event sent to the handler</summary>
        <div className="block-head">
          <button type="button" className="button button--small" onClick={() => onUseEvent(prettyJson(record.event))}>
            Use this event
          </button>
          <button type="button" className="button button--small" onClick={() => onRerun(record.requestId)} disabled={rerunning} aria-busy={rerunning}>
            Re-run with this event
          </button>
        </div>
        <pre aria-label="Invocation event" className="code-block">
          {prettyJson(record.event)}
        </pre>
      </details>
    </div>
  );
}

function ResultPanelView({ shown, config, memoryCapMB, onRerun, onUseEvent, rerunning }: {
  shown: ShownInvocation;
  config: ExplainConfig | undefined;
  memoryCapMB: number | undefined;
  onRerun: (requestId: string) => void;
  onUseEvent: (event: string) => void;
  rerunning: boolean;
}) {
  const record = shown.kind === 'record' ? shown.record : undefined;
  return (
    <Panel
      label="Result"
      className="result-panel"
      actions={
        record !== undefined ? (
          <button type="button" className="button button--small" onClick={() => onRerun(record.requestId)} disabled={rerunning} aria-busy={rerunning} title="Invoke again with the same event">
            Re-run
          </button>
        ) : undefined
      }
    >
      {shown.kind === 'empty' && (
        <EmptyMessage>
          Press <strong>Invoke</strong> to run your handler with the event below. The result says what happened, how long it took, what it
          would cost on AWS, and whether a new execution environment had to start (a cold start).
        </EmptyMessage>
      )}
      {shown.kind === 'running' && <LoadingMessage>Invoking {shown.functionName}…</LoadingMessage>}
      {shown.kind === 'loading' && <LoadingMessage>Loading invocation {shown.requestId}…</LoadingMessage>}
      {shown.kind === 'error' && <ErrorMessage title={shown.title} message={shown.message} {...(shown.retry === undefined ? {} : { onRetry: shown.retry })} />}
      {record !== undefined && shown.kind === 'record' && (
        <InvocationResult record={record} config={config} memoryCapMB={memoryCapMB} fromHistory={shown.fromHistory === true} onRerun={onRerun} onUseEvent={onUseEvent} rerunning={rerunning} />
      )}
    </Panel>
  );
}

export const ResultPanel = memo(ResultPanelView);
