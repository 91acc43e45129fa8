// The invocation history: every invocation with its event, response, error, logs and estimated
// cost. Listed newest first with keyset pagination (`seq`), filtered by function, status, cold
// start and time; indexes keep a page and a count fast with 100,000 rows (test/store).
import type { InvocationListItem, InvocationRecord, InvocationStatus, InvokeError } from '../api/index.ts';
import type { Statement } from 'better-sqlite3';
import { type Db, optimize } from './database.ts';

/** Planner statistics are refreshed (if the table grew a lot) after this many recorded invocations. */
/** Planner statistics are refreshed after this many new rows (off the invoke path). */
const OPTIMIZE_EVERY = 10_000;
/** Rows written in one transaction at most; more wait for the next flush. */
const FLUSH_AT = 512;

interface InvocationRow {
  seq: number;
  request_id: string;
  function_name: string;
  status: string;
  error_type: string | null;
  started_at: string;
  duration_ms: number;
  billed_duration_ms: number;
  init_duration_ms: number | null;
  cold_start: number;
  runtime: string;
  environment_id: string;
  memory_size_mb: number;
  max_memory_used_mb: number;
  event: string;
  response: string | null;
  error: string | null;
  logs: string;
  cost_usd: number;
}

/** What `insert` takes: an invocation record (its cost may be left out, e.g. by older callers). */
/** An invocation with its position in the history. */
export type SequencedInvocation = InvocationRecord & { seq: number };

export type InvocationToRecord = Omit<InvocationRecord, 'costUsd'> & { costUsd?: number };

export interface InvocationFilter {
  functionName?: string;
  status?: InvocationStatus;
  coldStart?: boolean;
  /** Started at or after (inclusive); an ISO time as `Date.toISOString()` writes it. */
  from?: string;
  /** Started before (exclusive); an ISO time as `Date.toISOString()` writes it. */
  to?: string;
}

export interface InvocationQuery extends InvocationFilter {
  beforeSeq?: number;
  limit: number;
}

const SUMMARY_COLUMNS = 'seq, request_id, function_name, status, error_type, started_at, duration_ms, billed_duration_ms, init_duration_ms, cold_start, cost_usd';

export class InvocationsRepo {
  private readonly insertStmt;
  private readonly getStmt;
  /** Prepared list/count statements by the filters they use (at most 2^6 shapes). */
  private readonly queries = new Map<string, Statement<(string | number)[]>>();
  private insertsSinceOptimize = 0;
  constructor(private readonly db: Db) {
    this.nextSeq = this.readNextSeq();
    this.insertStmt = db.prepare(`INSERT INTO invocations (seq, request_id, function_name, status, error_type, started_at, duration_ms,
      billed_duration_ms, init_duration_ms, cold_start, runtime, environment_id, memory_size_mb, max_memory_used_mb, event, response, error, logs, cost_usd)
      VALUES (@seq, @requestId, @functionName, @status, @errorType, @startedAt, @durationMs, @billedDurationMs, @initDurationMs, @coldStart,
      @runtime, @environmentId, @memorySizeMB, @maxMemoryUsedMB, @event, @response, @error, @logs, @costUsd)`);
    this.getStmt = db.prepare<[string], InvocationRow>('SELECT * FROM invocations WHERE request_id = ?');
  }

  private nextSeq: number;
  /** Rows accepted but not yet written: they go to SQLite together, in one transaction. */
  private queue: Record<string, unknown>[] = [];
  private flushScheduled = false;

  private readNextSeq(): number {
    const row = this.db.prepare(`SELECT MAX(m) AS m FROM (SELECT MAX(seq) AS m FROM invocations UNION ALL SELECT seq AS m FROM sqlite_sequence WHERE name = 'invocations')`).get() as { m: number | null };
    return (row.m ?? 0) + 1;
  }

  /**
   * Records an invocation; returns its sequence number (the history's order). A missing cost is
   * stored as 0. Rows are written in batches, one transaction per turn of the event loop, so a
   * burst of invocations costs one commit; every read flushes first, so reads always see them.
   */
  insert(r: InvocationToRecord): number {
    const seq = this.nextSeq++;
    this.queue.push({
      seq,
      requestId: r.requestId,
      functionName: r.functionName,
      status: r.status,
      errorType: r.errorType ?? null,
      startedAt: r.startedAt,
      durationMs: r.durationMs,
      billedDurationMs: r.billedDurationMs,
      initDurationMs: r.initDurationMs ?? null,
      coldStart: r.coldStart ? 1 : 0,
      runtime: r.runtime,
      environmentId: r.environmentId,
      memorySizeMB: r.memorySizeMB,
      maxMemoryUsedMB: r.maxMemoryUsedMB,
      event: r.event,
      response: r.response ?? null,
      error: r.error === undefined ? null : JSON.stringify(r.error),
      logs: r.logs,
      costUsd: r.costUsd ?? 0,
    });
    if (this.queue.length >= FLUSH_AT) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return seq;
  }

  /** Writes the accepted rows now (reads and close call this). */
  flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;
    const rows = this.queue;
    this.queue = [];
    const write = (): void => {
      for (const row of rows) this.insertStmt.run(row);
    };
    if (this.db.inTransaction) write();
    else this.db.transaction(write)();
    this.insertsSinceOptimize += rows.length;
    if (this.insertsSinceOptimize >= OPTIMIZE_EVERY && !this.db.inTransaction) this.optimize();
  }

  /** Records many invocations in one transaction; returns their sequence numbers. */
  insertMany(records: readonly InvocationToRecord[]): number[] {
    const seqs = records.map((r) => this.insert(r));
    this.flush();
    this.optimize();
    return seqs;
  }

  private optimize(): void {
    this.insertsSinceOptimize = 0;
    optimize(this.db);
  }

  /** The newest invocation's seq (0 for an empty history). */
  latestSeq(): number {
    this.flush();
    return (this.prepared('SELECT max(seq) AS n FROM invocations').get() as { n: number | null }).n ?? 0;
  }

  /** The newest `limit` invocations of a function after `afterSeq`, oldest first (lesson checks). */
  after(functionName: string, afterSeq: number, limit: number): SequencedInvocation[] {
    this.flush();
    const rows = this.prepared('SELECT * FROM (SELECT * FROM invocations WHERE function_name = ? AND seq > ? ORDER BY seq DESC LIMIT ?) ORDER BY seq')
      .all(functionName, afterSeq, limit) as InvocationRow[];
    return rows.map((row) => ({ ...toRecord(row), seq: row.seq }));
  }

  get(requestId: string): InvocationRecord | undefined {
    this.flush();
    const row = this.getStmt.get(requestId);
    return row === undefined ? undefined : toRecord(row);
  }

  /** A page of summaries, newest first: pass the last row's `seq` as `beforeSeq` for the next page. */
  list(q: InvocationQuery): InvocationListItem[] {
    this.flush();
    const { where, params } = whereClause(q, q.beforeSeq);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM invocations ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.prepared(sql).all(...params, q.limit) as InvocationRow[]).map(toSummary);
  }

  /** How many invocations match the filter. */
  count(f: InvocationFilter): number {
    this.flush();
    const { where, params } = whereClause(f, undefined);
    return (this.prepared(`SELECT COUNT(*) AS n FROM invocations ${where}`).get(...params) as { n: number }).n;
  }

  /** The query plan of a page query (tests check that filters use an index). */
  explainList(q: InvocationQuery): string[] {
    this.flush();
    const { where, params } = whereClause(q, q.beforeSeq);
    const sql = `EXPLAIN QUERY PLAN SELECT ${SUMMARY_COLUMNS} FROM invocations ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, q.limit) as { detail: string }[]).map((r) => r.detail);
  }

  private prepared(sql: string): Statement<(string | number)[]> {
    let stmt = this.queries.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare<(string | number)[]>(sql);
      this.queries.set(sql, stmt);
    }
    return stmt;
  }
}

function whereClause(f: InvocationFilter, beforeSeq: number | undefined): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.functionName !== undefined) {
    where.push('function_name = ?');
    params.push(f.functionName);
  }
  if (f.status !== undefined) {
    where.push('status = ?');
    params.push(f.status);
  }
  if (f.coldStart !== undefined) {
    where.push('cold_start = ?');
    params.push(f.coldStart ? 1 : 0);
  }
  if (f.from !== undefined) {
    where.push('started_at >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push('started_at < ?');
    params.push(f.to);
  }
  if (beforeSeq !== undefined) {
    where.push('seq < ?');
    params.push(beforeSeq);
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

function toSummary(row: InvocationRow): InvocationListItem {
  return {
    seq: row.seq,
    requestId: row.request_id,
    functionName: row.function_name,
    status: row.status as InvocationStatus,
    ...(row.error_type !== null ? { errorType: row.error_type } : {}),
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    billedDurationMs: row.billed_duration_ms,
    ...(row.init_duration_ms !== null ? { initDurationMs: row.init_duration_ms } : {}),
    coldStart: row.cold_start === 1,
    costUsd: row.cost_usd,
  };
}

function toRecord(row: InvocationRow): InvocationRecord {
  const { seq: _seq, ...summary } = toSummary(row);
  return {
    ...summary,
    runtime: row.runtime as InvocationRecord['runtime'],
    environmentId: row.environment_id,
    event: row.event,
    ...(row.response !== null ? { response: row.response } : {}),
    ...(row.error !== null ? { error: JSON.parse(row.error) as InvokeError } : {}),
    logs: row.logs,
    memorySizeMB: row.memory_size_mb,
    maxMemoryUsedMB: row.max_memory_used_mb,
  };
}
