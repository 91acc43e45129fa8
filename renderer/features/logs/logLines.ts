// How a log line is shown: Lambda's own lines (START, END, REPORT, INIT_*) apart from the
// function's output, errors and warnings marked. Text and JSON log formats. Pure.

export type LogLineKind = 'report' | 'platform' | 'error' | 'warn' | 'plain';

const PLATFORM_LINE = /^(START|END|INIT_START|INIT_REPORT|RESTORE_START|RESTORE_REPORT|EXTENSION|TELEMETRY) /;

export function logLineKind(line: string): LogLineKind {
  if (line.startsWith('REPORT ') || line.includes('"type":"platform.report"')) return 'report';
  if (PLATFORM_LINE.test(line) || line.includes('"type":"platform.')) return 'platform';
  if (/\t(ERROR|FATAL)\t/.test(line) || /"level":"(ERROR|FATAL)"/.test(line) || /^Runtime\.\w+$/.test(line) || /^RequestId: \S+ Error: /.test(line)) return 'error';
  if (/\tWARN\t/.test(line) || /"level":"WARN"/.test(line) || /Task timed out after/.test(line)) return 'warn';
  return 'plain';
}

/** The log split into lines; inside one log event Lambda writes `\r` for a message's line breaks. */
export function logLines(text: string): { text: string; kind: LogLineKind }[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => ({ text: line.replaceAll('\r', '\n'), kind: logLineKind(line) }));
}
