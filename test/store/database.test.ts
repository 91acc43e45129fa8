// The lab's database: WAL, migrations recorded, damaged files kept aside, newer schemas refused.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../sandbox/store/database.ts';
import { MIGRATIONS } from '../../sandbox/store/migrations.ts';
import { openStore } from '../../sandbox/store/index.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

afterEach(removeTempDirs);
const now = () => new Date('2026-01-02T03:04:05.000Z');

describe('database', () => {
  it('uses WAL and records every migration once', () => {
    const path = join(tempDir(), 'lab.db');
    const first = openDatabase(path, now).db;
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    const rows = first.prepare('SELECT version, name, applied_at FROM schema_migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: '2026-01-02T03:04:05.000Z' })));
    first.close();
    const again = openDatabase(path, now).db;
    expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    again.close();
  });

  it('moves a damaged database aside, keeps it, and starts a new one', () => {
    const dir = tempDir();
    const path = join(dir, 'lab.db');
    writeFileSync(path, 'this is not a database, but somebody\'s data'.repeat(200));
    const opened = openDatabase(path, now);
    expect(opened.recoveredFrom).toBeDefined();
    expect(existsSync(opened.recoveredFrom ?? '')).toBe(true);
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(true);
    expect(opened.db.prepare('SELECT COUNT(*) AS n FROM functions').get()).toEqual({ n: 0 });
    opened.db.close();
  });

  it('refuses a database written by a newer version instead of changing it', () => {
    const path = join(tempDir(), 'lab.db');
    const db = new Database(path);
    migrate(db, [...MIGRATIONS, { version: 999, name: 'future', sql: 'CREATE TABLE future (x)' }], now);
    db.close();
    expect(() => openDatabase(path, now)).toThrow(/written by a newer Lambda Lab \(schema 999/);
    expect(existsSync(path)).toBe(true);
  });
});

describe('repositories', () => {
  it('stores functions with their files and bumps the revision on change', () => {
    const store = openStore(':memory:', now);
    const config = { runtime: 'nodejs24.x', handler: 'index.handler', memorySizeMB: 128, timeoutSeconds: 3, environment: {}, architecture: 'x86_64', ephemeralStorageMB: 512, logFormat: 'Text', applicationLogLevel: 'INFO', systemLogLevel: 'INFO' } as const;
    store.functions.create('f', 'desc', config, [{ path: 'index.mjs', content: 'x' }]);
    expect(store.functions.get('f')?.revision).toBe(1);
    store.functions.saveFiles('f', [{ path: 'index.mjs', content: 'y' }, { path: 'lib/a.js', content: 'z' }]);
    const f = store.functions.get('f');
    expect(f?.revision).toBe(2);
    expect(f?.files).toEqual([{ path: 'index.mjs', content: 'y' }, { path: 'lib/a.js', content: 'z' }]);
    store.close();
  });

  it('pages invocation history newest first and filters by function and status', () => {
    const store = openStore(':memory:', now);
    for (let i = 0; i < 5; i++) {
      store.invocations.insert({
        requestId: `r${i}`, functionName: i % 2 === 0 ? 'a' : 'b', status: i === 4 ? 'error' : 'success', startedAt: now().toISOString(),
        durationMs: 1, billedDurationMs: 1, coldStart: i === 0, runtime: 'nodejs24.x', environmentId: 'e', event: '{"__proto__":{"polluted":true}}',
        logs: '', memorySizeMB: 128, maxMemoryUsedMB: 2, ...(i === 4 ? { errorType: 'Error', error: { errorType: 'Error', errorMessage: 'x', trace: [] } } : {}),
      });
    }
    expect(store.invocations.list({ limit: 10 }).map((r) => r.requestId)).toEqual(['r4', 'r3', 'r2', 'r1', 'r0']);
    expect(store.invocations.list({ limit: 10, functionName: 'a' }).map((r) => r.requestId)).toEqual(['r4', 'r2', 'r0']);
    expect(store.invocations.list({ limit: 10, status: 'error' }).map((r) => r.requestId)).toEqual(['r4']);
    const page = store.invocations.list({ limit: 2 });
    expect(store.invocations.list({ limit: 2, beforeSeq: page[1]?.seq }).map((r) => r.requestId)).toEqual(['r2', 'r1']);
    expect(store.invocations.get('r4')?.error).toEqual({ errorType: 'Error', errorMessage: 'x', trace: [] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    store.close();
  });
});
