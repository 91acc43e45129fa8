// Opens the lab's SQLite database (WAL) and brings its schema up to date. A file that is not
// a usable database is moved aside (never deleted) and a fresh one is created in its place.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  /** Set when a damaged database was moved aside to this path. */
  recoveredFrom?: string;
}

export function openDatabase(path: string, now: () => Date = () => new Date()): OpenedDatabase {
  if (path === ':memory:') return { db: prepare(new Database(':memory:'), now) };
  mkdirSync(dirname(path), { recursive: true });
  try {
    return { db: prepare(new Database(path), now) };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!existsSync(path)) throw new Error(`Could not create the lab database at ${path}: ${(e as Error).message}`, { cause: e });
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') {
      throw new Error(`Could not open the lab database at ${path}: ${(e as Error).message}`, { cause: e });
    }
    const aside = `${path}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    }
    try {
      return { db: prepare(new Database(path), now), recoveredFrom: aside };
    } catch (e2) {
      throw new Error(`Could not open the lab database at ${path}: ${(e2 as Error).message} (the damaged file was kept as ${aside})`, { cause: e2 });
    }
  }
}

function prepare(db: Db, now: () => Date): Db {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS, now);
    // Query planner statistics: analyzes tables that never were, or whose size changed a lot since
    // (cheap otherwise). Without them a time-filtered history page may scan the whole table.
    optimize(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function migrate(db: Db, migrations: readonly Migration[], now: () => Date): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(`the lab database was written by a newer Lambda Lab (schema ${newest}, this version knows ${known}); update Lambda Lab`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now().toISOString());
    })();
  }
}

/** `PRAGMA optimize` over all tables: re-analyzes only those whose row count changed a lot. */
export function optimize(db: Db): void {
  db.pragma('optimize=0x10002');
}
