// Schema history. Each migration runs once, in order, inside a transaction; the
// `schema_migrations` table records which ran. Never edit a released migration: add one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'functions and invocations',
    sql: `
      CREATE TABLE functions (
        name TEXT PRIMARY KEY,
        description TEXT NOT NULL DEFAULT '',
        config TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE function_files (
        function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE ON UPDATE CASCADE,
        path TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (function_name, path)
      ) STRICT;
      CREATE TABLE invocations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL UNIQUE,
        function_name TEXT NOT NULL,
        status TEXT NOT NULL,
        error_type TEXT,
        started_at TEXT NOT NULL,
        duration_ms REAL NOT NULL,
        billed_duration_ms INTEGER NOT NULL,
        init_duration_ms REAL,
        cold_start INTEGER NOT NULL,
        runtime TEXT NOT NULL,
        environment_id TEXT NOT NULL,
        memory_size_mb INTEGER NOT NULL,
        max_memory_used_mb INTEGER NOT NULL,
        event TEXT NOT NULL,
        response TEXT,
        error TEXT,
        logs TEXT NOT NULL
      ) STRICT;
      CREATE INDEX invocations_by_function ON invocations (function_name, seq DESC);
      CREATE INDEX invocations_by_status ON invocations (status, seq DESC);
    `,
  },
];
