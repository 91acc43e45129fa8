// The selected function's invocations, newest first, kept current by `invocation:finished`.
import { useCallback } from 'react';
import type { InvocationSummary } from '../../../sandbox/api/index.ts';
import { useLab, useOnReconnect, usePushEvents } from '../../app/LabContext.tsx';
import { useLoad, type Load } from '../../ui/useLoad.ts';

export type HistoryItem = InvocationSummary & { seq?: number };

export interface History {
  state: Load<HistoryItem[]>;
  reload(): void;
  /** Adds a finished invocation (ignored when it is another function's, or already listed). */
  add(invocation: InvocationSummary & { seq?: number }): void;
}

export const HISTORY_LIMIT = 100;

/** Only the summary fields: a record's logs and response need not stay in the list. */
export function toHistoryItem(i: HistoryItem): HistoryItem {
  const item: HistoryItem = {
    requestId: i.requestId,
    functionName: i.functionName,
    status: i.status,
    startedAt: i.startedAt,
    durationMs: i.durationMs,
    billedDurationMs: i.billedDurationMs,
    coldStart: i.coldStart,
  };
  if (i.errorType !== undefined) item.errorType = i.errorType;
  if (i.initDurationMs !== undefined) item.initDurationMs = i.initDurationMs;
  if (i.seq !== undefined) item.seq = i.seq;
  return item;
}

export function useHistory(functionName: string | null): History {
  const { api } = useLab();
  const load = useCallback(
    (): Promise<HistoryItem[]> =>
      functionName === null ? Promise.resolve([]) : api['invocations:list']({ functionName, limit: HISTORY_LIMIT }),
    [api, functionName],
  );
  const { state, reload, refresh, update } = useLoad(functionName, load);

  const add = useCallback(
    (invocation: HistoryItem) => {
      if (invocation.functionName !== functionName) return;
      update((items) => {
        const known = items.find((i) => i.requestId === invocation.requestId);
        if (known !== undefined) {
          // Already listed (from the invoke answer or the push event): just learn its seq.
          return known.seq === undefined && invocation.seq !== undefined
            ? items.map((i) => (i === known ? { ...i, seq: invocation.seq } : i))
            : items;
        }
        return [toHistoryItem(invocation), ...items].slice(0, HISTORY_LIMIT);
      });
    },
    [functionName, update],
  );

  usePushEvents((event) => {
    if (event.type === 'invocation:finished') add(event.invocation);
  });
  useOnReconnect(refresh);

  return { state, reload, add };
}
