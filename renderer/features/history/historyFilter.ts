// The history's filters as the user picks them, as the engine's list/count inputs, and the same
// test for a newly finished invocation (so a new row appears only when it matches). Pure.
import type { InvocationFilter, InvocationListItem, InvocationStatus } from '../../../sandbox/api/index.ts';

export type TimeRange = 'any' | '15m' | '1h' | '24h' | 'custom';

export interface HistoryFilters {
  status: InvocationStatus | 'any';
  start: 'any' | 'cold' | 'warm';
  range: TimeRange;
  /** `datetime-local` values (local time), used with range `custom`. */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { status: 'any', start: 'any', range: 'any', from: '', to: '' };

const RANGE_MS: Record<Exclude<TimeRange, 'any' | 'custom'>, number> = { '15m': 15 * 60_000, '1h': 3_600_000, '24h': 86_400_000 };

export function hasFilters(f: HistoryFilters): boolean {
  return f.status !== 'any' || f.start !== 'any' || f.range !== 'any';
}

function localToIso(value: string): string | undefined {
  if (value === '') return undefined;
  const d = new Date(value); // a datetime-local value without a zone is local time
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The engine's filter for one function; relative ranges count back from `now`. */
export function toEngineFilter(functionName: string, f: HistoryFilters, now: Date): InvocationFilter {
  const filter: InvocationFilter = { functionName };
  if (f.status !== 'any') filter.status = f.status;
  if (f.start !== 'any') filter.coldStart = f.start === 'cold';
  if (f.range === 'custom') {
    const from = localToIso(f.from);
    const to = localToIso(f.to);
    if (from !== undefined) filter.from = from;
    if (to !== undefined) filter.to = to;
  } else if (f.range !== 'any') {
    filter.from = new Date(now.getTime() - RANGE_MS[f.range]).toISOString();
  }
  return filter;
}

/** Why a custom range cannot be used, or undefined. */
export function rangeProblem(f: HistoryFilters): string | undefined {
  if (f.range !== 'custom') return undefined;
  const from = localToIso(f.from);
  const to = localToIso(f.to);
  if (from !== undefined && to !== undefined && from > to) return 'From is after To';
  return undefined;
}

export function matchesFilter(item: Pick<InvocationListItem, 'functionName' | 'status' | 'coldStart' | 'startedAt'>, filter: InvocationFilter): boolean {
  if (filter.functionName !== undefined && item.functionName !== filter.functionName) return false;
  if (filter.status !== undefined && item.status !== filter.status) return false;
  if (filter.coldStart !== undefined && item.coldStart !== filter.coldStart) return false;
  const t = new Date(item.startedAt).toISOString();
  if (filter.from !== undefined && t < new Date(filter.from).toISOString()) return false;
  if (filter.to !== undefined && t >= new Date(filter.to).toISOString()) return false;
  return true;
}
