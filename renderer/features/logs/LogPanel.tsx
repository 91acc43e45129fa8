// The invocation's log, as CloudWatch Logs would hold it, with Lambda's START/END/REPORT lines
// set apart from the function's own output.
import { memo } from 'react';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { EmptyMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { ShownInvocation } from '../invoke/shown.ts';
import { logLines } from './logLines.ts';

export function LogText({ text }: { text: string }) {
  const lines = logLines(text);
  return (
    <pre className="log-text">
      {lines.map((line, i) => (
        <span key={i} className={`log-line log-line--${line.kind}`}>
          {line.text}
          {i < lines.length - 1 ? '\n' : ''}
        </span>
      ))}
    </pre>
  );
}

function LogPanelView({ shown }: { shown: ShownInvocation }) {
  const logs = shown.kind === 'record' ? shown.record.logs : undefined;
  return (
    <Panel label="Log output" className="log-panel" actions={logs !== undefined && logs !== '' ? <CopyButton text={logs} label="Copy the log" /> : undefined}>
      {logs !== undefined && (logs === '' ? <EmptyMessage>This invocation wrote no log.</EmptyMessage> : <LogText text={logs} />)}
      {shown.kind === 'running' && <LoadingMessage>Waiting for the log…</LoadingMessage>}
      {shown.kind === 'loading' && <LoadingMessage>Loading the log…</LoadingMessage>}
      {(shown.kind === 'empty' || shown.kind === 'error') && (
        <EmptyMessage>
          The log appears here: Lambda&apos;s START, END and REPORT lines around everything your code writes with console.log. REPORT says how long
          it ran and what was billed.
        </EmptyMessage>
      )}
    </Panel>
  );
}

export const LogPanel = memo(LogPanelView);
