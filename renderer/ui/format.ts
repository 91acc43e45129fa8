// How invocation facts read on screen, shared by the result and history panels.
import type { InvocationSummary } from '../../sandbox/api/index.ts';

/** "Succeeded", "Failed" or "Timed out". */
export function statusText(status: InvocationSummary['status']): string {
  switch (status) {
    case 'success':
      return 'Succeeded';
    case 'error':
      return 'Failed';
    case 'timeout':
      return 'Timed out';
  }
}

/** The status with the error type when there is one: "Failed: TypeError". */
export function statusLine(summary: Pick<InvocationSummary, 'status' | 'errorType'>): string {
  const text = statusText(summary.status);
  return summary.status === 'error' && summary.errorType !== undefined && summary.errorType !== '' ? `${text}: ${summary.errorType}` : text;
}

/** Durations as Lambda's REPORT line writes them: two decimals. */
export function formatMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

/** Whole milliseconds (billed duration). */
export function formatWholeMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local wall-clock time, HH:MM:SS. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Pretty-prints JSON text; text that does not parse is shown as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
