// Schema 2: soft-deleted functions, test events that follow their function, invocation cost,
// and history queries that stay fast with 100,000 invocations.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FunctionConfig } from '../../sandbox/api/index.ts';
import { migrate } from '../../sandbox/store/database.ts';
import { openStore } from '../../sandbox/store/index.ts';
import type { InvocationFilter, InvocationToRecord } from '../../sandbox/store/invocations-repo.ts';
import { MIGRATIONS } from '../../sandbox/store/migrations.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

afterEach(removeTempDirs);
const now = () => new Date('2026-05-01T00:00:00.000Z');
const config: FunctionConfig = {
  runtime: 'nodejs24.x', handler: 'index.handler', memorySizeMB: 128, timeoutSeconds: 3, environment: {}, architecture: 'x86_64',
  ephemeralStorageMB: 512, logFormat: 'Text', applicationLogLevel: 'INFO', systemLogLevel: 'INFO',
};
const invocation = (i: number, over: Partial<InvocationToRecord> = {}): InvocationToRecord => ({
  requestId: `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`, functionName: 'f', status: 'success',
  startedAt: new Date(Date.UTC(2026, 0, 1) + i * 25_000).toISOString(), durationMs: 12.3, billedDurationMs: 13, coldStart: false,
  runtime: 'nodejs24.x', environmentId: 'e'.repeat(32), event: '{}', response: '1', logs: '', memorySizeMB: 128, maxMemoryUsedMB: 60, costUsd: 0.00000023, ...over,
});

describe('migration 2', () => {
  it('upgrades a schema-1 database and estimates the cost of earlier invocations', () => {
    const path = join(tempDir(), 'lab.db');
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.version === 1), now);
    db.prepare('INSERT INTO functions (name, description, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('arm', '', JSON.stringify({ ...config, architecture: 'arm64', ephemeralStorageMB: 1536 }), 'x', 'x');
    const insert = db.prepare(`INSERT INTO invocations (request_id, function_name, status, started_at, duration_ms, billed_duration_ms, cold_start, runtime,
      environment_id, memory_size_mb, max_memory_used_mb, event, logs) VALUES (?, ?, 'success', '2026-01-01T00:00:00.000Z', 1000, 1000, 0, 'nodejs24.x', 'e', 1024, 1, '{}', '')`);
    insert.run('r-arm', 'arm');
    insert.run('r-gone', 'deleted-long-ago');
    db.close();
    const store = openStore(path, now);
    expect(store.invocations.get('r-arm')?.costUsd).toBeCloseTo(0.0000002 + 0.0000133334 + 1 * 0.0000000309, 15);
    expect(store.invocations.get('r-gone')?.costUsd).toBeCloseTo(0.0000002 + 0.0000166667, 15);
    expect(store.functions.get('arm')?.name).toBe('arm');
    store.close();
  });
});

describe('functions and test events', () => {
  it('keeps a soft-deleted function (files, test events) until it is purged; history is never touched', () => {
    const store = openStore(':memory:', now);
    store.functions.create('f', '', config, [{ path: 'index.mjs', content: 'x' }]);
    store.testEvents.save('f', 'ev', '{}');
    store.invocations.insert(invocation(1));
    expect(store.functions.softDelete('f', '2026-05-01T00:00:00.000Z')).toBe(true);
    expect(store.functions.get('f')).toBeUndefined();
    expect(store.functions.list()).toEqual([]);
    expect(store.functions.deletedAt('f')).toBe('2026-05-01T00:00:00.000Z');
    expect(store.functions.purgeDeletedBefore('2026-04-30T23:59:59.999Z')).toEqual([]);
    expect(store.functions.restore('f')).toBe(true);
    expect(store.functions.get('f')?.files).toEqual([{ path: 'index.mjs', content: 'x' }]);
    store.functions.softDelete('f', '2026-05-01T00:00:00.000Z');
    expect(store.functions.purgeDeletedBefore('2026-05-01T00:00:00.000Z')).toEqual(['f']);
    expect(store.testEvents.list('f')).toEqual([]);
    expect(store.invocations.count({ functionName: 'f' })).toBe(1);
    store.close();
  });

  it('carries test events along a rename and copies them on duplicate', () => {
    const store = openStore(':memory:', now);
    store.functions.create('f', 'd', config, [{ path: 'index.mjs', content: 'x' }]);
    store.testEvents.save('f', 'ev', '{"a":1}');
    store.invocations.insert(invocation(1));
    store.functions.rename('f', 'g');
    expect(store.testEvents.list('g').map((e) => e.name)).toEqual(['ev']);
    expect(store.invocations.count({ functionName: 'g' })).toBe(1);
    store.functions.duplicate('g', 'h');
    expect(store.functions.get('h')?.files).toEqual([{ path: 'index.mjs', content: 'x' }]);
    expect(store.testEvents.get('h', 'ev')?.content).toBe('{"a":1}');
    expect(store.invocations.count({ functionName: 'h' })).toBe(0);
    store.close();
  });
});

describe('history with 100,000 invocations', () => {
  it('answers filtered pages and counts fast (measured, printed)', { timeout: 120_000 }, () => {
    const store = openStore(join(tempDir(), 'lab.db'), now);
    const functions = Array.from({ length: 20 }, (_, i) => `fn-${i}`);
    let seed = 42;
    const rnd = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const rows: InvocationToRecord[] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = rnd();
      const status = r < 0.003 ? 'timeout' : r < 0.05 ? 'error' : 'success';
      rows.push(invocation(i, {
        functionName: functions[rnd() < 0.3 ? 0 : Math.floor(rnd() * 20)] as string,
        status,
        ...(status === 'success' ? {} : { errorType: 'Error', error: { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom'] } }),
        coldStart: rnd() < 0.02,
        event: JSON.stringify({ n: i, pad: 'x'.repeat(200) }),
        logs: `START RequestId: ${i}\n${'2026-01-01T00:00:00.000Z\tINFO\tsome log line\n'.repeat(5)}END\nREPORT Duration: 12.30 ms`,
      }));
    }
    const t0 = performance.now();
    store.invocations.insertMany(rows);
    const insertMs = performance.now() - t0;

    const at = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 25_000).toISOString();
    const cases: Record<string, InvocationFilter> = {
      'no filter': {},
      'function (3.5%)': { functionName: 'fn-3' },
      'function (33%)': { functionName: 'fn-0' },
      'status error': { status: 'error' },
      'status timeout (0.3%)': { status: 'timeout' },
      'cold starts': { coldStart: true },
      'warm': { coldStart: false },
      'function + status': { functionName: 'fn-3', status: 'error' },
      'function + cold': { functionName: 'fn-3', coldStart: true },
      'time range (10%)': { from: at(50_000), to: at(60_000) },
      'oldest 1% (to only)': { to: at(1_000) },
      'function + time': { functionName: 'fn-3', from: at(50_000), to: at(60_000) },
      'status + cold + time': { status: 'error', coldStart: false, from: at(10_000), to: at(90_000) },
      'all filters': { functionName: 'fn-0', status: 'error', coldStart: false, from: at(10_000), to: at(90_000) },
    };
    const time = (f: () => unknown): number => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    const lines: string[] = [`inserted 100,000 invocations in ${insertMs.toFixed(0)} ms`];
    let worst = 0;
    for (const [name, filter] of Object.entries(cases)) {
      const firstMs = time(() => store.invocations.list({ ...filter, limit: 100 }));
      const page = store.invocations.list({ ...filter, limit: 100 });
      const last = page[page.length - 1]?.seq;
      const nextMs = last === undefined ? 0 : time(() => store.invocations.list({ ...filter, limit: 100, beforeSeq: last }));
      const countMs = time(() => store.invocations.count(filter));
      const n = store.invocations.count(filter);
      worst = Math.max(worst, firstMs, nextMs, countMs);
      lines.push(`${name.padEnd(24)} first page ${firstMs.toFixed(2).padStart(6)} ms | next page ${nextMs.toFixed(2).padStart(6)} ms | count ${countMs.toFixed(2).padStart(6)} ms (${n} rows)`);
      expect(page.length).toBe(Math.min(100, n));
      expect(page.every((p, i) => i === 0 || (page[i - 1]?.seq ?? 0) > p.seq)).toBe(true);
    }
    console.log(lines.join('\n'));
    // Real numbers are printed above (a few ms at most); this bound only catches a missing index.
    expect(worst).toBeLessThan(500);
    store.close();
  });
});
