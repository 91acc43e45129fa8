// The history's paging for the virtual list: keyset pages fetched as rows come into view,
// several pages per request when jumping far, new invocations on top without duplicates.
import { describe, expect, it } from 'vitest';
import { HistoryWindow, PAGE_SIZE, type HistoryRow } from '../../renderer/features/history/useHistory.ts';
import { matchesFilter, toEngineFilter, NO_FILTERS } from '../../renderer/features/history/historyFilter.ts';

/** Rows seq n..1 (newest first), as `invocations:list` returns them. */
function rows(fromSeq: number, count: number): HistoryRow[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = fromSeq - i;
    return { seq, requestId: `r${seq}`, functionName: 'f', status: 'success', startedAt: new Date(seq * 1000).toISOString(), durationMs: 1, billedDurationMs: 1, coldStart: false };
  });
}

describe('HistoryWindow', () => {
  it('asks for the first page, then for pages as they come into view', () => {
    const w = new HistoryWindow({ functionName: 'f' });
    w.total = 1000;
    w.counted = true;
    w.want(0, 20);
    expect(w.nextRequest()).toEqual([0, 1]);
    w.store(0, 1, rows(1000, PAGE_SIZE));
    expect(w.nextRequest()).toBeUndefined();
    expect(w.row(0)?.seq).toBe(1000);
    expect(w.cursors.get(1)).toBe(1000 - PAGE_SIZE + 1);
    w.want(PAGE_SIZE - 5, PAGE_SIZE + 5);
    expect(w.nextRequest()).toEqual([1, 1]);
  });

  it('fetches up to five pages in one request to reach a page far down, and learns the end', () => {
    const w = new HistoryWindow({ functionName: 'f' });
    w.total = 100_000;
    w.counted = true;
    w.store(0, 1, rows(100_000, PAGE_SIZE));
    w.want(50_000, 50_010); // page 250: its cursor is unknown
    expect(w.nextRequest()).toEqual([1, 5]);
    w.store(1, 5, rows(100_000 - PAGE_SIZE, 5 * PAGE_SIZE));
    expect(w.nextRequest()).toEqual([6, 5]);
    // The end of the history, shorter than asked for: the total becomes exact.
    const short = new HistoryWindow({ functionName: 'f' });
    short.want(0, 10);
    short.store(0, 1, rows(30, 30));
    expect(short.counted).toBe(true);
    expect(short.size).toBe(30);
  });

  it('puts new invocations on top once, whether they come from the invoke answer or the push event', () => {
    const w = new HistoryWindow({ functionName: 'f' });
    w.total = 3;
    w.counted = true;
    const fromInvoke: HistoryRow = { ...rows(4, 1)[0]!, seq: undefined };
    delete fromInvoke.seq;
    expect(w.add(fromInvoke)).toBe(false); // page 0 has not arrived: kept aside
    w.store(0, 1, rows(3, 3));
    expect(w.size).toBe(4);
    expect(w.row(0)?.requestId).toBe('r4');
    expect(w.add(rows(4, 1)[0]!)).toBe(false); // the push event for the same invocation
    expect(w.row(0)?.seq).toBe(4);
    expect(w.add(rows(3, 1)[0]!)).toBe(false); // already in the snapshot
    expect(w.add({ ...rows(5, 1)[0]!, functionName: 'other' })).toBe(false); // another function
    expect(w.add(rows(5, 1)[0]!)).toBe(true);
    expect(w.size).toBe(5);
  });

  it('drops pages far from the view but keeps their cursors', () => {
    const w = new HistoryWindow({ functionName: 'f' });
    w.total = 100_000;
    w.counted = true;
    for (let p = 0; p < 70; p++) w.store(p, 1, rows(100_000 - p * PAGE_SIZE, PAGE_SIZE));
    expect(w.pages.size).toBeLessThanOrEqual(60);
    expect(w.cursors.size).toBeGreaterThanOrEqual(70);
  });
});

describe('history filters', () => {
  it('maps the choices to the engine’s filter and applies the same test to new rows', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const filter = toEngineFilter('f', { ...NO_FILTERS, status: 'error', start: 'cold', range: '1h' }, now);
    expect(filter).toEqual({ functionName: 'f', status: 'error', coldStart: true, from: '2026-05-01T11:00:00.000Z' });
    const row = { functionName: 'f', status: 'error' as const, coldStart: true, startedAt: '2026-05-01T11:30:00.000Z' };
    expect(matchesFilter(row, filter)).toBe(true);
    expect(matchesFilter({ ...row, startedAt: '2026-05-01T10:59:59.000Z' }, filter)).toBe(false);
    expect(matchesFilter({ ...row, coldStart: false }, filter)).toBe(false);
  });
});
