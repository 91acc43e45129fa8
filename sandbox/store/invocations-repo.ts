// The invocation history: every invocation with its event, response, error, logs and estimated
// cost. Listed newest first with keyset pagination (`seq`), filtered by function, status, cold
// start and time; indexes keep a page and a count fast with 100,000 rows (test/store).
import type { InvocationListItem, InvocationRecord, InvocationStatus, InvokeError } from '../api/index.ts';
import type { Statement } from 'better-sqlite3';
import { type Db, optimize } from './database.ts';

/** Planner statistics are refreshed (if the table grew a lot) after this many recorded invocations. */
const OPTIMIZE_EVERY = 1000;

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
    this.insertStmt = db.prepare(`INSERT INTO invocations (request_id, function_name, status, error_type, started_at, duration_ms,
      billed_duration_ms, init_duration_ms, cold_start, runtime, environment_id, memory_size_mb, max_memory_used_mb, event, response, error, logs, cost_usd)
      VALUES (@requestId, @functionName, @status, @errorType, @startedAt, @durationMs, @billedDurationMs, @initDurationMs, @coldStart,
      @runtime, @environmentId, @memorySizeMB, @maxMemoryUsedMB, @event, @response, @error, @logs, @costUsd)`);
    this.getStmt = db.prepare<[string], InvocationRow>('SELECT * FROM invocations WHERE request_id = ?');
  }

  /** Records an invocation; returns its sequence number (the history's order). A missing cost is stored as 0. */
  insert(r: InvocationToRecord): number {
    const info = this.insertStmt.run({
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
    if (++this.insertsSinceOptimize >= OPTIMIZE_EVERY && !this.db.inTransaction) this.optimize();
    return Number(info.lastInsertRowid);
  }

  /** Records many invocations in one transaction; returns their sequence numbers. */
  insertMany(records: readonly InvocationToRecord[]): number[] {
    const seqs = this.db.transaction(() => records.map((r) => this.insert(r)))();
    this.optimize();
    return seqs;
  }

  private optimize(): void {
    this.insertsSinceOptimize = 0;
    optimize(this.db);
  }

  get(requestId: string): InvocationRecord | undefined {
    const row = this.getStmt.get(requestId);
    return row === undefined ? undefined : toRecord(row);
  }

  /** A page of summaries, newest first: pass the last row's `seq` as `beforeSeq` for the next page. */
  list(q: InvocationQuery): InvocationListItem[] {
    const { where, params } = whereClause(q, q.beforeSeq);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM invocations ${where} ORDER BY seq DESC LIMIT ?`;
    return (this.prepared(sql).all(...params, q.limit) as InvocationRow[]).map(toSummary);
  }

  /** How many invocations match the filter. */
  count(f: InvocationFilter): number {
    const { where, params } = whereClause(f, undefined);
    return (this.prepared(`SELECT COUNT(*) AS n FROM invocations ${where}`).get(...params) as { n: number }).n;
  }

  /** The query plan of a page query (tests check that filters use an index). */
  explainList(q: InvocationQuery): string[] {
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
