// The invocation's log, as CloudWatch Logs would hold it. Inside one log event Lambda writes
// `\r` for the line breaks of a multi-line message; they are shown as line breaks here.
import { Panel } from '../../ui/Panel.tsx';
import { EmptyMessage, LoadingMessage } from '../../ui/StateMessage.tsx';
import type { ShownInvocation } from '../invoke/shown.ts';

const PLATFORM_LINE = /^(START|END|REPORT|INIT_START|INIT_REPORT|RESTORE_START|RESTORE_REPORT) /;

export function logLineKind(line: string): 'platform' | 'report' | 'plain' {
  if (line.startsWith('REPORT ')) return 'report';
  return PLATFORM_LINE.test(line) ? 'platform' : 'plain';
}

export function LogText({ text }: { text: string }) {
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <pre className="log-text">
      {lines.map((line, i) => (
        <span key={i} className={`log-line log-line--${logLineKind(line)}`}>
          {line.replaceAll('\r', '\n')}
          {i < lines.length - 1 ? '\n' : ''}
        </span>
      ))}
    </pre>
  );
}

export function LogPanel({ shown }: { shown: ShownInvocation }) {
  return (
    <Panel label="Log output" className="log-panel">
      {shown.kind === 'record' && (shown.record.logs === '' ? <EmptyMessage>This invocation wrote no log.</EmptyMessage> : <LogText text={shown.record.logs} />)}
      {shown.kind === 'running' && <LoadingMessage>Waiting for the log…</LoadingMessage>}
      {shown.kind === 'loading' && <LoadingMessage>Loading the log…</LoadingMessage>}
      {(shown.kind === 'empty' || shown.kind === 'error') && <EmptyMessage>The log of the invocation appears here.</EmptyMessage>}
    </Panel>
  );
}
