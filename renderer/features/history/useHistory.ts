// The selected function's invocations for a virtual list that stays smooth with 100,000 rows:
// the count sizes the list, rows are fetched in pages (keyset: `beforeSeq`) as they scroll into
// view, one request at a time, and pages far from the view are dropped again. New invocations
// that match the filters appear on top as they finish.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InvocationFilter, InvocationSummary } from '../../../sandbox/api/index.ts';
import { errorMessage } from '../../api/client.ts';
import { useLab, useOnReconnect, usePushEvents } from '../../app/LabContext.tsx';
import { matchesFilter, rangeProblem, toEngineFilter, type HistoryFilters } from './historyFilter.ts';

export type HistoryRow = InvocationSummary & { seq?: number };

export const PAGE_SIZE = 200;
/** Pages fetched in one request when jumping far ahead (the engine's limit is 1000 rows). */
const MAX_PAGES_PER_REQUEST = 5;
/** Pages kept in memory; farther ones are fetched again when needed (their cursors are kept). */
const MAX_CACHED_PAGES = 60;

function toRow(i: HistoryRow): HistoryRow {
  const row: HistoryRow = {
    requestId: i.requestId,
    functionName: i.functionName,
    status: i.status,
    startedAt: i.startedAt,
    durationMs: i.durationMs,
    billedDurationMs: i.billedDurationMs,
    coldStart: i.coldStart,
  };
  if (i.errorType !== undefined) row.errorType = i.errorType;
  if (i.initDurationMs !== undefined) row.initDurationMs = i.initDurationMs;
  if (i.costUsd !== undefined) row.costUsd = i.costUsd;
  if (i.seq !== undefined) row.seq = i.seq;
  return row;
}

/** One snapshot of the history for one filter: the pages fetched so far and the rows added since. */
export class HistoryWindow {
  readonly pages = new Map<number, HistoryRow[]>();
  /** `beforeSeq` of each page whose start is known (page 0 starts at the top: null). */
  readonly cursors = new Map<number, number | null>([[0, null]]);
  /** Rows newer than the snapshot, newest first. */
  fresh: HistoryRow[] = [];
  /** Rows that arrived before page 0 did (sorted out when it arrives). */
  early: HistoryRow[] = [];
  topSeq: number | undefined;
  total = 0;
  counted = false;
  wanted: [number, number] = [0, 0];
  busy = false;
  constructor(readonly filter: InvocationFilter) {}

  get size(): number {
    return this.fresh.length + (this.counted ? this.total : (this.pages.get(0)?.length ?? 0));
  }

  row(index: number): HistoryRow | undefined {
    if (index < this.fresh.length) return this.fresh[index];
    const i = index - this.fresh.length;
    return this.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  }

  /** Pages the rows [start, end] need. */
  want(start: number, end: number): void {
    const from = Math.max(0, start - this.fresh.length);
    const to = Math.max(0, end - this.fresh.length);
    this.wanted = [Math.floor(from / PAGE_SIZE), Math.floor(to / PAGE_SIZE)];
  }

  /** The next page to fetch for the wanted range: [first page of the request, how many pages]. */
  nextRequest(): [number, number] | undefined {
    const lastPage = this.counted ? Math.max(0, Math.ceil(this.total / PAGE_SIZE) - 1) : this.wanted[1];
    for (let p = this.wanted[0]; p <= Math.min(this.wanted[1], lastPage); p++) {
      if (this.pages.has(p)) continue;
      let start = p;
      while (!this.cursors.has(start)) start--;
      return [start, Math.min(MAX_PAGES_PER_REQUEST, p - start + 1)];
    }
    return undefined;
  }

  store(first: number, pages: number, rows: HistoryRow[]): void {
    for (let k = 0; k < pages; k++) {
      const chunk = rows.slice(k * PAGE_SIZE, (k + 1) * PAGE_SIZE);
      if (chunk.length === 0 && k > 0) break;
      this.pages.set(first + k, chunk);
      const last = chunk[chunk.length - 1];
      if (chunk.length === PAGE_SIZE && last?.seq !== undefined) this.cursors.set(first + k + 1, last.seq);
    }
    if (rows.length < pages * PAGE_SIZE) {
      // The end of the history: now its length is known exactly.
      this.total = first * PAGE_SIZE + rows.length;
      this.counted = true;
    }
    if (first === 0) this.settleTop(rows);
    this.evict();
  }

  private settleTop(page0: HistoryRow[]): void {
    this.topSeq = page0[0]?.seq ?? 0;
    const known = new Set(page0.map((r) => r.requestId));
    const early = this.early;
    this.early = [];
    for (const row of early.reverse()) this.add(row, known);
  }

  private evict(): void {
    if (this.pages.size <= MAX_CACHED_PAGES) return;
    const middle = (this.wanted[0] + this.wanted[1]) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const p of byDistance.slice(0, this.pages.size - MAX_CACHED_PAGES)) this.pages.delete(p);
  }

  /** A finished invocation; true when the list changed. */
  add(row: HistoryRow, known?: ReadonlySet<string>): boolean {
    if (!matchesFilter(row, this.filter)) return false;
    const existing = this.fresh.find((r) => r.requestId === row.requestId) ?? this.early.find((r) => r.requestId === row.requestId);
    if (existing !== undefined) {
      if (existing.seq === undefined && row.seq !== undefined) existing.seq = row.seq;
      return false;
    }
    if (this.topSeq === undefined) {
      this.early.unshift(row);
      return false;
    }
    if ((row.seq !== undefined && row.seq <= this.topSeq) || known?.has(row.requestId) === true) return false;
    if (this.pages.get(0)?.some((r) => r.requestId === row.requestId) === true) return false;
    this.fresh.unshift(row);
    return true;
  }
}

export interface History {
  status: 'loading' | 'error' | 'ready';
  message: string | undefined;
  /** Rows in the list (fresh ones included). */
  size: number;
  /** Rows added on top since the list was loaded (to keep the view still when scrolled down). */
  freshCount: number;
  row(index: number): HistoryRow | undefined;
  /** The list shows rows start..end: fetch what they need. */
  show(start: number, end: number): void;
  reload(): void;
  add(invocation: HistoryRow): void;
  /** Changes whenever rows arrive (for re-rendering). */
  version: number;
}

export function useHistory(functionName: string | null, filters: HistoryFilters): History {
  const { api } = useLab();
  const [generation, setGeneration] = useState(0);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<{ status: 'loading' | 'error' | 'ready'; message?: string }>({ status: 'loading' });
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const filter = useMemo(
    () => (functionName === null || rangeProblem(filters) !== undefined ? null : toEngineFilter(functionName, filters, new Date())),
    // `generation` is a dependency on purpose: a reload re-reads relative time ranges.
    [functionName, filters, generation],
  );
  const windowRef = useRef<HistoryWindow | null>(null);

  const pump = useCallback(
    (w: HistoryWindow) => {
      if (w.busy || windowRef.current !== w) return;
      const next = w.nextRequest();
      if (next === undefined) return;
      const [first, pages] = next;
      const cursor = w.cursors.get(first);
      w.busy = true;
      api['invocations:list']({ ...w.filter, limit: pages * PAGE_SIZE, ...(cursor !== null && cursor !== undefined ? { beforeSeq: cursor } : {}) }).then(
        (rows) => {
          w.busy = false;
          if (windowRef.current !== w) return;
          w.store(first, pages, rows.map(toRow));
          setStatus({ status: 'ready' });
          bump();
          pump(w);
        },
        (e: unknown) => {
          w.busy = false;
          if (windowRef.current === w) setStatus({ status: 'error', message: errorMessage(e) });
        },
      );
    },
    [api, bump],
  );

  useEffect(() => {
    if (filter === null) {
      windowRef.current = null;
      setStatus(functionName === null ? { status: 'loading' } : { status: 'ready' });
      bump();
      return;
    }
    const w = new HistoryWindow(filter);
    windowRef.current = w;
    setStatus({ status: 'loading' });
    bump();
    api['invocations:count'](filter).then(
      ({ count }) => {
        if (windowRef.current !== w || w.counted) return;
        w.total = count;
        w.counted = true;
        if (w.pages.has(0)) setStatus({ status: 'ready' });
        bump();
        pump(w);
      },
      (e: unknown) => {
        if (windowRef.current === w) setStatus({ status: 'error', message: errorMessage(e) });
      },
    );
    pump(w);
  }, [api, filter, functionName, pump, bump]);

  const show = useCallback(
    (start: number, end: number) => {
      const w = windowRef.current;
      if (w === null) return;
      w.want(start, end);
      pump(w);
    },
    [pump],
  );

  const add = useCallback(
    (invocation: HistoryRow) => {
      const w = windowRef.current;
      if (w !== null && w.add(toRow(invocation))) bump();
    },
    [bump],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  usePushEvents((event) => {
    if (event.type === 'invocation:finished') add(event.invocation);
  });
  useOnReconnect(reload);

  const row = useCallback((index: number) => windowRef.current?.row(index), []);
  const w = windowRef.current;
  const size = w === null ? 0 : w.size;
  const freshCount = w?.fresh.length ?? 0;
  return useMemo(
    () => ({ status: status.status, message: status.message, size, freshCount, row, show, reload, add, version }),
    [status, size, freshCount, row, show, reload, add, version],
  );
}
