// The lines Lambda itself (not the runtime) writes around an invocation: INIT_START, START,
// END, REPORT, INIT_REPORT and the timeout notice, in Text or JSON log format
// (../shared/reference/lambda-facts.md §3).

export type LogFormat = 'Text' | 'JSON';
export type ReportStatus = 'success' | 'error' | 'timeout';

/** Runtime version strings as Lambda prints them in INIT_START (version numbers representative). */
const RUNTIME_VERSIONS: Record<string, { version: string; arnHash: string }> = {
  'nodejs20.x': { version: 'nodejs:20.v52', arnHash: 'a4e3d5a3c6b3e2c9d5a8a4b1f2e3d4c5b6a7980f1e2d3c4b5a69788796a5b4c3' },
  'nodejs22.x': { version: 'nodejs:22.v31', arnHash: 'b7f2c1d0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2' },
  'nodejs24.x': { version: 'nodejs:24.v9', arnHash: 'c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2' },
};

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  status: ReportStatus;
  errorType?: string;
}

export interface PlatformLog {
  initStart(runtime: string, region: string, functionName: string, at: Date): string;
  start(requestId: string, at: Date): string;
  end(requestId: string, at: Date): string;
  report(fields: ReportFields, at: Date): string;
  initReport(initDurationMs: number, phase: 'init' | 'invoke', status: 'error' | 'timeout', errorType: string | undefined, at: Date): string;
  timedOut(requestId: string, timeoutMs: number, at: Date): string;
}

const ms = (n: number): string => n.toFixed(2);

function runtimeVersion(runtime: string, region: string) {
  const v = RUNTIME_VERSIONS[runtime] ?? RUNTIME_VERSIONS['nodejs24.x']!;
  return { version: v.version, arn: `arn:aws:lambda:${region}::runtime:${v.arnHash}` };
}

export const textPlatformLog: PlatformLog = {
  initStart(runtime, region) {
    const v = runtimeVersion(runtime, region);
    return `INIT_START Runtime Version: ${v.version}\tRuntime Version ARN: ${v.arn}`;
  },
  start: (requestId) => `START RequestId: ${requestId} Version: $LATEST`,
  end: (requestId) => `END RequestId: ${requestId}`,
  report(f) {
    const parts = [
      `REPORT RequestId: ${f.requestId}`,
      `Duration: ${ms(f.durationMs)} ms`,
      `Billed Duration: ${f.billedDurationMs} ms`,
      `Memory Size: ${f.memorySizeMB} MB`,
      `Max Memory Used: ${f.maxMemoryUsedMB} MB`,
    ];
    if (f.initDurationMs !== undefined) parts.push(`Init Duration: ${ms(f.initDurationMs)} ms`);
    if (f.status === 'success') return `${parts.join('\t')}\t`;
    parts.push(`Status: ${f.status}`);
    if (f.errorType !== undefined && f.status === 'error') parts.push(`Error Type: ${f.errorType}`);
    return parts.join('\t');
  },
  initReport(initDurationMs, phase, status, errorType) {
    const parts = [`INIT_REPORT Init Duration: ${ms(initDurationMs)} ms`, `Phase: ${phase}`, `Status: ${status}`];
    if (errorType !== undefined && status === 'error') parts.push(`Error Type: ${errorType}`);
    return parts.join('\t');
  },
  timedOut: (requestId, timeoutMs, at) => `${at.toISOString()} ${requestId} Task timed out after ${ms(timeoutMs / 1000)} seconds`,
};

const json = (at: Date, type: string, record: Record<string, unknown>): string =>
  JSON.stringify({ time: at.toISOString(), type, record });

export const jsonPlatformLog: PlatformLog = {
  initStart(runtime, region, functionName, at) {
    const v = runtimeVersion(runtime, region);
    return json(at, 'platform.initStart', {
      initializationType: 'on-demand',
      phase: 'init',
      runtimeVersion: v.version,
      runtimeVersionArn: v.arn,
      functionName,
      functionVersion: '$LATEST',
    });
  },
  start: (requestId, at) => json(at, 'platform.start', { requestId, version: '$LATEST' }),
  // JSON format has no END line: platform.report closes the invocation.
  end: () => '',
  report(f, at) {
    const metrics: Record<string, number> = {
      durationMs: round2(f.durationMs),
      billedDurationMs: f.billedDurationMs,
      memorySizeMB: f.memorySizeMB,
      maxMemoryUsedMB: f.maxMemoryUsedMB,
    };
    if (f.initDurationMs !== undefined) metrics['initDurationMs'] = round2(f.initDurationMs);
    const record: Record<string, unknown> = { requestId: f.requestId, metrics, status: f.status };
    if (f.errorType !== undefined && f.status === 'error') record['errorType'] = f.errorType;
    return json(at, 'platform.report', record);
  },
  initReport(initDurationMs, phase, status, errorType, at) {
    const record: Record<string, unknown> = { initializationType: 'on-demand', phase, status, metrics: { durationMs: round2(initDurationMs) } };
    if (errorType !== undefined) record['errorType'] = errorType;
    return json(at, 'platform.initReport', record);
  },
  // UNCONFIRMED: the timeout notice keeps its text form in JSON log format.
  timedOut: (requestId, timeoutMs, at) => textPlatformLog.timedOut(requestId, timeoutMs, at),
};

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function platformLog(format: LogFormat): PlatformLog {
  return format === 'JSON' ? jsonPlatformLog : textPlatformLog;
}

/** Billed duration: rounded up to 1 ms (since Dec 2020), INIT included (since Aug 2025). */
export function billedDurationMs(durationMs: number, initDurationMs: number | undefined): number {
  return Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0)));
}
