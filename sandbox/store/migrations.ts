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
  {
    version: 2,
    name: 'function workspace: soft delete, test events, invocation cost, history filters',
    sql: `
      -- Soft delete: a deleted function keeps its row (and files, test events) for the undo window.
      ALTER TABLE functions ADD COLUMN deleted_at TEXT;
      CREATE TABLE test_events (
        function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE ON UPDATE CASCADE,
        name TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (function_name, name)
      ) STRICT;
      -- Estimated cost in USD (sandbox/observe/billing.ts). Rows recorded before this migration are
      -- estimated here with the prices of 2026 (first tier) and the function's current architecture
      -- and ephemeral storage (x86_64 and 512 MB when the function no longer exists).
      ALTER TABLE invocations ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
      UPDATE invocations SET cost_usd =
        0.0000002
        + (memory_size_mb / 1024.0) * (billed_duration_ms / 1000.0) * (
            CASE (SELECT json_extract(f.config, '$.architecture') FROM functions f WHERE f.name = invocations.function_name)
              WHEN 'arm64' THEN 0.0000133334 ELSE 0.0000166667 END)
        + (max(0, coalesce((SELECT json_extract(f.config, '$.ephemeralStorageMB') FROM functions f WHERE f.name = invocations.function_name), 512) - 512) / 1024.0)
          * (billed_duration_ms / 1000.0) * 0.0000000309;
      -- History filters (invocations:list / invocations:count), newest first by seq.
      CREATE INDEX invocations_by_function_status ON invocations (function_name, status, cold_start, seq DESC);
      CREATE INDEX invocations_by_cold_start ON invocations (cold_start, seq DESC);
      CREATE INDEX invocations_by_started_at ON invocations (started_at);
      CREATE INDEX invocations_by_function_started_at ON invocations (function_name, started_at);
    `,
  },
  {
    version: 3,
    name: 'lessons and quizzes: progress, attempts, missed questions',
    sql: `
      -- One row per lesson the student started. Only invocations with seq > start_seq count for
      -- its checks (history from before the start or the last reset never satisfies a step).
      CREATE TABLE lesson_progress (
        lesson_id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        start_seq INTEGER NOT NULL,
        completed_at TEXT,
        solution_shown_at TEXT,
        last_activity_at TEXT NOT NULL
      ) STRICT;
      -- Per step: when it passed (and the last invocation seq then: the next step's checks look
      -- after it), hints revealed, the last typed answer.
      CREATE TABLE lesson_steps (
        lesson_id TEXT NOT NULL REFERENCES lesson_progress(lesson_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        completed_at TEXT,
        completed_seq INTEGER,
        hints_revealed INTEGER NOT NULL DEFAULT 0,
        answer REAL,
        answered_at TEXT,
        PRIMARY KEY (lesson_id, step_id)
      ) STRICT;
      CREATE TABLE quiz_attempts (
        id TEXT PRIMARY KEY,
        mode TEXT NOT NULL,
        lesson_id TEXT,
        exam TEXT,
        started_at TEXT NOT NULL,
        time_limit_minutes INTEGER,
        deadline TEXT,
        submitted_at TEXT,
        auto_submitted INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL,
        correct INTEGER,
        percent REAL,
        passed INTEGER,
        report TEXT
      ) STRICT;
      CREATE INDEX quiz_attempts_by_started_at ON quiz_attempts (started_at DESC, id);
      CREATE INDEX quiz_attempts_by_lesson ON quiz_attempts (lesson_id, started_at DESC);
      -- The questions of an attempt in their shuffled order; choice_order and selected are JSON
      -- arrays of the bank's choice ids (display letters are positions in choice_order).
      CREATE TABLE quiz_attempt_questions (
        attempt_id TEXT NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        choice_order TEXT NOT NULL,
        selected TEXT NOT NULL DEFAULT '[]',
        flagged INTEGER NOT NULL DEFAULT 0,
        from_missed INTEGER NOT NULL DEFAULT 0,
        correct INTEGER,
        PRIMARY KEY (attempt_id, position),
        UNIQUE (attempt_id, question_id)
      ) STRICT;
      -- Spaced repetition, lite: a missed question waits here until answered right twice in a row.
      CREATE TABLE missed_questions (
        question_id TEXT PRIMARY KEY,
        missed_count INTEGER NOT NULL,
        right_streak INTEGER NOT NULL DEFAULT 0,
        last_missed_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
    `,
  },
];
