// The invocation history: every invocation with its event, response, error and logs.
import type { InvocationRecord, InvocationStatus, InvocationSummary, InvokeError } from '../api/index.ts';
import type { Db } from './database.ts';

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
}

export interface InvocationQuery {
  functionName?: string;
  status?: InvocationStatus;
  beforeSeq?: number;
  limit: number;
}

const SUMMARY_COLUMNS = 'seq, request_id, function_name, status, error_type, started_at, duration_ms, billed_duration_ms, init_duration_ms, cold_start';

export class InvocationsRepo {
  private readonly insertStmt;
  private readonly getStmt;
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO invocations (request_id, function_name, status, error_type, started_at, duration_ms,
      billed_duration_ms, init_duration_ms, cold_start, runtime, environment_id, memory_size_mb, max_memory_used_mb, event, response, error, logs)
      VALUES (@requestId, @functionName, @status, @errorType, @startedAt, @durationMs, @billedDurationMs, @initDurationMs, @coldStart,
      @runtime, @environmentId, @memorySizeMB, @maxMemoryUsedMB, @event, @response, @error, @logs)`);
    this.getStmt = db.prepare<[string], InvocationRow>('SELECT * FROM invocations WHERE request_id = ?');
  }

  /** Records an invocation; returns its sequence number (the history's order). */
  insert(r: InvocationRecord): number {
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
    });
    return Number(info.lastInsertRowid);
  }

  get(requestId: string): InvocationRecord | undefined {
    const row = this.getStmt.get(requestId);
    return row === undefined ? undefined : toRecord(row);
  }

  list(q: InvocationQuery): (InvocationSummary & { seq: number })[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (q.functionName !== undefined) {
      where.push('function_name = ?');
      params.push(q.functionName);
    }
    if (q.status !== undefined) {
      where.push('status = ?');
      params.push(q.status);
    }
    if (q.beforeSeq !== undefined) {
      where.push('seq < ?');
      params.push(q.beforeSeq);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM invocations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    params.push(q.limit);
    return (this.db.prepare(sql).all(...params) as InvocationRow[]).map(toSummary);
  }
}

function toSummary(row: InvocationRow): InvocationSummary & { seq: number } {
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
