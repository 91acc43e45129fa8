// What kind of ending an invocation had, for its badge and its explanation. Works on any status
// string, so a status the engine adds later (throttled) only needs a line here. Pure.

export type OutcomeKind = 'success' | 'function-error' | 'timeout' | 'out-of-memory' | 'throttled';

export interface OutcomeSource {
  status: string;
  errorType?: string | undefined;
}

export function invocationOutcome({ status, errorType }: OutcomeSource): OutcomeKind {
  if (status === 'success') return 'success';
  if (status === 'timeout' || errorType === 'Sandbox.Timedout') return 'timeout';
  if (status === 'throttled' || errorType === 'TooManyRequestsException' || errorType === 'Lambda.TooManyRequestsException') return 'throttled';
  if (errorType === 'Runtime.OutOfMemory') return 'out-of-memory';
  return 'function-error';
}

const LABELS: Record<OutcomeKind, string> = {
  success: 'Succeeded',
  'function-error': 'Failed',
  timeout: 'Timed out',
  'out-of-memory': 'Out of memory',
  throttled: 'Throttled',
};

export function outcomeLabel(kind: OutcomeKind): string {
  return LABELS[kind];
}

/** The status with the error type of a function error: "Failed: TypeError". */
export function statusLine(source: OutcomeSource): string {
  const kind = invocationOutcome(source);
  const label = outcomeLabel(kind);
  return kind === 'function-error' && source.errorType !== undefined && source.errorType !== '' ? `${label}: ${source.errorType}` : label;
}

/** Filter choices of the history: the engine's statuses. */
export const STATUS_FILTERS = [
  { value: 'success', label: 'Succeeded' },
  { value: 'error', label: 'Failed (errors and out of memory)' },
  { value: 'timeout', label: 'Timed out' },
] as const;
